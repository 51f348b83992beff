package dev.x12gw.config;

import dev.x12gw.domain.classification.CarcDefault;
import dev.x12gw.domain.classification.ClaimFact;
import dev.x12gw.domain.classification.ClassificationRule;
import dev.x12gw.domain.classification.DenialFamily;
import dev.x12gw.domain.classification.FindingKind;
import dev.x12gw.domain.classification.PayerTerms;
import dev.x12gw.domain.classification.RecoveryPathway;
import dev.x12gw.domain.classification.RootCause;
import dev.x12gw.domain.classification.RuleOutcome;
import dev.x12gw.domain.classification.ServiceLine;
import dev.x12gw.domain.classification.ServiceLineRule;
import dev.x12gw.domain.codes.CodeKind;
import dev.x12gw.domain.codes.CodeTables;
import dev.x12gw.domain.contract.Network;
import dev.x12gw.domain.contract.NetworkRow;
import dev.x12gw.domain.contract.ProviderScope;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reader of the classification knowledge in {@code config/classification/} (documented in its
 * README): {@code rules.csv}, {@code payer-rules.csv}, {@code carc-families.csv}, {@code
 * service-lines.csv}, {@code payers.csv}, {@code networks.csv} and {@code families.csv}. Every
 * value is validated; an error names the file, the line and the column.
 */
public final class ClassificationFiles {
  /** Columns of rules.csv and payer-rules.csv. */
  public static final List<String> RULE_COLUMNS =
      List.of(
          "rule_id",
          "payer_id",
          "finding",
          "group",
          "carc",
          "rarc",
          "plb_reason",
          "claim_fact",
          "service_line",
          "place_of_service",
          "family",
          "core_scenario",
          "root_cause",
          "preventable",
          "pathway",
          "rationale");

  static final List<String> CARC_COLUMNS =
      List.of(
          "carc", "family", "core_scenario", "root_cause", "preventable", "pathway", "rationale");
  static final List<String> SERVICE_LINE_COLUMNS =
      List.of("service_line", "match", "from", "to", "note");
  static final List<String> PAYER_COLUMNS =
      List.of("payer_id", "payer_name", "network", "appeal_window_days", "note");
  static final List<String> FAMILY_COLUMNS = List.of("family", "default_overturn_rate", "note");
  static final List<String> NETWORK_COLUMNS =
      List.of(
          "payer_id",
          "billing_npi",
          "billing_tin",
          "network",
          "effective_from",
          "effective_to",
          "note");

  private ClassificationFiles() {}

  /** One row by column name, with where it came from. */
  record Row(String file, String path, int line, Map<String, String> values) {
    String get(String column) {
      return values.getOrDefault(column, "");
    }

    String source() {
      return file + ":" + line;
    }

    ConfigFileException error(String column, String problem) {
      return new ConfigFileException(
          path + " line " + line + ", " + column + ": \"" + get(column) + "\" " + problem);
    }
  }

  /** The rows of a CSV file whose header is exactly these columns. */
  static List<Row> read(Path file, List<String> columns) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ConfigFileException(file + ": file not found", e);
    } catch (IOException e) {
      throw new ConfigFileException(file + ": cannot read: " + e, e);
    }
    String name = file.getFileName().toString();
    String text = Csv.decode(file, bytes, ConfigFileException::new);
    Csv csv = new Csv(file.toString(), text, ConfigFileException::new);
    Csv.Row header = csv.next();
    List<String> names =
        header == null
            ? List.of()
            : header.fields().stream().map(f -> f.toLowerCase(Locale.ROOT)).toList();
    if (!names.equals(columns)) {
      throw new ConfigFileException(
          file
              + " line "
              + (header == null ? 1 : header.line())
              + ": the header must be "
              + String.join(",", columns)
              + ", not "
              + names);
    }
    csv.columnNames(columns);
    List<Row> rows = new ArrayList<>();
    for (Csv.Row r = csv.next(); r != null; r = csv.next()) {
      if (r.fields().size() != columns.size()) {
        throw new ConfigFileException(
            file
                + " line "
                + r.line()
                + ": "
                + r.fields().size()
                + " values, the header has "
                + columns.size());
      }
      Map<String, String> values = new HashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        values.put(columns.get(i), r.fields().get(i));
      }
      rows.add(new Row(name, file.toString(), r.line(), values));
    }
    return rows;
  }

  /** One value per row; a value a constructor refuses is reported with the row's file and line. */
  static <T> List<T> rows(Path file, List<String> columns, Function<Row, T> make) {
    List<T> out = new ArrayList<>();
    for (Row row : read(file, columns)) {
      try {
        out.add(make.apply(row));
      } catch (ConfigFileException e) {
        throw e;
      } catch (IllegalArgumentException e) {
        throw new ConfigFileException(row.path() + " line " + row.line() + ": " + e.getMessage());
      }
    }
    return out;
  }

  /**
   * Classification rules ({@code rules.csv} / {@code payer-rules.csv}).
   *
   * @param codes code tables to check the CARCs and RARCs the rules name against
   */
  static List<ClassificationRule> rules(Path file, CodeTables codes) {
    return rows(
        file,
        RULE_COLUMNS,
        row -> {
          Set<String> carcs = codes(row, "carc", codes, CodeKind.CARC);
          Set<String> rarcs = codes(row, "rarc", codes, CodeKind.RARC);
          Set<String> groups = codes(row, "group", codes, CodeKind.GROUP);
          Set<String> plb = codes(row, "plb_reason", codes, CodeKind.PLB_REASON);
          RuleOutcome outcome =
              new RuleOutcome(
                  optionalEnum(row, "family", DenialFamily.class),
                  core(row),
                  optionalEnum(row, "root_cause", RootCause.class),
                  bool(row, "preventable", false),
                  optionalEnum(row, "pathway", RecoveryPathway.class),
                  required(row, "rationale"));
          return new ClassificationRule(
              required(row, "rule_id"),
              list(row, "payer_id"),
              enums(row, "finding", FindingKind.class),
              groups,
              carcs,
              rarcs,
              plb,
              row.get("claim_fact").isEmpty()
                  ? ClaimFact.ANY
                  : enumValue(row, "claim_fact", ClaimFact.class),
              enums(row, "service_line", ServiceLine.class),
              list(row, "place_of_service"),
              outcome,
              row.source());
        });
  }

  /** CARC defaults ({@code carc-families.csv}). */
  static List<CarcDefault> carcs(Path file, CodeTables codes) {
    return rows(
        file,
        CARC_COLUMNS,
        row -> {
          codes(row, "carc", codes, CodeKind.CARC);
          return new CarcDefault(
              required(row, "carc"),
              new RuleOutcome(
                  enumValue(row, "family", DenialFamily.class),
                  core(row),
                  enumValue(row, "root_cause", RootCause.class),
                  bool(row, "preventable", true),
                  enumValue(row, "pathway", RecoveryPathway.class),
                  required(row, "rationale")),
              row.source());
        });
  }

  /** Service-line rules ({@code service-lines.csv}). */
  static List<ServiceLineRule> serviceLines(Path file) {
    return rows(
        file,
        SERVICE_LINE_COLUMNS,
        row ->
            new ServiceLineRule(
                enumValue(row, "service_line", ServiceLine.class),
                enumValue(row, "match", ServiceLineRule.Match.class),
                required(row, "from"),
                row.get("to"),
                row.source()));
  }

  /** Payer terms ({@code payers.csv}). */
  static List<PayerTerms> payers(Path file) {
    return rows(file, PAYER_COLUMNS, ClassificationFiles::payer);
  }

  private static PayerTerms payer(Row row) {
    Integer days = null;
    if (!row.get("appeal_window_days").isEmpty()) {
      try {
        days = Integer.valueOf(row.get("appeal_window_days"));
      } catch (NumberFormatException e) {
        throw row.error("appeal_window_days", "is not a whole number of days");
      }
    }
    Network network = networkValue(row);
    return new PayerTerms(
        required(row, "payer_id"), row.get("payer_name"), days, network, row.source());
  }

  /**
   * Network status per provider and payer ({@code networks.csv}); every row names a provider (a
   * payer-wide status is the {@code network} column of {@code payers.csv}).
   */
  static List<NetworkRow> networks(Path file) {
    return rows(file, NETWORK_COLUMNS, ClassificationFiles::network);
  }

  private static NetworkRow network(Row row) {
    ProviderScope provider =
        ContractFiles.providerScope(
            row.get("billing_npi"), row.get("billing_tin"), (c, v, p) -> row.error(c, p));
    if (provider.any()) {
      throw row.error(
          "billing_npi",
          "and billing_tin are both empty; name the provider (a status for every provider of a"
              + " payer is the network column of payers.csv)");
    }
    Network network = networkValue(row);
    if (network == null) {
      throw row.error("network", "is required: IN or OUT");
    }
    LocalDate from = date(row, "effective_from");
    LocalDate to = date(row, "effective_to");
    if (from != null && to != null && to.isBefore(from)) {
      throw row.error("effective_to", "is before effective_from " + from);
    }
    return new NetworkRow(required(row, "payer_id"), provider, network, from, to, row.source());
  }

  private static LocalDate date(Row row, String column) {
    try {
      return Csv.isoDate(row.get(column));
    } catch (IllegalArgumentException e) {
      throw row.error(column, e.getMessage());
    }
  }

  private static Network networkValue(Row row) {
    String n = row.get("network").toUpperCase(Locale.ROOT);
    if (n.isEmpty()) {
      return null;
    }
    return switch (n) {
      case "IN", "IN_NETWORK" -> Network.IN_NETWORK;
      case "OUT", "OUT_OF_NETWORK" -> Network.OUT_OF_NETWORK;
      default -> throw row.error("network", "must be IN, OUT or empty");
    };
  }

  /** Default overturn rates ({@code families.csv}); every family must be there once. */
  static Map<DenialFamily, BigDecimal> familyRates(Path file) {
    Map<DenialFamily, BigDecimal> out = new EnumMap<>(DenialFamily.class);
    for (Row row : read(file, FAMILY_COLUMNS)) {
      DenialFamily f = enumValue(row, "family", DenialFamily.class);
      BigDecimal rate;
      try {
        rate = new BigDecimal(row.get("default_overturn_rate"));
      } catch (NumberFormatException e) {
        throw row.error("default_overturn_rate", "is not a decimal");
      }
      if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
        throw row.error("default_overturn_rate", "must be between 0 and 1");
      }
      if (out.put(f, rate) != null) {
        throw row.error("family", "is listed twice");
      }
    }
    for (DenialFamily f : DenialFamily.values()) {
      if (!out.containsKey(f)) {
        throw new ConfigFileException(file + ": no default overturn rate for " + f);
      }
    }
    return out;
  }

  private static String required(Row row, String column) {
    String v = row.get(column);
    if (v.isEmpty()) {
      throw row.error(column, "is required");
    }
    return v;
  }

  private static Integer core(Row row) {
    String v = row.get("core_scenario");
    if (v.isEmpty()) {
      return null;
    }
    if (!v.matches("[1-4]")) {
      throw row.error("core_scenario", "must be 1, 2, 3, 4 or empty");
    }
    return Integer.valueOf(v);
  }

  private static Boolean bool(Row row, String column, boolean required) {
    String v = row.get(column).toLowerCase(Locale.ROOT);
    if (v.isEmpty() && !required) {
      return null;
    }
    return switch (v) {
      case "true" -> true;
      case "false" -> false;
      default -> throw row.error(column, "must be true or false" + (required ? "" : " or empty"));
    };
  }

  /** Values separated by '|'. */
  private static Set<String> list(Row row, String column) {
    Set<String> out = new LinkedHashSet<>();
    String v = row.get(column);
    if (v.isEmpty()) {
      return out;
    }
    for (String part : v.split("\\|", -1)) {
      String p = part.strip().toUpperCase(Locale.ROOT);
      if (p.isEmpty()) {
        throw row.error(column, "has an empty value between '|'");
      }
      if (!out.add(p)) {
        throw row.error(column, "repeats " + p);
      }
    }
    return out;
  }

  /** Codes of a kind, each known to the code table when one is loaded for the kind. */
  private static Set<String> codes(Row row, String column, CodeTables codes, CodeKind kind) {
    Set<String> out = list(row, column);
    if (!codes.entries(kind).isEmpty()) {
      for (String c : out) {
        if (codes.find(kind, c).isEmpty()) {
          throw row.error(
              column,
              "names "
                  + kind.label()
                  + " "
                  + c
                  + ", which "
                  + codes.listName(kind)
                  + " does not have");
        }
      }
    }
    return out;
  }

  private static <E extends Enum<E>> E enumValue(Row row, String column, Class<E> type) {
    String v = row.get(column).toUpperCase(Locale.ROOT);
    try {
      return Enum.valueOf(type, v);
    } catch (IllegalArgumentException e) {
      throw row.error(column, "must be one of " + Arrays.toString(type.getEnumConstants()));
    }
  }

  private static <E extends Enum<E>> E optionalEnum(Row row, String column, Class<E> type) {
    return row.get(column).isEmpty() ? null : enumValue(row, column, type);
  }

  private static <E extends Enum<E>> Set<E> enums(Row row, String column, Class<E> type) {
    Set<E> out = new LinkedHashSet<>();
    for (String v : list(row, column)) {
      try {
        out.add(Enum.valueOf(type, v));
      } catch (IllegalArgumentException e) {
        throw row.error(column, "must be one of " + Arrays.toString(type.getEnumConstants()));
      }
    }
    return out;
  }
}
