package dev.x12gw.domain.controlroom;

import dev.x12gw.domain.Money;
import dev.x12gw.domain.classification.DenialFamily;
import dev.x12gw.domain.classification.ServiceLine;
import dev.x12gw.domain.controlroom.SegmentFigures.Aging;
import dev.x12gw.domain.controlroom.SegmentFigures.ClaimFigures;
import dev.x12gw.domain.controlroom.SegmentFigures.CountAmount;
import dev.x12gw.domain.controlroom.SegmentFigures.DenialFigures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * 835 loop 2100 CLP first passes and their classified findings, held in memory as columns: the
 * control room's KPIs, heat map, payer pattern cells and worklist ranking computed by scanning
 * arrays instead of querying the store on every request. Built once from the store ({@link
 * Builder}), never changed: a newer store is a new instance.
 *
 * <p>The figures follow the store's definitions exactly (the control room's SQL reads are the
 * reference, and a test compares the two over a generated store): a finding is <i>closed</i> on a
 * day when it is not overturned and its pathway is {@code CLOSE_OUT} or its appeal deadline (and
 * IDR deadline, if any) has passed; <i>open</i> when it is not overturned, has a pathway other than
 * {@code CLOSE_OUT}, and its appeal deadline (if any) or IDR deadline has not passed.
 *
 * <p>Size: about 110 bytes per finding and 50 per claim case (dates as day numbers, money as
 * ten-thousandths in a {@code long}, text columns as codes into per-column dictionaries).
 */
public final class ControlRoomFacts {
  /** The segment of rows whose segment column is empty or null. */
  public static final String UNKNOWN = "unknown";

  private static final String ALL = "all";
  private static final int NO_DAY = Integer.MIN_VALUE;
  private static final long NO_PRIORITY = Long.MIN_VALUE;
  private static final int SCALE = 4;

  // dictionary columns
  private static final int PAYER = 0;
  private static final int NPI = 1;
  private static final int SERVICE_LINE = 2;
  private static final int FAMILY = 3;
  private static final int ROOT_CAUSE = 4;
  private static final int CARC = 5;
  private static final int PATHWAY = 6;
  private static final int CATEGORY = 7;
  private static final int COLUMNS = 8;

  private final String[][] dictionaries;

  // claim cases with a first adjudication, by id
  private final int claims;
  private final int[] claimDay;
  private final int[][] claimCode; // PAYER, NPI, SERVICE_LINE
  private final long[] claimBilled;
  private final boolean[] claimFirstDenied;
  private final long[] claimDeniedAmount;
  private final long[] claimLines;
  private final long[] claimDeniedLines;
  private final BitSet claimClean;

  // classified findings with a record type
  private final int findings;
  private final long[] recordHigh;
  private final long[] recordLow;
  private final int[] findingClaim; // index of its claim case when same payer, else -1
  private final int[][] findingCode; // every dictionary column
  private final int[] decided;
  private final int[] appeal;
  private final int[] negotiation;
  private final int[] idr;
  private final int[] recovered;
  private final long[] amount;
  private final long[] recoveredAmount;
  private final long[] labor;
  private final long[] priority;
  private final BitSet overturned;
  private final BitSet preventable;

  private final int firstDay;
  private final int lastDay;
  private final int closeOut;
  private final int denial;
  private final int underpayment;
  private final int recoupment;

  private ControlRoomFacts(Builder b) {
    dictionaries = new String[COLUMNS][];
    for (int i = 0; i < COLUMNS; i++) {
      dictionaries[i] = b.values.get(i).toArray(String[]::new);
    }
    claims = b.claims;
    claimDay = fit(b.claimDay, claims);
    claimCode = new int[3][];
    for (int i = 0; i < 3; i++) {
      claimCode[i] = fit(b.claimCode[i], claims);
    }
    claimBilled = fit(b.claimBilled, claims);
    claimFirstDenied = fit(b.claimFirstDenied, claims);
    claimDeniedAmount = fit(b.claimDeniedAmount, claims);
    claimLines = fit(b.claimLines, claims);
    claimDeniedLines = fit(b.claimDeniedLines, claims);
    claimClean = b.claimClean;

    findings = b.findings;
    recordHigh = fit(b.recordHigh, findings);
    recordLow = fit(b.recordLow, findings);
    findingClaim = new int[findings];
    long[] ids = fit(b.claimId, claims);
    for (int i = 0; i < findings; i++) {
      int k = b.findingCase[i] == Long.MIN_VALUE ? -1 : Arrays.binarySearch(ids, b.findingCase[i]);
      findingClaim[i] =
          k >= 0 && claimCode[PAYER][k] == b.findingCode[PAYER][i] && claimCode[PAYER][k] >= 0
              ? k
              : -1;
    }
    findingCode = new int[COLUMNS][];
    for (int i = 0; i < COLUMNS; i++) {
      findingCode[i] = fit(b.findingCode[i], findings);
    }
    decided = fit(b.decided, findings);
    appeal = fit(b.appeal, findings);
    negotiation = fit(b.negotiation, findings);
    idr = fit(b.idr, findings);
    recovered = fit(b.recovered, findings);
    amount = fit(b.amount, findings);
    recoveredAmount = fit(b.recoveredAmount, findings);
    labor = fit(b.labor, findings);
    priority = fit(b.priority, findings);
    overturned = b.overturned;
    preventable = b.preventable;
    int lo = Integer.MAX_VALUE;
    int hi = Integer.MIN_VALUE;
    for (int[] column : new int[][] {claimDay, decided}) {
      for (int d : column) {
        if (d != NO_DAY) {
          lo = Math.min(lo, d);
          hi = Math.max(hi, d);
        }
      }
    }
    firstDay = lo;
    lastDay = hi;
    closeOut = code(PATHWAY, "CLOSE_OUT");
    denial = code(CATEGORY, "DENIAL");
    underpayment = code(CATEGORY, "UNDERPAYMENT");
    recoupment = code(CATEGORY, "RECOUPMENT");
  }

  /** The builder's column itself when it is full (no copy), else its first {@code n} values. */
  private static long[] fit(long[] a, int n) {
    return a.length == n ? a : Arrays.copyOf(a, n);
  }

  private static int[] fit(int[] a, int n) {
    return a.length == n ? a : Arrays.copyOf(a, n);
  }

  private static boolean[] fit(boolean[] a, int n) {
    return a.length == n ? a : Arrays.copyOf(a, n);
  }

  /** Claim cases with a first adjudication held. */
  public int claims() {
    return claims;
  }

  /** Classified findings held. */
  public int findings() {
    return findings;
  }

  private int code(int column, String value) {
    String[] d = dictionaries[column];
    for (int i = 0; i < d.length; i++) {
      if (d[i].equals(value)) {
        return i;
      }
    }
    return -2; // matches no row (-1 is a null)
  }

  // ---------------------------------------------------------------------------------- KPIs

  /** The KPIs of {@code q}, as the store's control room queries compute them. */
  public KpiReport kpis(KpiQuery q) {
    Dimension by = q.by();
    Map<String, Figures> segments = new TreeMap<>();
    if (by.claimLevel()) {
      claimFigures(q, by, segments);
    }
    findingFigures(q, by, segments);
    List<SegmentFigures> rows = new ArrayList<>();
    for (Figures f : segments.values()) {
      rows.add(f.build(by.claimLevel()));
    }
    Figures total;
    if (by == Dimension.TOTAL) {
      total = segments.getOrDefault(ALL, new Figures(ALL));
    } else {
      total = new Figures(ALL);
      for (Figures f : segments.values()) {
        total.addFindings(f);
      }
      Map<String, Figures> claimsOnly = new TreeMap<>();
      claimFigures(q, Dimension.TOTAL, claimsOnly);
      total.addClaims(claimsOnly.get(ALL));
    }
    return Kpis.report(q, rows, total.build(true));
  }

  private void claimFigures(KpiQuery q, Dimension by, Map<String, Figures> out) {
    int from = day(q.from(), Integer.MIN_VALUE);
    int to = day(q.to(), Integer.MAX_VALUE);
    boolean period = q.from() != null || q.to() != null;
    Figures[] byCode = null;
    Months byMonth = null;
    int column = claimColumn(by);
    if (column >= 0) {
      byCode = new Figures[dictionaries[column].length + 1];
    } else if (by == Dimension.MONTH) {
      byMonth = new Months(out);
    }
    // the store's total of no claims is still a row of zeros
    Figures all = by == Dimension.TOTAL ? out.computeIfAbsent(ALL, Figures::new) : null;
    for (int k = 0; k < claims; k++) {
      int d = claimDay[k];
      if (period && (d == NO_DAY || d < from || d > to)) {
        continue;
      }
      Figures f;
      if (all != null) {
        f = all;
      } else if (byCode != null) {
        int c = claimCode[column][k] + 1;
        f = byCode[c];
        if (f == null) {
          f = byCode[c] = segment(out, c == 0 ? null : dictionaries[column][c - 1]);
        }
      } else {
        f = byMonth.of(d);
      }
      f.addClaim(this, k);
    }
  }

  private void findingFigures(KpiQuery q, Dimension by, Map<String, Figures> out) {
    int from = day(q.from(), Integer.MIN_VALUE);
    int to = day(q.to(), Integer.MAX_VALUE);
    boolean period = q.from() != null || q.to() != null;
    int asOf = (int) q.asOf().toEpochDay();
    int d30 = asOf - 30;
    int d60 = asOf - 60;
    int d90 = asOf - 90;
    int in14 = asOf + 14;
    int column = findingColumn(by);
    Figures[] byCode = column >= 0 ? new Figures[dictionaries[column].length + 1] : null;
    Months byMonth = by == Dimension.MONTH ? new Months(out) : null;
    Figures all = null;
    for (int i = 0; i < findings; i++) {
      int d = decided[i];
      if (period && (d == NO_DAY || d < from || d > to)) {
        continue;
      }
      Figures f;
      if (byCode != null) {
        int c = findingCode[column][i] + 1;
        f = byCode[c];
        if (f == null) {
          f = byCode[c] = segment(out, c == 0 ? null : dictionaries[column][c - 1]);
        }
      } else if (byMonth != null) {
        f = byMonth.of(d);
      } else {
        if (all == null) {
          all = out.computeIfAbsent(ALL, Figures::new);
        }
        f = all;
      }
      int category = findingCode[CATEGORY][i];
      long at = amount[i];
      boolean isOverturned = overturned.get(i);
      boolean closed = closed(i, asOf);
      boolean open = open(i, asOf);
      if (category == denial) {
        f.denials.add(at);
        int pathway = findingCode[PATHWAY][i];
        if (pathway >= 0 && pathway != closeOut) {
          f.worked.add(at);
          f.labor += labor[i];
        }
        if (isOverturned) {
          f.overturned.add(recoveredAmount[i]);
        }
        if (closed) {
          f.closed.add(at);
        }
        if (preventable.get(i)) {
          f.preventable.add(at);
        }
        if (open) {
          if (d != NO_DAY) {
            if (d >= d30) {
              f.age30.add(at);
            } else if (d >= d60) {
              f.age60.add(at);
            } else if (d >= d90) {
              f.age90.add(at);
            } else {
              f.older.add(at);
            }
          }
          if (within(appeal[i], asOf, in14)
              || within(negotiation[i], asOf, in14)
              || within(idr[i], asOf, in14)) {
            f.soon.add(at);
          }
        }
        if (d != NO_DAY && ((isOverturned && recovered[i] != NO_DAY) || closed)) {
          int days;
          if (isOverturned) {
            days = recovered[i] - d;
          } else if (findingCode[PATHWAY][i] == closeOut) {
            days = 0;
          } else if (idr[i] != NO_DAY) {
            days = idr[i] - d;
          } else {
            days = appeal[i] - d;
          }
          f.addDays(Math.max(0, days), 1);
        }
      } else if (category == underpayment) {
        f.underpaid.add(at);
      } else if (category == recoupment) {
        f.recouped.add(at);
      }
    }
  }

  /** The month segments of a report, looked up by day number. */
  private final class Months {
    private final Map<String, Figures> out;
    private final Figures[] byDay;
    private Figures unknown;

    Months(Map<String, Figures> out) {
      this.out = out;
      this.byDay = new Figures[lastDay < firstDay ? 0 : lastDay - firstDay + 1];
    }

    Figures of(int day) {
      if (day == NO_DAY) {
        if (unknown == null) {
          unknown = segment(out, null);
        }
        return unknown;
      }
      int i = day - firstDay;
      Figures f = byDay[i];
      if (f == null) {
        f = byDay[i] = segment(out, month(day));
      }
      return f;
    }
  }

  /** Not overturned, and pathway CLOSE_OUT or every deadline passed on {@code asOf}. */
  private boolean closed(int i, int asOf) {
    if (overturned.get(i)) {
      return false;
    }
    if (findingCode[PATHWAY][i] == closeOut) {
      return true;
    }
    return appeal[i] != NO_DAY && appeal[i] < asOf && (idr[i] == NO_DAY || idr[i] < asOf);
  }

  /** Not overturned, a pathway other than CLOSE_OUT, a deadline not passed on {@code asOf}. */
  private boolean open(int i, int asOf) {
    int pathway = findingCode[PATHWAY][i];
    if (overturned.get(i) || pathway < 0 || pathway == closeOut) {
      return false;
    }
    return appeal[i] == NO_DAY || appeal[i] >= asOf || (idr[i] != NO_DAY && idr[i] >= asOf);
  }

  private static boolean within(int day, int from, int to) {
    return day != NO_DAY && day >= from && day <= to;
  }

  private static int claimColumn(Dimension by) {
    return switch (by) {
      case PAYER -> PAYER;
      case PROVIDER -> NPI;
      case SERVICE_LINE -> SERVICE_LINE;
      default -> -1;
    };
  }

  private static int findingColumn(Dimension by) {
    return switch (by) {
      case PAYER -> PAYER;
      case PROVIDER -> NPI;
      case SERVICE_LINE -> SERVICE_LINE;
      case FAMILY -> FAMILY;
      case ROOT_CAUSE -> ROOT_CAUSE;
      case CARC -> CARC;
      default -> -1;
    };
  }

  private static Figures segment(Map<String, Figures> out, String raw) {
    String name;
    if (raw == null || raw.isBlank()) {
      name = UNKNOWN;
    } else {
      name = raw.strip();
    }
    return out.computeIfAbsent(name, Figures::new);
  }

  /** {@code yyyy-MM} of a day number, null for none. */
  private static String month(int day) {
    return day == NO_DAY ? null : YearMonth.from(LocalDate.ofEpochDay(day)).toString();
  }

  private static int day(LocalDate d, int otherwise) {
    return d == null ? otherwise : (int) d.toEpochDay();
  }

  private static BigDecimal money(long tenThousandths) {
    return BigDecimal.valueOf(tenThousandths, SCALE);
  }

  /** A sum as the store gives it back: trailing zeros dropped, at least two places. */
  private static BigDecimal stripped(long tenThousandths) {
    BigDecimal v = money(tenThousandths);
    return Money.normalize(v.signum() == 0 ? Money.ZERO : v.stripTrailingZeros());
  }

  /** A count with its sum, as it is read. */
  private static final class Sum {
    long count;
    long total;

    void add(long tenThousandths) {
      count++;
      total += tenThousandths;
    }

    void add(Sum o) {
      count += o.count;
      total += o.total;
    }

    /** The count and sum; a sum of nothing but zeros is 0.00, as the store's SUM gives it. */
    CountAmount value() {
      return new CountAmount(count, total == 0 ? BigDecimal.ZERO : money(total));
    }
  }

  /** A segment's figures as they are summed. */
  private static final class Figures {
    final String segment;
    final Sum adjudicated = new Sum();
    final Sum firstDenied = new Sum();
    long lines;
    long deniedLines;
    long clean;
    final Sum denials = new Sum();
    final Sum worked = new Sum();
    final Sum overturned = new Sum();
    final Sum closed = new Sum();
    final Sum preventable = new Sum();
    long labor;
    final Sum underpaid = new Sum();
    final Sum recouped = new Sum();
    final Sum age30 = new Sum();
    final Sum age60 = new Sum();
    final Sum age90 = new Sum();
    final Sum older = new Sum();
    final Sum soon = new Sum();

    /** Resolved denials by days to resolution: dayCounts[d] of them took d days. */
    int[] dayCounts = new int[0];

    Figures(String segment) {
      this.segment = segment;
    }

    void addClaim(ControlRoomFacts f, int k) {
      adjudicated.count++;
      adjudicated.total += f.claimBilled[k];
      if (f.claimFirstDenied[k]) {
        firstDenied.add(f.claimDeniedAmount[k]);
      }
      lines += f.claimLines[k];
      deniedLines += f.claimDeniedLines[k];
      if (f.claimClean.get(k)) {
        clean++;
      }
    }

    void addClaims(Figures o) {
      if (o == null) {
        return;
      }
      adjudicated.add(o.adjudicated);
      firstDenied.add(o.firstDenied);
      lines += o.lines;
      deniedLines += o.deniedLines;
      clean += o.clean;
    }

    void addFindings(Figures o) {
      denials.add(o.denials);
      worked.add(o.worked);
      overturned.add(o.overturned);
      closed.add(o.closed);
      preventable.add(o.preventable);
      labor += o.labor;
      underpaid.add(o.underpaid);
      recouped.add(o.recouped);
      age30.add(o.age30);
      age60.add(o.age60);
      age90.add(o.age90);
      older.add(o.older);
      soon.add(o.soon);
      for (int d = 0; d < o.dayCounts.length; d++) {
        if (o.dayCounts[d] > 0) {
          addDays(d, o.dayCounts[d]);
        }
      }
    }

    void addDays(int d, int n) {
      if (d >= dayCounts.length) {
        dayCounts = Arrays.copyOf(dayCounts, Math.max(d + 1, dayCounts.length * 2));
      }
      dayCounts[d] += n;
    }

    /** The days to resolution, ascending, one boxed value shared by the entries of each day. */
    List<Integer> days() {
      List<Integer> out = new ArrayList<>();
      for (int d = 0; d < dayCounts.length; d++) {
        Integer v = d;
        for (int n = dayCounts[d]; n > 0; n--) {
          out.add(v);
        }
      }
      return out;
    }

    SegmentFigures build(boolean claimLevel) {
      ClaimFigures claimFigures =
          claimLevel
              ? new ClaimFigures(
                  adjudicated.value(), firstDenied.value(), lines, deniedLines, clean)
              : null;
      return new SegmentFigures(
          segment,
          claimFigures,
          new DenialFigures(
              denials.value(),
              worked.value(),
              overturned.value(),
              closed.value(),
              preventable.value(),
              labor == 0 ? BigDecimal.ZERO : money(labor)),
          underpaid.value(),
          recouped.value(),
          days(),
          new Aging(age30.value(), age60.value(), age90.value(), older.value(), soon.value()));
    }
  }

  // ---------------------------------------------------------------------------- heat map

  /**
   * Denials per payer × family decided from {@code from} to {@code to} (either null: open), with
   * each payer's claims first adjudicated in the period; ordered by payer and family.
   */
  public List<HeatCell> heatMap(LocalDate from, LocalDate to) {
    boolean period = from != null || to != null;
    int f0 = day(from, Integer.MIN_VALUE);
    int t0 = day(to, Integer.MAX_VALUE);
    long[] adjudicated = new long[dictionaries[PAYER].length + 1];
    for (int k = 0; k < claims; k++) {
      int d = claimDay[k];
      if (!period || (d != NO_DAY && d >= f0 && d <= t0)) {
        adjudicated[claimCode[PAYER][k] + 1]++;
      }
    }
    int families = dictionaries[FAMILY].length + 1;
    long[] count = new long[adjudicated.length * families];
    long[] dollars = new long[count.length];
    for (int i = 0; i < findings; i++) {
      int d = decided[i];
      if (findingCode[CATEGORY][i] != denial || (period && (d == NO_DAY || d < f0 || d > t0))) {
        continue;
      }
      int cell = (findingCode[PAYER][i] + 1) * families + findingCode[FAMILY][i] + 1;
      count[cell]++;
      dollars[cell] += amount[i];
    }
    TreeMap<String, HeatCell> cells = new TreeMap<>();
    for (int p = 1; p < adjudicated.length; p++) {
      for (int fam = 1; fam < families; fam++) {
        int cell = p * families + fam;
        if (count[cell] > 0) {
          String payer = dictionaries[PAYER][p - 1];
          String family = dictionaries[FAMILY][fam - 1];
          cells.put(
              payer + '\u0000' + family,
              new HeatCell(payer, family, count[cell], stripped(dollars[cell]), adjudicated[p]));
        }
      }
    }
    return List.copyOf(cells.values());
  }

  // ----------------------------------------------------------------------- payer patterns

  /**
   * The payer pattern detector's input for the months {@code from} to {@code to}: per payer ×
   * service line × month of first adjudication, the claims adjudicated and, per denial family and
   * category, the claims with such a finding of the same payer and the finding records behind them;
   * a payer × service line × month with no finding at all is a volume-only cell.
   */
  public List<PatternCell> patternCells(YearMonth from, YearMonth to) {
    int f0 = (int) from.atDay(1).toEpochDay();
    int t0 = (int) to.atEndOfMonth().toEpochDay();
    if (t0 < f0) {
      return List.of();
    }
    // a claim's cell: payer × service line (by name, OTHER when not named) × month of the period
    List<YearMonth> months = new ArrayList<>();
    int[] monthOf = new int[t0 - f0 + 1];
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      int first = Math.max(f0, (int) m.atDay(1).toEpochDay());
      int last = (int) m.atEndOfMonth().toEpochDay();
      Arrays.fill(monthOf, first - f0, last - f0 + 1, months.size());
      months.add(m);
    }
    List<String> lineNames = new ArrayList<>();
    int[] lineOf = new int[dictionaries[SERVICE_LINE].length + 1];
    for (int c = 0; c < lineOf.length; c++) {
      String v = c == 0 ? null : dictionaries[SERVICE_LINE][c - 1];
      String name = v == null || v.isBlank() ? "OTHER" : v;
      int at = lineNames.indexOf(name);
      if (at < 0) {
        at = lineNames.size();
        lineNames.add(name);
      }
      lineOf[c] = at;
    }
    int lines = lineNames.size();
    int monthCount = months.size();
    Map<Integer, long[]> volumes = new HashMap<>();
    for (int k = 0; k < claims; k++) {
      int d = claimDay[k];
      if (claimCode[PAYER][k] < 0 || d == NO_DAY || d < f0 || d > t0) {
        continue;
      }
      long[] v =
          volumes.computeIfAbsent(
              volumeCell(k, lineOf, lines, monthOf, f0, monthCount), x -> new long[2]);
      v[0]++;
      v[1] += claimBilled[k];
    }
    /** One cell's findings: the findings, their dollars. */
    final class Found {
      int[] findings = new int[8];
      int n;
      long dollars;
    }
    int families = dictionaries[FAMILY].length;
    Map<Long, Found> found = new HashMap<>();
    for (int i = 0; i < findings; i++) {
      int k = findingClaim[i];
      int category = findingCode[CATEGORY][i];
      if (k < 0 || (category != denial && category != underpayment)) {
        continue;
      }
      int d = claimDay[k];
      if (d == NO_DAY || d < f0 || d > t0) {
        continue;
      }
      long cell =
          ((long) volumeCell(k, lineOf, lines, monthOf, f0, monthCount) * families
                      + findingCode[FAMILY][i])
                  * 2
              + (category == denial ? 0 : 1);
      Found x = found.computeIfAbsent(cell, z -> new Found());
      if (x.n == x.findings.length) {
        x.findings = Arrays.copyOf(x.findings, x.n * 2);
      }
      x.findings[x.n++] = i;
      x.dollars += amount[i];
    }
    // in the order of payer | service line | yyyy-MM | family | category, as the store gives them
    TreeMap<String, PatternCell> withFindings = new TreeMap<>();
    java.util.Set<Integer> volumesWithFindings = new java.util.HashSet<>();
    for (Map.Entry<Long, Found> e : found.entrySet()) {
      long cell = e.getKey();
      PatternCategory category =
          cell % 2 == 0 ? PatternCategory.DENIAL : PatternCategory.UNDERPAYMENT;
      String family = dictionaries[FAMILY][(int) (cell / 2 % families)];
      int volume = (int) (cell / 2 / families);
      volumesWithFindings.add(volume);
      Found x = e.getValue();
      int[] claimsOf = new int[x.n];
      List<String> recordIds = new ArrayList<>(x.n);
      for (int j = 0; j < x.n; j++) {
        claimsOf[j] = findingClaim[x.findings[j]];
        recordIds.add(recordId(x.findings[j]));
      }
      Arrays.sort(claimsOf);
      int distinct = 0;
      for (int j = 0; j < claimsOf.length; j++) {
        if (j == 0 || claimsOf[j] != claimsOf[j - 1]) {
          distinct++;
        }
      }
      recordIds.sort(null);
      long[] v = volumes.get(volume);
      String payer = dictionaries[PAYER][volume / monthCount / lines];
      String line = lineNames.get(volume / monthCount % lines);
      YearMonth month = months.get(volume % monthCount);
      withFindings.put(
          payer + "|" + line + "|" + month + "|" + family + "|" + category,
          new PatternCell(
              payer,
              DenialFamily.valueOf(family),
              ServiceLine.valueOf(line),
              category,
              month,
              distinct,
              stripped(x.dollars),
              v[0],
              stripped(v[1]),
              recordIds));
    }
    TreeMap<String, PatternCell> volumeOnly = new TreeMap<>();
    for (Map.Entry<Integer, long[]> e : volumes.entrySet()) {
      int volume = e.getKey();
      if (volumesWithFindings.contains(volume)) {
        continue;
      }
      String payer = dictionaries[PAYER][volume / monthCount / lines];
      String line = lineNames.get(volume / monthCount % lines);
      YearMonth month = months.get(volume % monthCount);
      volumeOnly.put(
          payer + "|" + line + "|" + month,
          PatternCell.volumeOnly(
              payer, ServiceLine.valueOf(line), month, e.getValue()[0], stripped(e.getValue()[1])));
    }
    List<PatternCell> cells = new ArrayList<>(withFindings.values());
    cells.addAll(volumeOnly.values());
    return cells;
  }

  /**
   * The payer × service line × month cell of claim case {@code k} (adjudicated in the period, with
   * a payer) as one number.
   */
  private int volumeCell(int k, int[] lineOf, int lines, int[] monthOf, int f0, int monthCount) {
    return (claimCode[PAYER][k] * lines + lineOf[claimCode[SERVICE_LINE][k] + 1]) * monthCount
        + monthOf[claimDay[k] - f0];
  }

  // ----------------------------------------------------------------------------- worklist

  /** A page of the worklist: how many open findings match, and this page's record ids in order. */
  public record Ranked(long total, List<String> recordIds) {
    public Ranked {
      recordIds = List.copyOf(recordIds);
    }
  }

  /** The open findings of {@code q}, by descending priority (then record id): one page. */
  public Ranked worklist(WorklistQuery q) {
    int asOf = (int) q.asOf().toEpochDay();
    int pathway = q.pathway().isEmpty() ? -3 : code(PATHWAY, q.pathway());
    int payer = q.payerId().isEmpty() ? -3 : code(PAYER, q.payerId());
    int npi = q.providerNpi().isEmpty() ? -3 : code(NPI, q.providerNpi());
    int family = q.family().isEmpty() ? -3 : code(FAMILY, q.family());
    int window = q.deadlineWithinDays();
    int[] matching = new int[64];
    int n = 0;
    for (int i = 0; i < findings; i++) {
      if ((pathway != -3 && findingCode[PATHWAY][i] != pathway)
          || (payer != -3 && findingCode[PAYER][i] != payer)
          || (npi != -3 && findingCode[NPI][i] != npi)
          || (family != -3 && findingCode[FAMILY][i] != family)
          || !open(i, asOf)) {
        continue;
      }
      if (window > 0
          && !within(appeal[i], asOf, asOf + window)
          && !within(negotiation[i], asOf, asOf + window)
          && !within(idr[i], asOf, asOf + window)) {
        continue;
      }
      if (n == matching.length) {
        matching = Arrays.copyOf(matching, n * 2);
      }
      matching[n++] = i;
    }
    int end = (int) Math.min((long) q.offset() + q.limit(), n);
    List<String> page = new ArrayList<>();
    if (q.offset() < end) {
      // the first `end` of the ranking, by a bounded selection: a heap of `end` would do the
      // same; sorting the page's candidates only is enough at worklist page sizes
      Integer[] top = topRanked(matching, n, end);
      for (int r = q.offset(); r < end; r++) {
        page.add(recordId(top[r]));
      }
    }
    return new Ranked(n, page);
  }

  /** The first {@code end} findings of {@code matching[0..n)} in worklist order. */
  private Integer[] topRanked(int[] matching, int n, int end) {
    java.util.Comparator<Integer> order =
        (a, b) -> {
          int c = Long.compare(priority[b], priority[a]);
          if (c != 0) {
            return c;
          }
          c = Long.compareUnsigned(recordHigh[a], recordHigh[b]);
          return c != 0 ? c : Long.compareUnsigned(recordLow[a], recordLow[b]);
        };
    java.util.PriorityQueue<Integer> heap =
        new java.util.PriorityQueue<>(end + 1, order.reversed());
    for (int j = 0; j < n; j++) {
      Integer i = matching[j];
      if (heap.size() < end) {
        heap.add(i);
      } else if (order.compare(i, heap.peek()) < 0) {
        heap.poll();
        heap.add(i);
      }
    }
    Integer[] top = heap.toArray(Integer[]::new);
    Arrays.sort(top, order);
    return top;
  }

  private String recordId(int i) {
    return new UUID(recordHigh[i], recordLow[i]).toString();
  }

  // ------------------------------------------------------------------------------ builder

  /** Collects the rows read from the store. */
  public static final class Builder {
    private final List<List<String>> values = new ArrayList<>();
    private final List<Map<String, Integer>> codes = new ArrayList<>();

    private int claims;
    private long[] claimId = new long[0];
    private int[] claimDay = new int[0];
    private final int[][] claimCode = new int[3][1024];
    private long[] claimBilled = new long[0];
    private boolean[] claimFirstDenied = new boolean[0];
    private long[] claimDeniedAmount = new long[0];
    private long[] claimLines = new long[0];
    private long[] claimDeniedLines = new long[0];
    private final BitSet claimClean = new BitSet();

    private int findings;
    private long[] recordHigh = new long[0];
    private long[] recordLow = new long[0];
    private long[] findingCase = new long[0];
    private final int[][] findingCode = new int[COLUMNS][1024];
    private int[] decided = new int[0];
    private int[] appeal = new int[0];
    private int[] negotiation = new int[0];
    private int[] idr = new int[0];
    private int[] recovered = new int[0];
    private long[] amount = new long[0];
    private long[] recoveredAmount = new long[0];
    private long[] labor = new long[0];
    private long[] priority = new long[0];
    private final BitSet overturned = new BitSet();
    private final BitSet preventable = new BitSet();
    private long lastClaimId = Long.MIN_VALUE;
    private boolean built;

    /** A builder for about as many claim cases and findings as given (it grows past them). */
    public Builder(int claimCapacity, int findingCapacity) {
      int c = Math.max(16, claimCapacity);
      int f = Math.max(16, findingCapacity);
      claimId = new long[c];
      claimDay = new int[c];
      for (int i = 0; i < 3; i++) {
        claimCode[i] = new int[c];
      }
      claimBilled = new long[c];
      claimFirstDenied = new boolean[c];
      claimDeniedAmount = new long[c];
      claimLines = new long[c];
      claimDeniedLines = new long[c];
      recordHigh = new long[f];
      recordLow = new long[f];
      findingCase = new long[f];
      for (int i = 0; i < COLUMNS; i++) {
        findingCode[i] = new int[f];
      }
      decided = new int[f];
      appeal = new int[f];
      negotiation = new int[f];
      idr = new int[f];
      recovered = new int[f];
      amount = new long[f];
      recoveredAmount = new long[f];
      labor = new long[f];
      priority = new long[f];
      for (int i = 0; i < COLUMNS; i++) {
        values.add(new ArrayList<>());
        codes.add(new HashMap<>());
      }
    }

    private int code(int column, String value) {
      if (value == null) {
        return -1;
      }
      Integer c = codes.get(column).get(value);
      if (c == null) {
        c = values.get(column).size();
        values.get(column).add(value);
        codes.get(column).put(value, c);
      }
      return c;
    }

    /**
     * A claim case with a first adjudication ({@code claim_case.first_outcome} set), in ascending
     * {@code id} order.
     */
    public Builder claim(
        long id,
        LocalDate firstPassOn,
        String payerId,
        String billingNpi,
        String serviceLine,
        String firstOutcome,
        BigDecimal firstBilled,
        BigDecimal firstDeniedAmount,
        long firstLines,
        long firstDeniedLines,
        boolean firstClean) {
      Objects.requireNonNull(firstOutcome, "first outcome");
      if (id <= lastClaimId) {
        throw new IllegalArgumentException("claim cases come in ascending id order: " + id);
      }
      lastClaimId = id;
      if (claims == claimId.length) {
        int n = claims * 2;
        claimId = Arrays.copyOf(claimId, n);
        claimDay = Arrays.copyOf(claimDay, n);
        for (int i = 0; i < 3; i++) {
          claimCode[i] = Arrays.copyOf(claimCode[i], n);
        }
        claimBilled = Arrays.copyOf(claimBilled, n);
        claimFirstDenied = Arrays.copyOf(claimFirstDenied, n);
        claimDeniedAmount = Arrays.copyOf(claimDeniedAmount, n);
        claimLines = Arrays.copyOf(claimLines, n);
        claimDeniedLines = Arrays.copyOf(claimDeniedLines, n);
      }
      int k = claims++;
      claimId[k] = id;
      claimDay[k] = firstPassOn == null ? NO_DAY : (int) firstPassOn.toEpochDay();
      claimCode[PAYER][k] = code(PAYER, payerId);
      claimCode[NPI][k] = code(NPI, billingNpi);
      claimCode[SERVICE_LINE][k] = code(SERVICE_LINE, serviceLine);
      claimBilled[k] = units(firstBilled);
      boolean denied = firstOutcome.equals("DENIED") || firstOutcome.equals("PARTIALLY_DENIED");
      claimFirstDenied[k] = denied;
      claimDeniedAmount[k] = denied ? units(firstDeniedAmount) : 0;
      claimLines[k] = firstLines;
      claimDeniedLines[k] = firstDeniedLines;
      claimClean.set(k, firstClean);
      return this;
    }

    /** A classified finding with a record type ({@code classified_finding.record_type} set). */
    public Builder finding(FindingRow r) {
      if (findings == recordHigh.length) {
        int n = findings * 2;
        recordHigh = Arrays.copyOf(recordHigh, n);
        recordLow = Arrays.copyOf(recordLow, n);
        findingCase = Arrays.copyOf(findingCase, n);
        for (int i = 0; i < COLUMNS; i++) {
          findingCode[i] = Arrays.copyOf(findingCode[i], n);
        }
        decided = Arrays.copyOf(decided, n);
        appeal = Arrays.copyOf(appeal, n);
        negotiation = Arrays.copyOf(negotiation, n);
        idr = Arrays.copyOf(idr, n);
        recovered = Arrays.copyOf(recovered, n);
        amount = Arrays.copyOf(amount, n);
        recoveredAmount = Arrays.copyOf(recoveredAmount, n);
        labor = Arrays.copyOf(labor, n);
        priority = Arrays.copyOf(priority, n);
      }
      int i = findings++;
      UUID id = UUID.fromString(r.recordId().strip());
      recordHigh[i] = id.getMostSignificantBits();
      recordLow[i] = id.getLeastSignificantBits();
      findingCase[i] = r.caseId() == null ? Long.MIN_VALUE : r.caseId();
      findingCode[PAYER][i] = code(PAYER, r.payerId());
      findingCode[NPI][i] = code(NPI, r.billingNpi());
      findingCode[SERVICE_LINE][i] = code(SERVICE_LINE, r.serviceLine());
      findingCode[FAMILY][i] = code(FAMILY, r.family());
      findingCode[ROOT_CAUSE][i] = code(ROOT_CAUSE, r.rootCause());
      findingCode[CARC][i] = code(CARC, r.carc());
      findingCode[PATHWAY][i] = code(PATHWAY, r.pathway());
      findingCode[CATEGORY][i] = code(CATEGORY, r.category());
      decided[i] = day(r.decidedOn());
      appeal[i] = day(r.appealDeadline());
      negotiation[i] = day(r.negotiationDeadline());
      idr[i] = day(r.idrDeadline());
      recovered[i] = day(r.recoveredOn());
      amount[i] = units(r.amount());
      recoveredAmount[i] = units(r.recoveredAmount());
      labor[i] = units(r.laborCost());
      priority[i] = r.priority() == null ? NO_PRIORITY : units(r.priority());
      overturned.set(i, r.overturned());
      preventable.set(i, Boolean.TRUE.equals(r.preventable()));
      return this;
    }

    /** The facts; the builder's columns become theirs, so it is used once. */
    public ControlRoomFacts build() {
      if (built) {
        throw new IllegalStateException("a facts builder builds once");
      }
      built = true;
      return new ControlRoomFacts(this);
    }

    private static int day(LocalDate d) {
      return d == null ? NO_DAY : (int) d.toEpochDay();
    }

    /** Money as ten-thousandths (the store's DECIMAL(20,4)); null as 0, like SQL's SUM. */
    private static long units(BigDecimal v) {
      return v == null
          ? 0
          : v.setScale(SCALE, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }
  }

  /**
   * One {@code classified_finding} row as the control room reads it.
   *
   * @param recordId the finding's record id (a UUID)
   * @param caseId its claim case, or null
   * @param payerId payer id
   * @param billingNpi billing provider NPI, or null
   * @param serviceLine service line, or null
   * @param family denial family
   * @param rootCause root cause, or null
   * @param carc the driving CARC, or null
   * @param pathway recovery pathway, or null
   * @param category DENIAL, UNDERPAYMENT or RECOUPMENT
   * @param decidedOn the remittance's payment date, or null
   * @param appealDeadline last day to appeal, or null
   * @param negotiationDeadline NSA open negotiation deadline, or null
   * @param idrDeadline NSA IDR initiation deadline, or null
   * @param recoveredOn the overturn's payment date, or null
   * @param amount the amount at stake
   * @param recoveredAmount dollars recovered by an overturn, or null
   * @param laborCost the pathway's labor cost, or null
   * @param priority the worklist ranking, or null
   * @param overturned a later payment overturned it
   * @param preventable the provider's process could have avoided it, or null
   */
  public record FindingRow(
      String recordId,
      Long caseId,
      String payerId,
      String billingNpi,
      String serviceLine,
      String family,
      String rootCause,
      String carc,
      String pathway,
      String category,
      LocalDate decidedOn,
      LocalDate appealDeadline,
      LocalDate negotiationDeadline,
      LocalDate idrDeadline,
      LocalDate recoveredOn,
      BigDecimal amount,
      BigDecimal recoveredAmount,
      BigDecimal laborCost,
      BigDecimal priority,
      boolean overturned,
      Boolean preventable) {
    public FindingRow {
      Objects.requireNonNull(recordId, "record id");
      Objects.requireNonNull(amount, "amount");
    }
  }
}
