package dev.x12gw.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The gateway process's JVM options ({@code config/gateway.jvm-options}: one a line, {@code #}
 * comments), which {@code bin/x12gw run} adds to {@code JAVA_OPTS} unless it names a garbage
 * collector; read here for the gateway {@code bench --gateway} starts, so it runs as {@code
 * bin/x12gw run} does.
 */
public final class GatewayJvmOptions {
  /** JAVA_OPTS naming a garbage collector: {@code -XX:+UseG1GC}, {@code -XX:+UseZGC}, ... */
  private static final Pattern NAMES_COLLECTOR = Pattern.compile("(^|\\s)-XX:\\+Use\\S*GC(\\s|$)");

  private GatewayJvmOptions() {}

  /**
   * The options to add for a gateway started with {@code javaOpts}: none when it names a garbage
   * collector.
   *
   * @param home the gateway's home ({@code x12gw.home}), whose {@code config/} holds the file
   */
  public static List<String> read(Path home, String javaOpts) throws IOException {
    if (NAMES_COLLECTOR.matcher(javaOpts).find()) {
      return List.of();
    }
    List<String> options = new ArrayList<>();
    for (String line : Files.readAllLines(home.resolve("config/gateway.jvm-options"))) {
      int hash = line.indexOf('#');
      String option = (hash < 0 ? line : line.substring(0, hash)).strip();
      if (!option.isEmpty()) {
        options.add(option);
      }
    }
    return List.copyOf(options);
  }
}
