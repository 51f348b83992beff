package dev.x12gw.cli;

import dev.x12gw.controlroom.ControlRoomJson;
import dev.x12gw.domain.controlroom.KpiReport;
import dev.x12gw.domain.controlroom.KpiRow;
import dev.x12gw.domain.controlroom.KpiValue;
import dev.x12gw.domain.controlroom.Metric;
import dev.x12gw.intake.FileReport;
import dev.x12gw.intake.X12FileProcessor;
import dev.x12gw.store.Database;
import dev.x12gw.store.IntakeFiles;
import dev.x12gw.store.JdbcIntakeTarget;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code x12gw report}: the control room's KPIs as a table, CSV or JSON, from the gateway's store
 * or from X12 files read into a store of their own (in memory) with the gateway's intake.
 */
final class Report {
  /** Output formats. */
  enum Format {
    TABLE,
    CSV,
    JSON
  }

  private Report() {}

  /**
   * Reads {@code files} (837s first, then the rest, as {@code analyze}) into an in-memory store and
   * returns it; files that quarantine data are named on {@code err}.
   */
  static Database load(X12FileProcessor processor, List<Path> files, PrintStream err)
      throws Exception {
    Database db =
        Database.open(
            "jdbc:h2:mem:report-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 2);
    List<Path> claims = new ArrayList<>();
    List<Path> others = new ArrayList<>();
    for (Path f : files) {
      ("837".equals(Analyze.sniff(f)) ? claims : others).add(f);
    }
    List<Path> ordered = new ArrayList<>(claims);
    ordered.addAll(others);
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Path f : ordered) {
      String sha = sha256(f);
      if (!seen.add(sha)) {
        err.println("x12gw report: " + f + ": same content as a file read before; skipped");
        continue;
      }
      String name = f.getFileName().toString();
      FileReport r =
          db.inTransaction(
              c -> {
                long id = IntakeFiles.start(c, sha, f.toString(), "report");
                return processor.process(f, name, sha, new JdbcIntakeTarget(c, id, name, Map.of()));
              });
      if (r.outcome().quarantined()) {
        err.println("x12gw report: " + f + ": " + r.outcome() + " (see x12gw validate)");
      }
    }
    return db;
  }

  /**
   * The files to read: each file named, and the 837s and 835s in each folder named (its other
   * files, such as a README, are left out).
   */
  static List<Path> x12Files(List<Path> paths) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        for (Path f : Analyze.expand(List.of(p))) {
          if (!Analyze.sniff(f).isEmpty()) {
            out.add(f);
          }
        }
      } else {
        out.add(p);
      }
    }
    return out;
  }

  /** Prints {@code report} in {@code format}. */
  static void print(KpiReport report, Format format, PrintStream out) throws IOException {
    switch (format) {
      case TABLE -> table(report, out);
      case CSV -> csv(report, out);
      case JSON -> json(report, out);
    }
    out.flush();
  }

  private static void table(KpiReport r, PrintStream out) {
    List<KpiRow> columns = new ArrayList<>();
    columns.add(r.total());
    if (r.query().by() != dev.x12gw.domain.controlroom.Dimension.TOTAL) {
      columns.addAll(r.rows());
    }
    int first = "kpi".length();
    for (Metric m : Metric.values()) {
      first = Math.max(first, m.label().length());
    }
    List<Integer> widths = new ArrayList<>();
    for (KpiRow row : columns) {
      int w = Math.max(10, heading(r, row).length());
      for (Metric m : Metric.values()) {
        w = Math.max(w, cell(m, row.get(m)).length());
      }
      widths.add(w);
    }
    out.println(
        "period "
            + (r.query().from() == null ? "(first)" : r.query().from())
            + " .. "
            + (r.query().to() == null ? "(last)" : r.query().to())
            + ", as of "
            + r.query().asOf()
            + ", by "
            + r.query().by().label());
    StringBuilder h = new StringBuilder(pad("kpi", first, false));
    for (int i = 0; i < columns.size(); i++) {
      h.append("  ").append(pad(heading(r, columns.get(i)), widths.get(i), true));
    }
    out.println(h);
    for (Metric m : Metric.values()) {
      StringBuilder line = new StringBuilder(pad(m.label(), first, false));
      for (int i = 0; i < columns.size(); i++) {
        line.append("  ").append(pad(cell(m, columns.get(i).get(m)), widths.get(i), true));
      }
      out.println(line);
    }
    out.println();
    out.println("rates are shares (n/d shown); '-' = no denominator or not segmented this way;");
    out.println("formulas: docs/control-room.md, or --format json");
  }

  private static String heading(KpiReport r, KpiRow row) {
    return row == r.total() ? "all" : row.segment();
  }

  private static String cell(Metric m, KpiValue v) {
    if (v.value() == null) {
      return "-";
    }
    return switch (m.unit()) {
      case RATE ->
          v.value().movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString()
              + "% ("
              + plain(v.numerator())
              + "/"
              + plain(v.denominator())
              + ")";
      case DOLLARS -> money(v.value());
      case DAYS -> v.value().toPlainString() + " d";
      case COUNT ->
          v.value().toPlainString() + (v.amount() != null ? " (" + money(v.amount()) + ")" : "");
    };
  }

  private static String money(BigDecimal b) {
    return String.format(Locale.ROOT, "%,.2f", b.setScale(2, RoundingMode.HALF_UP));
  }

  private static String plain(BigDecimal b) {
    BigDecimal s = b.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
  }

  private static String pad(String s, int width, boolean right) {
    if (s.length() >= width) {
      return s;
    }
    String spaces = " ".repeat(width - s.length());
    return right ? spaces + s : s + spaces;
  }

  private static void csv(KpiReport r, PrintStream out) {
    out.println("segment,kpi,value,numerator,denominator,amount");
    List<KpiRow> rows = new ArrayList<>();
    rows.add(r.total());
    if (r.query().by() != dev.x12gw.domain.controlroom.Dimension.TOTAL) {
      rows.addAll(r.rows());
    }
    for (KpiRow row : rows) {
      String seg = row == r.total() ? "all" : row.segment();
      for (Metric m : Metric.values()) {
        KpiValue v = row.get(m);
        out.println(
            csvField(seg)
                + ","
                + m.label()
                + ","
                + text(v.value())
                + ","
                + text(v.numerator())
                + ","
                + text(v.denominator())
                + ","
                + text(v.amount()));
      }
    }
  }

  private static String csvField(String s) {
    return s.matches("[^,\"\\r\\n]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
  }

  private static String text(BigDecimal b) {
    return b == null ? "" : b.toPlainString();
  }

  private static void json(KpiReport r, PrintStream out) {
    out.println(ControlRoomJson.writePretty(ControlRoomJson.kpis(r)));
  }

  private static String sha256(Path f) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
