package dev.x12gw.config;

/** A configuration file is missing or wrong; the message names the file, line and column. */
public class ConfigFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigFileException(String message) {
    super(message);
  }

  public ConfigFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
