package dev.x12gw.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Gateway configuration: {@code config/application.properties}, each key overridable by an
 * environment variable (the key upper-cased, dots and dashes as underscores: {@code sftp.host} is
 * {@code SFTP_HOST}) or a JVM system property, with the same precedence as Camel's property
 * placeholders: environment, then system property, then file.
 */
public final class Settings {
  private final Path home;
  private final Map<String, String> file;
  private final Function<String, String> env;
  private final Function<String, String> system;
  private final Map<String, String> derived = new TreeMap<>();

  Settings(
      Path home,
      Map<String, String> file,
      Function<String, String> env,
      Function<String, String> system) {
    this.home = home;
    this.file = file;
    this.env = env;
    this.system = system;
  }

  /**
   * Loads settings of an installation.
   *
   * @param home the installation directory (holds {@code config/}, {@code routes/}, ...)
   * @param configFile the properties file; relative paths are relative to {@code home}
   */
  public static Settings load(Path home, Path configFile) throws IOException {
    Path file = home.resolve(configFile);
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    Map<String, String> values = new TreeMap<>();
    p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k).trim()));
    return new Settings(home, values, System::getenv, System::getProperty);
  }

  /** Settings from a map, for tests: no environment, no system properties. */
  public static Settings of(Path home, Map<String, String> values) {
    return new Settings(home, new TreeMap<>(values), k -> null, k -> null);
  }

  /** Environment variable name of a key: {@code sftp.poll-delay} is {@code SFTP_POLL_DELAY}. */
  public static String environmentName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  public Path home() {
    return home;
  }

  /** The value of a key, or empty when it is not set anywhere. */
  public java.util.Optional<String> find(String key) {
    String v = derived.get(key);
    if (v == null) {
      v = env.apply(environmentName(key));
    }
    if (v == null) {
      v = system.apply(key);
    }
    if (v == null) {
      v = file.get(key);
    }
    return java.util.Optional.ofNullable(v).map(String::trim);
  }

  /** A required, non-blank value. */
  public String get(String key) {
    return find(key)
        .filter(v -> !v.isEmpty())
        .orElseThrow(
            () ->
                new NoSuchElementException(
                    "setting '"
                        + key
                        + "' is required (config file or "
                        + environmentName(key)
                        + ")"));
  }

  public String get(String key, String defaultValue) {
    return find(key).filter(v -> !v.isEmpty()).orElse(defaultValue);
  }

  public int getInt(String key, int defaultValue) {
    long v = getLong(key, defaultValue);
    if (v != (int) v) {
      throw new IllegalArgumentException(
          "setting '" + key + "' (" + environmentName(key) + ") is out of range: " + v);
    }
    return (int) v;
  }

  public long getLong(String key, long defaultValue) {
    String v = get(key, String.valueOf(defaultValue));
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "setting '" + key + "' (" + environmentName(key) + ") must be a whole number: " + v, e);
    }
  }

  public boolean getBoolean(String key, boolean defaultValue) {
    String v = get(key, String.valueOf(defaultValue)).toLowerCase(Locale.ROOT);
    return switch (v) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default ->
          throw new IllegalArgumentException(
              "setting '" + key + "' (" + environmentName(key) + ") must be true or false");
    };
  }

  /** A path setting, relative to the installation home unless absolute. */
  public Path path(String key, String defaultValue) {
    return home.resolve(get(key, defaultValue)).normalize();
  }

  /** Sets a value computed at start (e.g. a generated local password); wins over everything. */
  public void derive(String key, String value) {
    derived.put(key, value);
  }

  /**
   * Every key from the file and every derived key, resolved: what Camel's placeholders see, so
   * routes and Java read the same values.
   */
  public Properties resolved() {
    Properties out = new Properties();
    for (String key : file.keySet()) {
      find(key).ifPresent(v -> out.setProperty(key, v));
    }
    derived.forEach(out::setProperty);
    return out;
  }
}
