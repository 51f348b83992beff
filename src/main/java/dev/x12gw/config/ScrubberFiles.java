package dev.x12gw.config;

import dev.x12gw.domain.scrub.PtpEdit;
import dev.x12gw.domain.scrub.RuleKind;
import dev.x12gw.domain.scrub.ScrubRule;
import dev.x12gw.domain.scrub.ScrubRules;
import dev.x12gw.domain.scrub.Severity;
import dev.x12gw.domain.scrub.UnitLimit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The scrubber's rule set from {@code config/scrubber/} (see its README): {@code checks.csv} (the
 * built-in checks: severity, CARC, rationale), {@code payer-rules.csv}, {@code ncci-ptp.csv} and
 * every {@code *.csv} below {@code ncci/}, every CMS PTP text file ({@code *.txt}) below {@code
 * ncci/} and CMS MUE file below {@code mue/} as CMS publishes them ({@link CmsNcciFiles}), {@code
 * mue.csv}, {@code place-of-service.csv}. Every file is validated at load: a bad row names its file
 * and line.
 */
public final class ScrubberFiles {
  public static final List<String> CHECK_COLUMNS =
      List.of("rule_id", "kind", "value", "carc", "rarc", "severity", "rationale");
  public static final List<String> PAYER_RULE_COLUMNS =
      List.of(
          "rule_id",
          "kind",
          "payer_id",
          "procedure_from",
          "procedure_to",
          "value",
          "carc",
          "rarc",
          "severity",
          "rationale");
  public static final List<String> PTP_COLUMNS =
      List.of("column1", "column2", "effective", "deleted", "modifier_indicator", "rationale");
  public static final List<String> MUE_COLUMNS = List.of("code", "max_units", "rationale");
  public static final List<String> POS_COLUMNS = List.of("code", "name");

  private ScrubberFiles() {}

  /** The rule set of {@code dir}. */
  public static ScrubRules load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new ConfigFileException(dir + ": the scrubber's rule folder does not exist");
    }
    List<ScrubRule> rules = new ArrayList<>();
    rules.addAll(
        ClassificationFiles.rows(
            dir.resolve("checks.csv"),
            CHECK_COLUMNS,
            r -> {
              RuleKind kind = kind(r);
              if (kind.payerRule()) {
                throw r.error("kind", "is a payer rule: it belongs in payer-rules.csv");
              }
              return new ScrubRule(
                  r.get("rule_id"),
                  kind,
                  "*",
                  "",
                  "",
                  r.get("value"),
                  r.get("carc"),
                  r.get("rarc"),
                  severity(r),
                  r.get("rationale"));
            }));
    rules.addAll(
        ClassificationFiles.rows(
            dir.resolve("payer-rules.csv"),
            PAYER_RULE_COLUMNS,
            r -> {
              RuleKind kind = kind(r);
              if (!kind.payerRule()) {
                throw r.error("kind", "is a built-in check: it belongs in checks.csv");
              }
              return new ScrubRule(
                  r.get("rule_id"),
                  kind,
                  r.get("payer_id"),
                  r.get("procedure_from"),
                  r.get("procedure_to"),
                  r.get("value"),
                  r.get("carc"),
                  r.get("rarc"),
                  severity(r),
                  r.get("rationale"));
            }));
    List<PtpEdit> ptp = new ArrayList<>();
    for (Path f : ptpFiles(dir)) {
      ptp.addAll(
          ClassificationFiles.rows(
              f,
              PTP_COLUMNS,
              r ->
                  new PtpEdit(
                      r.get("column1"),
                      r.get("column2"),
                      Csv.isoDate(r.get("effective")),
                      r.get("deleted").isBlank() ? null : Csv.isoDate(r.get("deleted")),
                      integer(r, "modifier_indicator"),
                      r.get("rationale"))));
    }
    for (Path f : files(dir.resolve("ncci"), ".txt")) {
      ptp.addAll(CmsNcciFiles.ptp(f));
    }
    // mue.csv, then the CMS MUE files of mue/: a code's CMS value wins
    java.util.Map<String, UnitLimit> limits = new java.util.LinkedHashMap<>();
    for (UnitLimit u :
        ClassificationFiles.rows(
            dir.resolve("mue.csv"),
            MUE_COLUMNS,
            r -> new UnitLimit(r.get("code"), integer(r, "max_units"), r.get("rationale")))) {
      if (limits.put(u.code(), u) != null) {
        throw new ConfigFileException(
            dir.resolve("mue.csv") + ": the unit limit of " + u.code() + " is given twice");
      }
    }
    for (Path f : files(dir.resolve("mue"), ".csv", ".txt")) {
      for (UnitLimit u : CmsNcciFiles.mue(f)) {
        limits.put(u.code(), u);
      }
    }
    List<UnitLimit> mue = List.copyOf(limits.values());
    Set<String> pos = new HashSet<>();
    for (String code :
        ClassificationFiles.rows(
            dir.resolve("place-of-service.csv"), POS_COLUMNS, r -> r.get("code"))) {
      if (!code.matches("[0-9]{2}")) {
        throw new ConfigFileException(
            dir.resolve("place-of-service.csv") + ": code '" + code + "' is not two digits");
      }
      pos.add(code);
    }
    try {
      return new ScrubRules(rules, ptp, mue, pos);
    } catch (IllegalArgumentException e) {
      throw new ConfigFileException(dir + ": " + e.getMessage());
    }
  }

  private static List<Path> ptpFiles(Path dir) {
    List<Path> files = new ArrayList<>();
    files.add(dir.resolve("ncci-ptp.csv"));
    files.addAll(files(dir.resolve("ncci"), ".csv"));
    return files;
  }

  /** The files below {@code folder} (none when it does not exist) ending in one of the suffixes. */
  private static List<Path> files(Path folder, String... suffixes) {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(folder)) {
      try (Stream<Path> s = Files.walk(folder)) {
        s.filter(Files::isRegularFile)
            .filter(
                f -> {
                  String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                  return java.util.Arrays.stream(suffixes).anyMatch(name::endsWith);
                })
            .sorted()
            .forEach(files::add);
      } catch (IOException e) {
        throw new ConfigFileException(folder + ": cannot list: " + e, e);
      }
    }
    return files;
  }

  private static RuleKind kind(ClassificationFiles.Row r) {
    try {
      return RuleKind.valueOf(r.get("kind").strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw r.error("kind", "is not one of " + java.util.Arrays.toString(RuleKind.values()));
    }
  }

  private static Severity severity(ClassificationFiles.Row r) {
    try {
      return Severity.valueOf(r.get("severity").strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw r.error("severity", "is not HARD_STOP or WARNING");
    }
  }

  private static int integer(ClassificationFiles.Row r, String column) {
    try {
      return Integer.parseInt(r.get(column).strip());
    } catch (NumberFormatException e) {
      throw r.error(column, "is not a whole number");
    }
  }

  public static final List<String> MODE_COLUMNS = List.of("billing_npi", "payer_id", "mode");

  /**
   * The scrubber's mode per billing NPI and payer ({@code modes.csv} of {@code dir}, optional):
   * {@code npi|payer} (either {@code *}) to {@code ENFORCE} or {@code ADVISE}.
   */
  public static java.util.Map<String, String> modes(Path dir) {
    Path file = dir.resolve("modes.csv");
    java.util.Map<String, String> out = new java.util.HashMap<>();
    if (!Files.exists(file)) {
      return out;
    }
    for (String[] row :
        ClassificationFiles.rows(
            file,
            MODE_COLUMNS,
            r -> {
              String mode = r.get("mode").strip().toUpperCase(Locale.ROOT);
              if (!mode.equals("ENFORCE") && !mode.equals("ADVISE")) {
                throw r.error("mode", "is not enforce or advise");
              }
              String npi = r.get("billing_npi").strip();
              String payer = r.get("payer_id").strip().toUpperCase(Locale.ROOT);
              return new String[] {
                (npi.isEmpty() ? "*" : npi) + "|" + (payer.isEmpty() ? "*" : payer), mode
              };
            })) {
      if (out.put(row[0], row[1]) != null) {
        throw new ConfigFileException(file + ": " + row[0] + " is given twice");
      }
    }
    return out;
  }
}
