package dev.x12gw.gateway;

/**
 * Another gateway node holds a file of the same content (or took this file over from this node):
 * the file stays on the drop and is tried again later, when that node is done with it (routes,
 * {@code intake-error-handling}).
 */
public final class FileHeldElsewhereException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FileHeldElsewhereException(String fileName, String why) {
    super(fileName + ": " + why + "; the file stays on the drop and is tried again");
  }
}
