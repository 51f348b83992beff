package dev.x12gw.cli;

import dev.x12gw.config.Intelligence;
import dev.x12gw.config.Settings;
import dev.x12gw.domain.scrub.RuleSuggestions;
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
             x12gw analyze [--config FILE] [--contracts FILE|DIR] [--payer-stats FILE] PATH...
             x12gw validate [--config FILE] [--ack-dir DIR] PATH...
             x12gw scrub [--config FILE] [--rules DIR] [--as-of DATE] PATH...
             x12gw scrub --backtest [--report FILE] [--suggest FILE [--min-denials N]
                 [--min-rate R]] PATH...
             x12gw browse [--config FILE] [--limit N] [QUEUE...]
             x12gw bench [--size-mb N] [--runs N] [--dir DIR]
             x12gw bench --gateway [--size-mb N] [--mode 835|837+835] [--days N [--day-seconds S]]
                   [--files K] [--relay-backlog] [--db-url JDBC_URL [--nodes N]]
                               [--dir DIR]
             x12gw bench --control-room [--findings N] [--runs N] [--db-url JDBC_URL]
                   [--dir DIR] [--keep | --store DIR]
             x12gw generate 835|837 SIZE_MB FILE
             x12gw report [--config FILE] [--from DATE] [--to DATE] [--as-of DATE]
                   [--by total|payer|provider|service-line|family|root-cause|carc|month]
                   [--format table|csv|json] [PATH...]

        run      start the gateway (SFTP drop, Smooks, H2, JMS) until stopped with Ctrl-C
        analyze  read X12 files and directories (837 and 835, any order) with the gateway's
                 parsing, matching and classification; print every record it would publish,
                 one JSON object per line with its destination "queue"; exit 0 when every file
                 was read, 1 when anything was quarantined, 2 on a usage error, 3 when the
                 command could not run (e.g. an unreadable configuration); --contracts reads
                 payer contract rates from a CSV file or directory instead of contracts.dir;
                 --payer-stats writes payer intelligence (per payer x denial family x service
                 line: counts, dollars, overturns) to a CSV file
        validate read X12 files and directories as the gateway would and print, per file and
                 transaction set, accepted or the precise defects (ISA13/GS06/ST02, segment
                 position, element); --ack-dir writes the 999/TA1 the gateway would send;
                 exit 0 when everything is accepted, 1 when anything is quarantined
        scrub    the pre-submission checks over 837 files and directories: WEDI SNIP 2-5
                 (balancing, NPI check digits, CPT/HCPCS/ICD-10-CM forms, place of service,
                 dates, diagnosis pointers, duplicates, NCCI PTP pairs, unit limits) and the
                 payer rules of --rules (default scrubber.dir, config/scrubber): one JSON
                 finding per line (file, ISA13/GS06/ST02, claim, line, segment position,
                 element, rule, severity, CARC/RARC it prevents, message, rationale); dates
                 checked against BHT04, else --as-of (default today); exit 0 when no claim
                 has a hard stop, 1 when any has or part of a file was quarantined;
                 --backtest: the paths are history, 837s with their 835s: per rule and in
                 total, the claims it would have held, how many were denied later (and the
                 dollars; with the rule's CARC), false holds (adjudicated without a denial),
                 claims without an 835, and the later denials no rule would have held;
                 --suggest FILE writes rules learned from those denials (payer x CARC x
                 procedure with at least --min-denials, default 3, and a denial rate of at
                 least --min-rate, default 0.2; authorization and timely filing) to FILE in
                 payer-rules.csv's format, each with its evidence; --report FILE writes
                 the figures as JSON, which the gateway's dashboard shows as its prevention
                 figure when FILE is scrubber.backtest-report (var/scrubber/backtest.json)
        browse   print the records waiting on the gateway's queues (all of them by default)
                 without consuming them, one JSON object per line with its "queue"; then,
                 on standard error, each queue's message count from the broker's own metrics
                 and how many were shown; exit 0 when every message was shown, 1 when fewer
                 were (--limit N per queue, or messages the broker paged to disk, which a
                 browser cannot see: consume the queue to read those)
        bench    generate an 835 and an 837P of N MB (default 100) in DIR (default var/bench)
                 and measure StAEDI tokenize-only, the gateway's parse+bind and end-to-end
                 analyze on them, and on the 837 the scrubber alone and analyze scrubbing in
                 the same read (the 837-outgoing path; N runs after a warm-up, default 3):
                 MB/s, claims/s, ratios, peak heap
        bench --gateway
                 the gateway's own path: start it as a separate process on its embedded
                 defaults (state in DIR/gateway-var), upload a generated N MB 835 (default 10;
                 --mode 837+835: its 837 first, then the 835) to its SFTP drop, consume every
                 record with a JMS consumer, and print drop -> last record seconds, MB/s,
                 records/s, the analyze time of the same files (separate JVM) and the ratio,
                 the CPU seconds of the gateway (by group of its threads, from jcmd) and of
                 analyze, peak heap and RSS, store bytes while running and after shutdown per
                 input byte; --days N drops one such file a day (distinct content) and prints the
                 store size after each; --day-seconds S makes a day last S seconds of the
                 gateway's clock (outbox.retention of 7 days = 7*S seconds), so a month of
                 retention runs in minutes; --relay-backlog then takes the same files in
                 again with the relay held back, restarts the gateway and prints how fast the
                 relay drains that backlog (its own rate, apart from the intake's);
                 --db-url jdbc:postgresql://HOST:PORT/DB (DB_USER, DB_PASSWORD from the
                 environment) runs --nodes N gateways (default 1) on a new database created
                 on that server, one drop served by the bench and one broker in the bench's
                 JVM, and prints files/s, claims/s and the largest node's heap and RSS;
                 --files K splits each drop's N MB into K files of each kind;
                 JAVA_OPTS is passed to the gateway and analyze
        bench --control-room
                 the control room over a large store: fill a new store (an H2 file in a new
                 folder below DIR, or with --db-url a new database on that PostgreSQL server,
                 DB_USER and DB_PASSWORD from the environment) with N generated classified
                 findings (default 1000000) and their claim cases (20 payers, 24 months,
                 every family, pathway and outcome), print the fill time and store size,
                 start the gateway on it (intake idle) and time HTTP requests to every
                 endpoint the dashboard calls: the first (cold), then N more (default 5):
                 median and max ms, bytes, PASS/FAIL against 1 s; exit 1 when any failed;
                 --keep keeps the H2 store (deleted by default); --store DIR times a store
                 kept by an earlier run instead of filling a new one
        generate write a synthetic 835 or 837P of at least SIZE_MB megabytes to FILE (the
                 benchmark's files: 2-10 lines a claim, CAS, PLB, reversals, denials)

        report   the control room's denial KPIs (HFMA-style: initial denial rate by claims
                 and dollars, line denial rate, clean claim rate, final denial rate,
                 overturn rate, recovery yield, days to resolution, aged open denials,
                 underpayment variance, recouped dollars, preventable share) for decisions
                 (835 payment dates) from --from to --to (yyyy-mm-dd, default all), aged as
                 of --as-of (default today), as a table, CSV or JSON; from the gateway's
                 store (db.url, else the H2 file of db.path: stop the gateway first, or ask
                 its REST API), or, given PATHs, from those 837 and 835 files read into a
                 store in memory with the gateway's own intake

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

  public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    if (args.length == 0 || "help".equals(args[0]) || "--help".equals(args[0])) {
      (args.length == 0 ? err : out).print(USAGE_TEXT);
      return args.length == 0 ? USAGE : OK;
    }
    String command = args[0];
    Path config = Path.of(env("X12GW_CONFIG", "config/application.properties"));
    List<Path> paths = new ArrayList<>();
    java.util.Map<String, String> options = new java.util.HashMap<>();
    for (int i = 1; i < args.length; i++) {
      if ("--config".equals(args[i]) && i + 1 < args.length) {
        config = Path.of(args[++i]);
      } else if ("scrub".equals(command)
          && java.util.Set.of(
                  "--rules", "--as-of", "--suggest", "--min-denials", "--min-rate", "--report")
              .contains(args[i])
          && i + 1 < args.length) {
        options.put(args[i], args[++i]);
      } else if ("validate".equals(command) && "--ack-dir".equals(args[i]) && i + 1 < args.length) {
        options.put(args[i], args[++i]);
      } else if ("analyze".equals(command)
          && ("--contracts".equals(args[i]) || "--payer-stats".equals(args[i]))
          && i + 1 < args.length) {
        options.put(args[i], args[++i]);
      } else if ("report".equals(command)
          && java.util.Set.of("--from", "--to", "--as-of", "--by", "--format").contains(args[i])
          && i + 1 < args.length) {
        options.put(args[i], args[++i]);
      } else if ("browse".equals(command) && "--limit".equals(args[i]) && i + 1 < args.length) {
        options.put(args[i], args[++i]);
      } else if ("bench".equals(command)
          && java.util.Set.of(
                  "--size-mb",
                  "--runs",
                  "--dir",
                  "--mode",
                  "--days",
                  "--day-seconds",
                  "--nodes",
                  "--files",
                  "--findings",
                  "--store",
                  "--db-url")
              .contains(args[i])
          && i + 1 < args.length) {
        options.put(args[i], args[++i]);
      } else if ("bench".equals(command)
          && java.util.Set.of("--gateway", "--relay-backlog", "--control-room", "--keep")
              .contains(args[i])) {
        options.put(args[i], "true");
      } else if ("scrub".equals(command) && "--backtest".equals(args[i])) {
        options.put(args[i], "true");
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
        if (!pathsUsable("analyze", paths, err)) {
          return USAGE;
        }
        Settings settings = Settings.load(home, configFile);
        QueueNames queues = QueueNames.from(settings::get);
        String contracts = options.get("--contracts");
        Intelligence intelligence;
        try {
          intelligence = Intelligence.load(settings, contracts == null ? null : Path.of(contracts));
        } catch (RuntimeException e) {
          err.println("x12gw analyze: " + e.getMessage());
          return USAGE;
        }
        intelligence.warnings().forEach(w -> err.println("x12gw analyze: warning: " + w));
        try (SmooksX12Parser parser =
            new SmooksX12Parser(
                settings.path("x12.mapping", "edi-mappings/x12-gateway.smooks.xml"))) {
          Analyze analyze =
              new Analyze(
                  new X12FileProcessor(
                      parser,
                      new RecordFactory(queues, intelligence.codes()),
                      intelligence.policy(),
                      intelligence.classifier()),
                  out,
                  err);
          int status = analyze.run(Analyze.expand(paths));
          String statsFile = options.get("--payer-stats");
          if (statsFile != null) {
            PayerStatsCsv.write(Path.of(statsFile), analyze.stats().summary());
          }
          return status;
        }
      }
      case "validate" -> {
        if (!pathsUsable("validate", paths, err)) {
          return USAGE;
        }
        Settings settings = Settings.load(home, configFile);
        try (SmooksX12Parser parser =
            new SmooksX12Parser(
                settings.path("x12.mapping", "edi-mappings/x12-gateway.smooks.xml"))) {
          String ackDir = options.get("--ack-dir");
          return new Validate(parser, out, ackDir == null ? null : Path.of(ackDir))
              .run(Analyze.expand(paths));
        }
      }
      case "scrub" -> {
        if (!pathsUsable("scrub", paths, err)) {
          return USAGE;
        }
        Settings settings = Settings.load(home, configFile);
        java.time.LocalDate asOf;
        try {
          asOf =
              options.containsKey("--as-of")
                  ? java.time.LocalDate.parse(options.get("--as-of"))
                  : java.time.LocalDate.now();
        } catch (java.time.format.DateTimeParseException e) {
          err.println("x12gw: --as-of takes a date yyyy-mm-dd");
          return USAGE;
        }
        dev.x12gw.domain.scrub.ScrubRules rules;
        try {
          rules =
              dev.x12gw.config.ScrubberFiles.load(
                  options.containsKey("--rules")
                      ? Path.of(options.get("--rules"))
                      : settings.path("scrubber.dir", "config/scrubber"));
        } catch (dev.x12gw.config.ConfigFileException e) {
          err.println("x12gw scrub: " + e.getMessage());
          return FAILED;
        }
        try (SmooksX12Parser parser =
            new SmooksX12Parser(
                settings.path("x12.mapping", "edi-mappings/x12-gateway.smooks.xml"))) {
          dev.x12gw.domain.scrub.Scrubber scrubber = new dev.x12gw.domain.scrub.Scrubber(rules);
          if (options.containsKey("--backtest")) {
            Intelligence intelligence = Intelligence.load(settings, null);
            QueueNames queues = QueueNames.from(settings::get);
            Backtest backtest =
                new Backtest(
                    parser,
                    scrubber,
                    asOf,
                    records ->
                        new Analyze(
                            new X12FileProcessor(
                                parser,
                                new RecordFactory(queues, intelligence.codes()),
                                intelligence.policy(),
                                intelligence.classifier()),
                            records,
                            err),
                    out);
            if (options.containsKey("--suggest")) {
              RuleSuggestions learned;
              try {
                learned =
                    new RuleSuggestions(
                        rules,
                        Integer.parseInt(options.getOrDefault("--min-denials", "3")),
                        Double.parseDouble(options.getOrDefault("--min-rate", "0.2")));
              } catch (IllegalArgumentException e) {
                err.println(
                    "x12gw scrub: --min-denials takes a whole number >= 1, --min-rate 0 to 1");
                return USAGE;
              }
              backtest.suggest(learned, Path.of(options.get("--suggest")));
            }
            if (options.containsKey("--report")) {
              backtest.report(Path.of(options.get("--report")));
            }
            return backtest.run(Analyze.expand(paths));
          }
          return new Scrub(parser, scrubber, asOf, out, err).run(Analyze.expand(paths));
        }
      }
      case "browse" -> {
        Settings settings = Settings.load(home, configFile);
        List<String> queues =
            paths.isEmpty()
                ? QueueNames.from(settings::get).all()
                : paths.stream().map(Path::toString).toList();
        String url = settings.get("broker.url", "");
        if (url.isEmpty()) {
          url =
              "tcp://"
                  + settings.get("broker.embedded.tcp-host", "127.0.0.1")
                  + ":"
                  + settings.get("broker.embedded.tcp-port", "61616");
        }
        int limit;
        try {
          limit = Integer.parseInt(options.getOrDefault("--limit", "0"));
        } catch (NumberFormatException e) {
          err.println("x12gw: --limit must be a whole number");
          return USAGE;
        }
        return Browse.run(
            url,
            settings.get("broker.user", null),
            settings.get("broker.password", null),
            queues,
            limit,
            out,
            err);
      }
      case "report" -> {
        return report(home, configFile, options, paths, out, err);
      }
      case "generate" -> {
        if (paths.size() != 3 || !List.of("835", "837").contains(paths.get(0).toString())) {
          err.print(USAGE_TEXT);
          return USAGE;
        }
        long size;
        try {
          size = Long.parseLong(paths.get(1).toString());
        } catch (NumberFormatException e) {
          err.println("x12gw: SIZE_MB must be a whole number");
          return USAGE;
        }
        dev.x12gw.bench.X12Generator generator = new dev.x12gw.bench.X12Generator(42, 2000);
        Path file = paths.get(2);
        long claims =
            "835".equals(paths.get(0).toString())
                ? generator.write835(file, size * 1_000_000L)
                : generator.write837(file, size * 1_000_000L);
        out.printf("%s: %,d bytes, %,d claims%n", file, Files.size(file), claims);
        return OK;
      }
      case "bench" -> {
        Settings settings = Settings.load(home, configFile);
        boolean gateway = options.containsKey("--gateway");
        int size;
        int runs;
        int days;
        int daySeconds;
        try {
          size = Integer.parseInt(options.getOrDefault("--size-mb", gateway ? "10" : "100"));
          runs = Integer.parseInt(options.getOrDefault("--runs", "3"));
          days = Integer.parseInt(options.getOrDefault("--days", "0"));
          daySeconds = Integer.parseInt(options.getOrDefault("--day-seconds", "0"));
        } catch (NumberFormatException e) {
          err.println("x12gw: --size-mb, --runs, --days and --day-seconds take whole numbers");
          return USAGE;
        }
        String mode = options.getOrDefault("--mode", "835");
        if (size < 1 || runs < 1 || !paths.isEmpty()) {
          err.print(USAGE_TEXT);
          return USAGE;
        }
        Path dir =
            options.containsKey("--dir")
                ? Path.of(options.get("--dir"))
                : settings.path("bench.dir", "var/bench");
        if (options.containsKey("--control-room")) {
          long findings;
          try {
            findings = Long.parseLong(options.getOrDefault("--findings", "1000000"));
          } catch (NumberFormatException e) {
            err.println("x12gw: --findings takes a whole number");
            return USAGE;
          }
          if (gateway || findings < 1 || runs < 1) {
            err.print(USAGE_TEXT);
            return USAGE;
          }
          return new ControlRoomBench(home, configFile, out)
              .run(
                  dir,
                  findings,
                  Integer.parseInt(options.getOrDefault("--runs", "5")),
                  options.get("--db-url"),
                  options.containsKey("--keep"),
                  options.containsKey("--store") ? Path.of(options.get("--store")) : null);
        }
        if (gateway) {
          int nodes;
          int files;
          try {
            nodes = Integer.parseInt(options.getOrDefault("--nodes", "1"));
            files = Integer.parseInt(options.getOrDefault("--files", "1"));
          } catch (NumberFormatException e) {
            err.println("x12gw: --nodes and --files take whole numbers");
            return USAGE;
          }
          String dbUrl = options.get("--db-url");
          if (nodes > 1 && dbUrl == null) {
            err.println("x12gw: --nodes " + nodes + " needs --db-url (H2 is one process's store)");
            return USAGE;
          }
          if (!List.of("835", "837+835").contains(mode)
              || days < 0
              || daySeconds < 0
              || nodes < 1
              || nodes > 8
              || files < 1
              || files > size) {
            err.print(USAGE_TEXT);
            return USAGE;
          }
          return new GatewayBench(home, out, env("JAVA_OPTS", ""))
              .run(
                  dir,
                  size,
                  mode,
                  days,
                  daySeconds,
                  options.containsKey("--relay-backlog"),
                  nodes,
                  dbUrl,
                  files);
        }
        return new Bench(
                settings.path("x12.mapping", "edi-mappings/x12-gateway.smooks.xml"),
                Intelligence.load(settings, null),
                dev.x12gw.config.ScrubberFiles.load(
                    settings.path("scrubber.dir", "config/scrubber")),
                out)
            .run(dir, size, runs);
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

  /** True when {@code paths} names at least one file or directory and all of them exist. */
  private static int report(
      Path home,
      Path configFile,
      java.util.Map<String, String> options,
      List<Path> paths,
      PrintStream out,
      PrintStream err)
      throws Exception {
    dev.x12gw.domain.controlroom.KpiQuery query;
    Report.Format format;
    try {
      java.time.LocalDate from = date(options.get("--from"));
      java.time.LocalDate to = date(options.get("--to"));
      java.time.LocalDate asOf = date(options.get("--as-of"));
      query =
          new dev.x12gw.domain.controlroom.KpiQuery(
              from,
              to,
              asOf == null ? java.time.LocalDate.now() : asOf,
              dev.x12gw.domain.controlroom.Dimension.parse(options.getOrDefault("--by", "total")));
      format =
          Report.Format.valueOf(
              options.getOrDefault("--format", "table").toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
      err.println(
          "x12gw report: " + e.getMessage() + " (dates are yyyy-mm-dd; formats table, csv, json)");
      return USAGE;
    }
    Settings settings = Settings.load(home, configFile);
    if (paths.isEmpty()) {
      try (dev.x12gw.store.Database db = Gateway.openStore(settings)) {
        Report.print(
            new dev.x12gw.store.ControlRoomStore(db.dataSource()).kpis(query), format, out);
        return OK;
      } catch (RuntimeException e) {
        if (String.valueOf(e.getMessage()).contains("locked")
            || (e.getCause() != null
                && String.valueOf(e.getCause().getMessage()).contains("locked"))) {
          err.println(
              "x12gw report: the store is in use by a running gateway (H2 lets one process open"
                  + " it): stop the gateway, or ask its REST API (/api/v1/kpis)");
          return FAILED;
        }
        throw e;
      }
    }
    if (!pathsUsable("report", paths, err)) {
      return USAGE;
    }
    Intelligence intelligence = Intelligence.load(settings, null);
    intelligence.warnings().forEach(w -> err.println("x12gw report: warning: " + w));
    try (SmooksX12Parser parser =
            new SmooksX12Parser(
                settings.path("x12.mapping", "edi-mappings/x12-gateway.smooks.xml"));
        dev.x12gw.store.Database db =
            Report.load(
                new X12FileProcessor(
                    parser,
                    new RecordFactory(QueueNames.from(settings::get), intelligence.codes()),
                    intelligence.policy(),
                    intelligence.classifier()),
                Report.x12Files(paths),
                err)) {
      Report.print(new dev.x12gw.store.ControlRoomStore(db.dataSource()).kpis(query), format, out);
      return OK;
    }
  }

  private static java.time.LocalDate date(String s) {
    return s == null ? null : java.time.LocalDate.parse(s);
  }

  private static boolean pathsUsable(String command, List<Path> paths, PrintStream err) {
    if (paths.isEmpty()) {
      err.println("x12gw: " + command + " needs at least one file or directory");
      err.print(USAGE_TEXT);
      return false;
    }
    for (Path p : paths) {
      if (!Files.exists(p)) {
        err.println("x12gw: no such file or directory: " + p);
        return false;
      }
    }
    return true;
  }
}
