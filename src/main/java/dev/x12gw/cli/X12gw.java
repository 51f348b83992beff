package dev.x12gw.cli;

import dev.x12gw.config.Settings;
import dev.x12gw.gateway.Gateway;
import dev.x12gw.intake.X12FileProcessor;
import dev.x12gw.records.QueueNames;
import dev.x12gw.records.RecordFactory;
import dev.x12gw.x12.smooks.SmooksX12Parser;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command line of {@code bin/x12gw}: {@code run} the gateway, or {@code analyze} files. */
public final class X12gw {
  static final int OK = 0;
  static final int QUARANTINED = 1;
  static final int USAGE = 2;
  static final int FAILED = 3;

  private static final String USAGE_TEXT =
      """
      usage: x12gw run [--config FILE]
             x12gw analyze [--config FILE] PATH...
             x12gw browse [--config FILE] [QUEUE...]

        run      start the gateway (SFTP drop, Smooks, H2, JMS) until stopped with Ctrl-C
        analyze  read X12 files and directories (837 and 835, any order) with the gateway's
                 parsing, matching and classification; print every record it would publish,
                 one JSON object per line with its destination "queue"; exit 0 when every file
                 was read, 1 when anything was quarantined, 2 on a usage error, 3 when the
                 command could not run (e.g. an unreadable configuration)
        browse   print the records waiting on the gateway's queues (all three by default)
                 without consuming them, one JSON object per line with its "queue"

        --config FILE  properties file (default config/application.properties in the
                       installation directory; X12GW_CONFIG also sets it)
      """;

  private X12gw() {}

  public static void main(String[] args) {
    int status;
    try {
      status = run(args, System.out, System.err);
    } catch (Exception e) {
      System.err.println("x12gw: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
      if (System.getenv("X12GW_DEBUG") != null) {
        e.printStackTrace();
      }
      status = FAILED;
    }
    System.exit(status);
  }

  static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    if (args.length == 0 || "help".equals(args[0]) || "--help".equals(args[0])) {
      (args.length == 0 ? err : out).print(USAGE_TEXT);
      return args.length == 0 ? USAGE : OK;
    }
    String command = args[0];
    Path config = Path.of(env("X12GW_CONFIG", "config/application.properties"));
    List<Path> paths = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      if ("--config".equals(args[i]) && i + 1 < args.length) {
        config = Path.of(args[++i]);
      } else if (args[i].startsWith("--")) {
        err.println("x12gw: unknown option " + args[i]);
        err.print(USAGE_TEXT);
        return USAGE;
      } else {
        paths.add(Path.of(args[i]));
      }
    }
    Path home = Path.of(System.getProperty("x12gw.home", ".")).toAbsolutePath().normalize();
    Path configFile = config.isAbsolute() ? config : absoluteConfig(config, home);
    switch (command) {
      case "run" -> {
        if (!paths.isEmpty()) {
          err.println("x12gw: run takes no paths");
          return USAGE;
        }
        Gateway.prepare(Settings.load(home, configFile)).run();
        return OK;
      }
      case "analyze" -> {
        if (paths.isEmpty()) {
          err.println("x12gw: analyze needs at least one file or directory");
          err.print(USAGE_TEXT);
          return USAGE;
        }
        for (Path p : paths) {
          if (!Files.exists(p)) {
            err.println("x12gw: no such file or directory: " + p);
            return USAGE;
          }
        }
        Settings settings = Settings.load(home, configFile);
        QueueNames queues =
            new QueueNames(
                settings.get("queue.denials"),
                settings.get("queue.unmatched-remits"),
                settings.get("queue.errors"));
        try (SmooksX12Parser parser =
            new SmooksX12Parser(
                settings.path("x12.mapping", "edi-mappings/x12-gateway.smooks.xml"))) {
          return new Analyze(new X12FileProcessor(parser, new RecordFactory(queues)), out, err)
              .run(Analyze.expand(paths));
        }
      }
      case "browse" -> {
        Settings settings = Settings.load(home, configFile);
        List<String> queues =
            paths.isEmpty()
                ? List.of(
                    settings.get("queue.denials"),
                    settings.get("queue.unmatched-remits"),
                    settings.get("queue.errors"))
                : paths.stream().map(Path::toString).toList();
        String url = settings.get("broker.url", "");
        if (url.isEmpty()) {
          url =
              "tcp://"
                  + settings.get("broker.embedded.tcp-host", "127.0.0.1")
                  + ":"
                  + settings.get("broker.embedded.tcp-port", "61616");
        }
        return Browse.run(
            url,
            settings.get("broker.user", null),
            settings.get("broker.password", null),
            queues,
            out);
      }
      default -> {
        err.println("x12gw: unknown command " + command);
        err.print(USAGE_TEXT);
        return USAGE;
      }
    }
  }

  /** A relative --config is taken from the working directory if it exists there, else home. */
  private static Path absoluteConfig(Path config, Path home) {
    Path here = config.toAbsolutePath();
    return Files.exists(here) ? here : home.resolve(config);
  }

  private static String env(String name, String defaultValue) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? defaultValue : v;
  }
}
