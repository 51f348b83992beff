package dev.x12gw.x12;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * ISA/GS/ST envelope defects: the table {@code envelope-defects.csv} (a resource beside this class)
 * that says which defects are errors and which are warnings, and which TA1, AK9 and IK5 codes tell
 * the sender. Loaded once into an immutable map; {@link EnvelopeTracker} and {@link
 * AcknowledgmentWriter} read it, so {@code x12gw validate} and the gateway apply the same table.
 */
public final class EnvelopeDefects {
  /** Where a defect is found, and so what an ERROR can refuse. */
  public enum Scope {
    /** In the ISA: an ERROR refuses every transaction set of the interchange. */
    INTERCHANGE,
    /** In or for one ST/SE transaction set: an ERROR refuses that set. */
    TRANSACTION_SET,
    /** At GS/GE/IEA, when the sets are taken in already: WARNING only. */
    ENVELOPE,
    /** A segment outside any transaction set: ERROR only, the segment is ignored. */
    STRAY_SEGMENT
  }

  /**
   * One row of the table.
   *
   * @param code the defect code of records and messages, e.g. {@code GS08_ST03_MISMATCH}
   * @param scope where it is found
   * @param severity ERROR or WARNING
   * @param ta1 TA105 interchange note code, or ""
   * @param ak905 AK905 functional group syntax error code, or ""
   * @param ik502 IK502 transaction set syntax error code, or ""
   * @param meaning what it means, for people
   */
  public record Defect(
      String code,
      Scope scope,
      X12Problem.Severity severity,
      String ta1,
      String ak905,
      String ik502,
      String meaning) {
    public Defect {
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(severity, "severity");
      if (code == null || !code.matches("[A-Z][A-Z0-9_]*")) {
        throw new IllegalArgumentException("defect code '" + code + "' is not UPPER_SNAKE_CASE");
      }
      ta1 = Objects.requireNonNullElse(ta1, "");
      ak905 = Objects.requireNonNullElse(ak905, "");
      ik502 = Objects.requireNonNullElse(ik502, "");
      meaning = Objects.requireNonNullElse(meaning, "");
      if (!ta1.isEmpty() && !ta1.matches("\\d{3}")) {
        throw new IllegalArgumentException(
            code + ": TA105 note code '" + ta1 + "' is not 3 digits");
      }
      if (!ak905.isEmpty() && !ak905.matches("[0-9A-Z]{1,3}")) {
        throw new IllegalArgumentException(code + ": AK905 code '" + ak905 + "' is not a code");
      }
      if (!ik502.isEmpty() && !ik502.matches("[0-9A-Z]{1,3}")) {
        throw new IllegalArgumentException(code + ": IK502 code '" + ik502 + "' is not a code");
      }
      if (scope == Scope.ENVELOPE && severity == X12Problem.Severity.ERROR) {
        throw new IllegalArgumentException(
            code + ": an envelope defect is found once the sets are taken in; it can only warn");
      }
      if (scope == Scope.STRAY_SEGMENT && severity == X12Problem.Severity.WARNING) {
        throw new IllegalArgumentException(
            code + ": a stray segment is always ignored; its severity is ERROR");
      }
    }

    public boolean isError() {
      return severity == X12Problem.Severity.ERROR;
    }
  }

  static final String RESOURCE = "envelope-defects.csv";

  private static final EnvelopeDefects STANDARD = load();

  private final Map<String, Defect> defects;
  private final Map<String, Integer> ranks;

  /**
   * @param rows the table's rows in its order (the order ranks them, see {@link #rank})
   */
  EnvelopeDefects(List<Defect> rows) {
    Map<String, Defect> byCode = new LinkedHashMap<>();
    Map<String, Integer> rank = new LinkedHashMap<>();
    for (Defect d : rows) {
      if (byCode.put(d.code(), d) != null) {
        throw new IllegalArgumentException("code " + d.code() + " appears twice");
      }
      rank.put(d.code(), rank.size());
    }
    this.defects = Map.copyOf(byCode);
    this.ranks = Map.copyOf(rank);
  }

  /**
   * The row number of {@code code} (0 = first; codes not in the table rank last): a TA1 carries one
   * note code, that of its first-ranked error, else of its first-ranked warning.
   */
  public int rank(String code) {
    return ranks.getOrDefault(code, Integer.MAX_VALUE);
  }

  /** The table shipped with the gateway. */
  public static EnvelopeDefects standard() {
    return STANDARD;
  }

  /** The defect of {@code code}, if the table has it. */
  public Optional<Defect> find(String code) {
    return Optional.ofNullable(defects.get(code));
  }

  /** The defect of {@code code}; fails when the table lacks it (a code the tracker reports). */
  public Defect get(String code) {
    Defect d = defects.get(code);
    if (d == null) {
      throw new IllegalStateException(
          "envelope defect " + code + " is not in " + RESOURCE + " (add a row for it)");
    }
    return d;
  }

  /** Severity of {@code code} in the table. */
  public X12Problem.Severity severity(String code) {
    return get(code).severity();
  }

  /** Every row, in code order. */
  public List<Defect> all() {
    return defects.values().stream().sorted(java.util.Comparator.comparing(Defect::code)).toList();
  }

  private static EnvelopeDefects load() {
    try (InputStream in = EnvelopeDefects.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Reads the table: '#' comment lines, a header line, then one row per defect code. */
  static EnvelopeDefects parse(BufferedReader reader) throws IOException {
    List<Defect> rows = new java.util.ArrayList<>();
    String line;
    int number = 0;
    List<String> header = null;
    while ((line = reader.readLine()) != null) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      List<String> fields = Arrays.asList(line.split(",", 7));
      if (header == null) {
        header = fields;
        if (!header.equals(
            List.of("code", "scope", "severity", "ta1", "ak905", "ik502", "meaning"))) {
          throw new IllegalArgumentException(
              RESOURCE + " line " + number + ": unexpected header " + header);
        }
        continue;
      }
      if (fields.size() != 7) {
        throw new IllegalArgumentException(
            RESOURCE + " line " + number + ": expected 7 columns, found " + fields.size());
      }
      try {
        Defect d =
            new Defect(
                fields.get(0).trim(),
                Scope.valueOf(fields.get(1).trim().toUpperCase().replace('-', '_')),
                X12Problem.Severity.valueOf(fields.get(2).trim()),
                fields.get(3).trim(),
                fields.get(4).trim(),
                fields.get(5).trim(),
                fields.get(6).trim());
        if (rows.stream().anyMatch(r -> r.code().equals(d.code()))) {
          throw new IllegalArgumentException("code " + d.code() + " appears twice");
        }
        rows.add(d);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(RESOURCE + " line " + number + ": " + e.getMessage(), e);
      }
    }
    return new EnvelopeDefects(rows);
  }
}
