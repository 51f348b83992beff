package dev.x12gw.store;

import dev.x12gw.domain.classification.DenialFamily;
import dev.x12gw.domain.classification.ServiceLine;
import dev.x12gw.domain.controlroom.ControlRoomFacts;
import dev.x12gw.domain.controlroom.Dimension;
import dev.x12gw.domain.controlroom.HeatCell;
import dev.x12gw.domain.controlroom.KpiQuery;
import dev.x12gw.domain.controlroom.KpiReport;
import dev.x12gw.domain.controlroom.Kpis;
import dev.x12gw.domain.controlroom.PatternCategory;
import dev.x12gw.domain.controlroom.PatternCell;
import dev.x12gw.domain.controlroom.SegmentFigures;
import dev.x12gw.domain.controlroom.SegmentFigures.Aging;
import dev.x12gw.domain.controlroom.SegmentFigures.ClaimFigures;
import dev.x12gw.domain.controlroom.SegmentFigures.CountAmount;
import dev.x12gw.domain.controlroom.SegmentFigures.DenialFigures;
import dev.x12gw.domain.controlroom.Worklist;
import dev.x12gw.domain.controlroom.WorklistItem;
import dev.x12gw.domain.controlroom.WorklistQuery;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The control room's reads of the store: the counts and dollars per segment its KPIs are computed
 * from ({@code claim_case} first passes, {@code classified_finding} rows written since V14).
 */
public final class ControlRoomStore {
  /** The segment of rows whose segment column is empty or null. */
  public static final String UNKNOWN = ControlRoomFacts.UNKNOWN;

  private static final String ALL = "all";

  /**
   * A finding closed out unrecovered on day {@code ?}: nothing to recover ({@code CLOSE_OUT}), or
   * every deadline it has passed (the appeal's, and for a No Surprises Act dispute the IDR's).
   */
  private static final String CLOSED =
      "overturned_by is null and (recovery_pathway = 'CLOSE_OUT' or (appeal_deadline < ? and"
          + " (idr_deadline is null or idr_deadline < ?)))";

  /** A finding still open on day {@code ?}: not overturned and not {@link #CLOSED}. */
  private static final String OPEN =
      "overturned_by is null and recovery_pathway <> 'CLOSE_OUT' and (appeal_deadline is null"
          + " or appeal_deadline >= ? or idr_deadline >= ?)";

  private static final int FETCH = 10_000;

  private static final String ITEM_COLUMNS =
      "select record_id, record_type, payer_id, payer_name, billing_npi, billing_name,"
          + " claim_ref, payer_claim_number, line_number, procedure_code, denial_family,"
          + " root_cause, driving_code, recovery_pathway, rule_id, amount,"
          + " expected_recovery, labor_cost, priority, decided_on, appeal_deadline,"
          + " negotiation_deadline, idr_deadline";

  private final DataSource dataSource;

  public ControlRoomStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Everything the control room computes from, read in two scans: the claim cases with a first
   * adjudication (by id) and the classified findings with a record type. Reads {@link #changes()}
   * first, so the facts hold at least every change it counts.
   */
  public Loaded facts() {
    try (Connection c = dataSource.getConnection()) {
      c.setReadOnly(true);
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false); // PostgreSQL streams a result by fetch size only in a transaction
      try {
        Changes changes = changes(c);
        // capacities: all rows, a bound that H2 keeps without scanning (a filtered count scans)
        int claimCount = (int) count(c, "select count(*) from claim_case");
        int findingCount = (int) count(c, "select count(*) from classified_finding");
        ControlRoomFacts.Builder b = new ControlRoomFacts.Builder(claimCount, findingCount);
        long start = System.nanoTime();
        try (PreparedStatement ps =
            c.prepareStatement(
                "select id, first_pass_on, payer_id, billing_npi, service_line, first_outcome,"
                    + " first_billed, first_denied_amount, first_lines, first_denied_lines,"
                    + " first_clean from claim_case where first_outcome is not null order by id")) {
          ps.setFetchSize(FETCH);
          try (ResultSet r = ps.executeQuery()) {
            while (r.next()) {
              b.claim(
                  r.getLong(1),
                  SqlValues.date(r, 2),
                  r.getString(3),
                  r.getString(4),
                  r.getString(5),
                  r.getString(6),
                  r.getBigDecimal(7),
                  r.getBigDecimal(8),
                  r.getLong(9),
                  r.getLong(10),
                  r.getBoolean(11));
            }
          }
        }
        long claimsRead = System.nanoTime();
        try (PreparedStatement ps =
            c.prepareStatement(
                "select record_id, case_id, payer_id, billing_npi, service_line, denial_family,"
                    + " root_cause, carc, recovery_pathway, category, decided_on, appeal_deadline,"
                    + " negotiation_deadline, idr_deadline, recovered_on, amount, recovered_amount,"
                    + " labor_cost, priority, overturned_by, preventable from classified_finding"
                    + " where record_type is not null")) {
          ps.setFetchSize(FETCH);
          try (ResultSet r = ps.executeQuery()) {
            while (r.next()) {
              long caseId = r.getLong(2);
              Long kase = r.wasNull() ? null : caseId;
              boolean preventable = r.getBoolean(21);
              Boolean prevented = r.wasNull() ? null : preventable;
              b.finding(
                  new ControlRoomFacts.FindingRow(
                      r.getString(1),
                      kase,
                      r.getString(3),
                      r.getString(4),
                      r.getString(5),
                      r.getString(6),
                      r.getString(7),
                      r.getString(8),
                      r.getString(9),
                      r.getString(10),
                      SqlValues.date(r, 11),
                      SqlValues.date(r, 12),
                      SqlValues.date(r, 13),
                      SqlValues.date(r, 14),
                      SqlValues.date(r, 15),
                      r.getBigDecimal(16),
                      r.getBigDecimal(17),
                      r.getBigDecimal(18),
                      r.getBigDecimal(19),
                      r.getString(20) != null,
                      prevented));
            }
          }
        }
        c.commit();
        long findingsRead = System.nanoTime();
        return new Loaded(
            b.build(),
            changes,
            (claimsRead - start) / 1_000_000,
            (findingsRead - claimsRead) / 1_000_000);
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the control room's facts", e);
    }
  }

  /**
   * Facts as read, with the store's {@link Changes} read just before them and how long the claim
   * cases and the findings took to read.
   */
  public record Loaded(
      ControlRoomFacts facts, Changes changes, long claimsMillis, long findingsMillis) {}

  /**
   * What moves whenever the intake changes a claim case or a finding: the highest claim, claim
   * payment and claim case ids (each change comes with a new 837 claim or 835 payment row). Cheap:
   * three index reads. A transaction that commits after one with a higher id (two nodes, or
   * concurrent files) moves none of them; the control room's maximum age covers that.
   */
  public record Changes(long claim, long payment, long claimCase) {}

  /** The store's {@link Changes} now. */
  public Changes changes() {
    try (Connection c = dataSource.getConnection()) {
      c.setReadOnly(true);
      return changes(c);
    } catch (SQLException e) {
      throw new StoreException("cannot read the store's changes", e);
    }
  }

  private static Changes changes(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement(
                "select (select max(id) from claim), (select max(id) from claim_payment),"
                    + " (select max(id) from claim_case)");
        ResultSet r = ps.executeQuery()) {
      r.next();
      return new Changes(r.getLong(1), r.getLong(2), r.getLong(3));
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet r = ps.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }

  /**
   * The worklist page of {@code q} ranked over {@code facts}: the page's findings read by record
   * id. A finding withdrawn since the facts were read is left out of the page.
   */
  public Worklist worklist(WorklistQuery q, ControlRoomFacts facts) {
    ControlRoomFacts.Ranked ranked = facts.worklist(q);
    if (ranked.recordIds().isEmpty()) {
      return new Worklist(q, ranked.total(), List.of());
    }
    Map<String, WorklistItem> found = new java.util.HashMap<>();
    try (Connection c = dataSource.getConnection()) {
      c.setReadOnly(true);
      String marks =
          String.join(",", java.util.Collections.nCopies(ranked.recordIds().size(), "?"));
      try (PreparedStatement ps =
          c.prepareStatement(
              ITEM_COLUMNS
                  + " from classified_finding where record_type is not null and record_id in ("
                  + marks
                  + ")")) {
        int i = 1;
        for (String id : ranked.recordIds()) {
          ps.setString(i++, id);
        }
        try (ResultSet r = ps.executeQuery()) {
          while (r.next()) {
            WorklistItem item = item(r);
            found.put(item.recordId(), item);
          }
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the worklist", e);
    }
    List<WorklistItem> items = new ArrayList<>();
    for (String id : ranked.recordIds()) {
      WorklistItem item = found.get(id);
      if (item != null) {
        items.add(item);
      }
    }
    return new Worklist(q, ranked.total(), items);
  }

  /** The KPIs of {@code q}. */
  public KpiReport kpis(KpiQuery q) {
    try (Connection c = dataSource.getConnection()) {
      c.setReadOnly(true);
      Dialect dialect = Dialect.of(c);
      Map<String, Builder> segments = figures(c, dialect, q, q.by());
      List<SegmentFigures> rows = new ArrayList<>();
      for (Builder b : segments.values()) {
        rows.add(b.build(q.by().claimLevel()));
      }
      return Kpis.report(q, rows, total(c, dialect, q, segments).build(true));
    } catch (SQLException e) {
      throw new StoreException("cannot read the control room's figures", e);
    }
  }

  /**
   * Denials per payer × family decided from {@code from} to {@code to} (either null: open), with
   * each payer's claims first adjudicated in the period; ordered by payer and family.
   */
  public List<HeatCell> heatMap(LocalDate from, LocalDate to) {
    KpiQuery q = new KpiQuery(from, to, LocalDate.now(), Dimension.TOTAL);
    try (Connection c = dataSource.getConnection()) {
      c.setReadOnly(true);
      Map<String, Long> adjudicated = new TreeMap<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "select payer_id, count(*) from claim_case where first_outcome is not null"
                  + period("first_pass_on", q)
                  + " group by payer_id")) {
        bindPeriod(ps, 1, q);
        try (ResultSet r = ps.executeQuery()) {
          while (r.next()) {
            adjudicated.put(r.getString(1) == null ? UNKNOWN : r.getString(1), r.getLong(2));
          }
        }
      }
      List<HeatCell> out = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "select payer_id, denial_family, count(*), coalesce(sum(amount), 0) from"
                  + " classified_finding where record_type is not null and category = 'DENIAL'"
                  + period("decided_on", q)
                  + " group by payer_id, denial_family order by payer_id, denial_family")) {
        bindPeriod(ps, 1, q);
        try (ResultSet r = ps.executeQuery()) {
          while (r.next()) {
            String payer = r.getString(1);
            out.add(
                new HeatCell(
                    payer,
                    r.getString(2),
                    r.getLong(3),
                    SqlValues.money(r.getBigDecimal(4)),
                    adjudicated.getOrDefault(payer, 0L)));
          }
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot read the heat map", e);
    }
  }

  /**
   * The payer pattern detector's input for the months {@code from} to {@code to}: per payer ×
   * service line × month of first adjudication, the claims adjudicated (volume) and, per denial
   * family and category (denials, underpayments), how many of those claims have such a finding of
   * the same payer, with the finding records behind them. A payer × service line × month with no
   * finding at all is a volume-only cell.
   */
  public List<PatternCell> patternCells(YearMonth from, YearMonth to) {
    KpiQuery q = new KpiQuery(from.atDay(1), to.atEndOfMonth(), LocalDate.now(), Dimension.TOTAL);
    String month = month("k.first_pass_on");
    try (Connection c = dataSource.getConnection()) {
      c.setReadOnly(true);
      record Volume(long claims, BigDecimal billed) {}
      Map<String, Volume> volumes = new TreeMap<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "select k.payer_id, k.service_line, "
                  + month
                  + ", count(*), coalesce(sum(k.first_billed), 0) from claim_case k where"
                  + " k.first_outcome is not null and k.payer_id is not null"
                  + period("k.first_pass_on", q)
                  + " group by k.payer_id, k.service_line, "
                  + month)) {
        bindPeriod(ps, 1, q);
        try (ResultSet r = ps.executeQuery()) {
          while (r.next()) {
            volumes.put(
                key(r.getString(1), r.getString(2), r.getString(3)),
                new Volume(r.getLong(4), SqlValues.money(r.getBigDecimal(5))));
          }
        }
      }
      /** One cell's findings as read: distinct claims, dollars, record ids. */
      final class Found {
        final java.util.Set<Long> claims = new java.util.HashSet<>();
        BigDecimal dollars = BigDecimal.ZERO;
        final List<String> recordIds = new ArrayList<>();
      }
      Map<String, Found> found = new TreeMap<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "select k.payer_id, k.service_line, "
                  + month
                  + ", f.denial_family, f.category, k.id, f.amount, f.record_id from claim_case k"
                  + " join classified_finding f on f.case_id = k.id and f.payer_id = k.payer_id"
                  + " where k.first_outcome is not null and f.record_type is not null and"
                  + " f.category in ('DENIAL', 'UNDERPAYMENT')"
                  + period("k.first_pass_on", q))) {
        bindPeriod(ps, 1, q);
        try (ResultSet r = ps.executeQuery()) {
          while (r.next()) {
            String k = key(r.getString(1), r.getString(2), r.getString(3));
            Found x =
                found.computeIfAbsent(
                    k + "|" + r.getString(4) + "|" + r.getString(5), z -> new Found());
            x.claims.add(r.getLong(6));
            x.dollars = x.dollars.add(r.getBigDecimal(7));
            x.recordIds.add(r.getString(8).strip());
          }
        }
      }
      List<PatternCell> cells = new ArrayList<>();
      java.util.Set<String> withFindings = new java.util.HashSet<>();
      for (Map.Entry<String, Found> e : found.entrySet()) {
        String[] p = e.getKey().split("\\|", -1);
        String volumeKey = p[0] + "|" + p[1] + "|" + p[2];
        Volume v = volumes.get(volumeKey);
        withFindings.add(volumeKey);
        Found x = e.getValue();
        x.recordIds.sort(null);
        cells.add(
            new PatternCell(
                p[0],
                DenialFamily.valueOf(p[3]),
                ServiceLine.valueOf(p[1]),
                PatternCategory.valueOf(p[4]),
                YearMonth.parse(p[2]),
                x.claims.size(),
                SqlValues.money(x.dollars),
                v.claims(),
                v.billed(),
                x.recordIds));
      }
      for (Map.Entry<String, Volume> e : volumes.entrySet()) {
        if (!withFindings.contains(e.getKey())) {
          String[] p = e.getKey().split("\\|", -1);
          cells.add(
              PatternCell.volumeOnly(
                  p[0],
                  ServiceLine.valueOf(p[1]),
                  YearMonth.parse(p[2]),
                  e.getValue().claims(),
                  e.getValue().billed()));
        }
      }
      return cells;
    } catch (SQLException e) {
      throw new StoreException("cannot read the payer pattern figures", e);
    }
  }

  /** payer | service line (OTHER when not named) | yyyy-MM. */
  private static String key(String payer, String serviceLine, String yyyymm) {
    return payer
        + "|"
        + (serviceLine == null || serviceLine.isBlank() ? "OTHER" : serviceLine)
        + "|"
        + segmentName(Dimension.MONTH, yyyymm);
  }

  /** The open findings of {@code q}, by descending priority (then record id). */
  public Worklist worklist(WorklistQuery q) {
    StringBuilder where =
        new StringBuilder(" from classified_finding where record_type is not null and ")
            .append(OPEN);
    List<Object> params = new ArrayList<>();
    params.add(Date.valueOf(q.asOf()));
    params.add(Date.valueOf(q.asOf()));
    filter(where, params, "recovery_pathway", q.pathway());
    filter(where, params, "payer_id", q.payerId());
    filter(where, params, "billing_npi", q.providerNpi());
    filter(where, params, "denial_family", q.family());
    if (q.deadlineWithinDays() > 0) {
      Date from = Date.valueOf(q.asOf());
      Date to = Date.valueOf(q.asOf().plusDays(q.deadlineWithinDays()));
      where.append(
          " and ((appeal_deadline >= ? and appeal_deadline <= ?) or (negotiation_deadline >= ?"
              + " and negotiation_deadline <= ?) or (idr_deadline >= ? and idr_deadline <= ?))");
      for (int i = 0; i < 3; i++) {
        params.add(from);
        params.add(to);
      }
    }
    try (Connection c = dataSource.getConnection()) {
      c.setReadOnly(true);
      long total;
      try (PreparedStatement ps = c.prepareStatement("select count(*)" + where)) {
        bind(ps, params);
        try (ResultSet r = ps.executeQuery()) {
          r.next();
          total = r.getLong(1);
        }
      }
      List<WorklistItem> items = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              ITEM_COLUMNS
                  + where
                  + " order by priority desc, record_id offset ? rows fetch next ? rows only")) {
        int i = bind(ps, params);
        ps.setInt(i++, q.offset());
        ps.setInt(i, q.limit());
        try (ResultSet r = ps.executeQuery()) {
          while (r.next()) {
            items.add(item(r));
          }
        }
      }
      return new Worklist(q, total, items);
    } catch (SQLException e) {
      throw new StoreException("cannot read the worklist", e);
    }
  }

  /**
   * The whole period's figures. The segments of a dimension partition the rows (a row without a
   * value is in {@link #UNKNOWN}), so the total is their sum, without reading the rows again: the
   * findings' figures always, the claims' when the dimension segments claims (else one more query
   * of the claims alone).
   */
  private static Builder total(
      Connection c, Dialect dialect, KpiQuery q, Map<String, Builder> segments)
      throws SQLException {
    if (q.by() == Dimension.TOTAL) {
      return segments.getOrDefault(ALL, new Builder(ALL));
    }
    if (segments.isEmpty()) {
      return figures(c, dialect, q, Dimension.TOTAL).getOrDefault(ALL, new Builder(ALL));
    }
    Builder t = new Builder(ALL);
    for (Builder b : segments.values()) {
      t.addFindings(b);
    }
    if (q.by().claimLevel()) {
      for (Builder b : segments.values()) {
        t.addClaims(b);
      }
    } else {
      Map<String, Builder> claims = new TreeMap<>();
      claims(c, q, Dimension.TOTAL, claims);
      Builder all = claims.get(ALL);
      if (all != null) {
        t.addClaims(all);
      }
    }
    return t;
  }

  private static void filter(StringBuilder where, List<Object> params, String column, String v) {
    if (!v.isEmpty()) {
      where.append(" and ").append(column).append(" = ?");
      params.add(v);
    }
  }

  private static int bind(PreparedStatement ps, List<Object> params) throws SQLException {
    int i = 1;
    for (Object p : params) {
      ps.setObject(i++, p);
    }
    return i;
  }

  private static WorklistItem item(ResultSet r) throws SQLException {
    return new WorklistItem(
        r.getString(1).strip(),
        r.getString(2),
        r.getString(3),
        r.getString(4),
        r.getString(5),
        r.getString(6),
        r.getString(7),
        r.getString(8),
        r.getInt(9),
        r.getString(10),
        r.getString(11),
        r.getString(12),
        r.getString(13),
        r.getString(14),
        r.getString(15),
        SqlValues.money(r.getBigDecimal(16)),
        SqlValues.money(r.getBigDecimal(17)),
        SqlValues.money(r.getBigDecimal(18)),
        SqlValues.money(r.getBigDecimal(19)),
        localDate(r.getDate(20)),
        localDate(r.getDate(21)),
        localDate(r.getDate(22)),
        localDate(r.getDate(23)));
  }

  private static LocalDate localDate(Date d) {
    return d == null ? null : d.toLocalDate();
  }

  private static Map<String, Builder> figures(
      Connection c, Dialect dialect, KpiQuery q, Dimension by) throws SQLException {
    Map<String, Builder> out = new TreeMap<>();
    if (by.claimLevel()) {
      claims(c, q, by, out);
    }
    findings(c, dialect, q, by, out);
    return out;
  }

  private static void claims(Connection c, KpiQuery q, Dimension by, Map<String, Builder> out)
      throws SQLException {
    String seg = claimSegment(by);
    String sql =
        "select "
            + seg
            + " as seg, count(*), coalesce(sum(first_billed), 0),"
            + " sum(case when first_outcome in ('DENIED', 'PARTIALLY_DENIED') then 1 else 0 end),"
            + " coalesce(sum(case when first_outcome in ('DENIED', 'PARTIALLY_DENIED') then"
            + " first_denied_amount else 0 end), 0),"
            + " coalesce(sum(first_lines), 0), coalesce(sum(first_denied_lines), 0),"
            + " sum(case when first_clean then 1 else 0 end)"
            + " from claim_case where first_outcome is not null"
            + period("first_pass_on", q)
            + groupBy(by, seg);
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bindPeriod(ps, 1, q);
      try (ResultSet r = ps.executeQuery()) {
        while (r.next()) {
          Builder b = builder(out, by, r.getString(1));
          b.adjudicated = b.adjudicated.plus(r.getLong(2), r.getBigDecimal(3));
          b.firstDenied = b.firstDenied.plus(r.getLong(4), r.getBigDecimal(5));
          b.lines += r.getLong(6);
          b.deniedLines += r.getLong(7);
          b.clean += r.getLong(8);
          b.hasClaims = true;
        }
      }
    }
  }

  /**
   * The findings' figures of each segment, and their days to resolution, in one pass over the
   * findings: grouped by segment and by the days a resolved denial took (null for any other
   * finding), the counts and dollars of a segment are the sums of its groups.
   */
  private static void findings(
      Connection c, Dialect dialect, KpiQuery q, Dimension by, Map<String, Builder> out)
      throws SQLException {
    String seg = findingSegment(by);
    String denial = "category = 'DENIAL'";
    String worked = denial + " and recovery_pathway <> 'CLOSE_OUT'";
    String overturned = denial + " and overturned_by is not null";
    String closed = denial + " and " + CLOSED;
    String open = denial + " and " + OPEN;
    String soon =
        open
            + " and ((appeal_deadline >= ? and appeal_deadline <= ?)"
            + " or (negotiation_deadline >= ? and negotiation_deadline <= ?)"
            + " or (idr_deadline >= ? and idr_deadline <= ?))";
    String sql =
        "select "
            + seg
            + " as seg, "
            + countSum(denial, "amount")
            + ", "
            + countSum(worked, "amount")
            + ", "
            + countSum(overturned, "recovered_amount")
            + ", "
            + countSum(closed, "amount")
            + ", "
            + countSum(denial + " and preventable", "amount")
            + ", coalesce(sum(case when "
            + worked
            + " then labor_cost else 0 end), 0), "
            + countSum("category = 'UNDERPAYMENT'", "amount")
            + ", "
            + countSum("category = 'RECOUPMENT'", "amount")
            + ", "
            + countSum(open + " and decided_on >= ?", "amount")
            + ", "
            + countSum(open + " and decided_on < ? and decided_on >= ?", "amount")
            + ", "
            + countSum(open + " and decided_on < ? and decided_on >= ?", "amount")
            + ", "
            + countSum(open + " and decided_on < ?", "amount")
            + ", "
            + countSum(soon, "amount")
            + ", "
            + resolvedDays(dialect)
            + " as days, count(*) from classified_finding where record_type is not null"
            + period("decided_on", q)
            + (by == Dimension.TOTAL ? " group by days" : " group by " + seg + ", days");
    LocalDate asOf = q.asOf();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      // closed (count, sum): two days each
      for (int k = 0; k < 4; k++) {
        ps.setDate(i++, Date.valueOf(asOf));
      }
      // aging buckets: each bucket's open condition, then its age bounds, twice (count, sum)
      LocalDate d30 = asOf.minusDays(30);
      LocalDate d60 = asOf.minusDays(60);
      LocalDate d90 = asOf.minusDays(90);
      for (int k = 0; k < 2; k++) {
        ps.setDate(i++, Date.valueOf(asOf));
        ps.setDate(i++, Date.valueOf(asOf));
        ps.setDate(i++, Date.valueOf(d30));
      }
      for (int k = 0; k < 2; k++) {
        ps.setDate(i++, Date.valueOf(asOf));
        ps.setDate(i++, Date.valueOf(asOf));
        ps.setDate(i++, Date.valueOf(d30));
        ps.setDate(i++, Date.valueOf(d60));
      }
      for (int k = 0; k < 2; k++) {
        ps.setDate(i++, Date.valueOf(asOf));
        ps.setDate(i++, Date.valueOf(asOf));
        ps.setDate(i++, Date.valueOf(d60));
        ps.setDate(i++, Date.valueOf(d90));
      }
      for (int k = 0; k < 2; k++) {
        ps.setDate(i++, Date.valueOf(asOf));
        ps.setDate(i++, Date.valueOf(asOf));
        ps.setDate(i++, Date.valueOf(d90));
      }
      LocalDate in14 = asOf.plusDays(14);
      for (int k = 0; k < 2; k++) {
        ps.setDate(i++, Date.valueOf(asOf));
        ps.setDate(i++, Date.valueOf(asOf));
        for (int j = 0; j < 3; j++) {
          ps.setDate(i++, Date.valueOf(asOf));
          ps.setDate(i++, Date.valueOf(in14));
        }
      }
      // resolved days: closed on day asOf
      ps.setDate(i++, Date.valueOf(asOf));
      ps.setDate(i++, Date.valueOf(asOf));
      bindPeriod(ps, i, q);
      try (ResultSet r = ps.executeQuery()) {
        while (r.next()) {
          Builder b = builder(out, by, r.getString(1));
          int col = 2;
          b.denials = b.denials.plus(r.getLong(col++), r.getBigDecimal(col++));
          b.worked = b.worked.plus(r.getLong(col++), r.getBigDecimal(col++));
          b.overturned = b.overturned.plus(r.getLong(col++), r.getBigDecimal(col++));
          b.closed = b.closed.plus(r.getLong(col++), r.getBigDecimal(col++));
          b.preventable = b.preventable.plus(r.getLong(col++), r.getBigDecimal(col++));
          b.labor = b.labor.add(r.getBigDecimal(col++));
          b.underpaid = b.underpaid.plus(r.getLong(col++), r.getBigDecimal(col++));
          b.recouped = b.recouped.plus(r.getLong(col++), r.getBigDecimal(col++));
          b.age30 = b.age30.plus(r.getLong(col++), r.getBigDecimal(col++));
          b.age60 = b.age60.plus(r.getLong(col++), r.getBigDecimal(col++));
          b.age90 = b.age90.plus(r.getLong(col++), r.getBigDecimal(col++));
          b.older = b.older.plus(r.getLong(col++), r.getBigDecimal(col++));
          b.soon = b.soon.plus(r.getLong(col++), r.getBigDecimal(col++));
          int days = r.getInt(col++);
          if (!r.wasNull()) {
            int d = Math.max(0, days);
            for (long n = r.getLong(col); n > 0; n--) {
              b.days.add(d);
            }
          }
        }
      }
    }
  }

  /**
   * The days a denial took to resolve (recovered, or closed out on day {@code ?}), null for a
   * finding that is not a resolved denial: from its payment date to its recovery's payment date, to
   * its passed IDR or appeal deadline, or 0 for a close-out.
   */
  private static String resolvedDays(Dialect dialect) {
    return "case when category = 'DENIAL' and decided_on is not null and ((overturned_by is not"
        + " null and recovered_on is not null) or ("
        + CLOSED
        + ")) then case when overturned_by is not null then "
        + dialect.daysBetween("decided_on", "recovered_on")
        + " when recovery_pathway = 'CLOSE_OUT' then 0 when idr_deadline is not null then "
        + dialect.daysBetween("decided_on", "idr_deadline")
        + " else "
        + dialect.daysBetween("decided_on", "appeal_deadline")
        + " end end";
  }

  /** PostgreSQL refuses a constant in GROUP BY: the total is an aggregate without one. */
  private static String groupBy(Dimension by, String seg) {
    return by == Dimension.TOTAL ? "" : " group by " + seg;
  }

  private static String countSum(String condition, String column) {
    return "sum(case when "
        + condition
        + " then 1 else 0 end), coalesce(sum(case when "
        + condition
        + " then "
        + column
        + " else 0 end), 0)";
  }

  private static String period(String column, KpiQuery q) {
    return (q.from() != null ? " and " + column + " >= ?" : "")
        + (q.to() != null ? " and " + column + " <= ?" : "");
  }

  private static int bindPeriod(PreparedStatement ps, int i, KpiQuery q) throws SQLException {
    if (q.from() != null) {
      ps.setDate(i++, Date.valueOf(q.from()));
    }
    if (q.to() != null) {
      ps.setDate(i++, Date.valueOf(q.to()));
    }
    return i;
  }

  private static String claimSegment(Dimension by) {
    return switch (by) {
      case TOTAL -> "'" + ALL + "'";
      case PAYER -> "payer_id";
      case PROVIDER -> "billing_npi";
      case SERVICE_LINE -> "service_line";
      case MONTH -> month("first_pass_on");
      default -> throw new IllegalArgumentException(by + " has no claim-level figures");
    };
  }

  private static String findingSegment(Dimension by) {
    return switch (by) {
      case TOTAL -> "'" + ALL + "'";
      case PAYER -> "payer_id";
      case PROVIDER -> "billing_npi";
      case SERVICE_LINE -> "service_line";
      case FAMILY -> "denial_family";
      case ROOT_CAUSE -> "root_cause";
      case CARC -> "carc";
      case MONTH -> month("decided_on");
    };
  }

  /** The month of a date column as a number {@code yyyymm} (both databases). */
  private static String month(String column) {
    return "(extract(year from " + column + ") * 100 + extract(month from " + column + "))";
  }

  private static Builder builder(Map<String, Builder> out, Dimension by, String raw) {
    String seg = segmentName(by, raw);
    return out.computeIfAbsent(seg, Builder::new);
  }

  private static String segmentName(Dimension by, String raw) {
    if (raw == null || raw.isBlank()) {
      return UNKNOWN;
    }
    if (by == Dimension.MONTH) {
      String digits = raw.strip();
      int dot = digits.indexOf('.');
      if (dot >= 0) {
        digits = digits.substring(0, dot);
      }
      return digits.length() == 6 ? digits.substring(0, 4) + "-" + digits.substring(4) : digits;
    }
    return raw.strip();
  }

  /** A segment's figures as they are read. */
  private static final class Builder {
    final String segment;
    boolean hasClaims;
    CountAmount adjudicated = CountAmount.NONE;
    CountAmount firstDenied = CountAmount.NONE;
    long lines;
    long deniedLines;
    long clean;
    CountAmount denials = CountAmount.NONE;
    CountAmount worked = CountAmount.NONE;
    CountAmount overturned = CountAmount.NONE;
    CountAmount closed = CountAmount.NONE;
    CountAmount preventable = CountAmount.NONE;
    BigDecimal labor = BigDecimal.ZERO;
    CountAmount underpaid = CountAmount.NONE;
    CountAmount recouped = CountAmount.NONE;
    CountAmount age30 = CountAmount.NONE;
    CountAmount age60 = CountAmount.NONE;
    CountAmount age90 = CountAmount.NONE;
    CountAmount older = CountAmount.NONE;
    CountAmount soon = CountAmount.NONE;
    final List<Integer> days = new ArrayList<>();

    Builder(String segment) {
      this.segment = segment;
    }

    /** Adds the claims' figures of {@code o}. */
    void addClaims(Builder o) {
      adjudicated = adjudicated.plus(o.adjudicated.count(), o.adjudicated.amount());
      firstDenied = firstDenied.plus(o.firstDenied.count(), o.firstDenied.amount());
      lines += o.lines;
      deniedLines += o.deniedLines;
      clean += o.clean;
      hasClaims |= o.hasClaims;
    }

    /** Adds the findings' figures of {@code o}: counts, dollars, days to resolution. */
    void addFindings(Builder o) {
      denials = denials.plus(o.denials.count(), o.denials.amount());
      worked = worked.plus(o.worked.count(), o.worked.amount());
      overturned = overturned.plus(o.overturned.count(), o.overturned.amount());
      closed = closed.plus(o.closed.count(), o.closed.amount());
      preventable = preventable.plus(o.preventable.count(), o.preventable.amount());
      labor = labor.add(o.labor);
      underpaid = underpaid.plus(o.underpaid.count(), o.underpaid.amount());
      recouped = recouped.plus(o.recouped.count(), o.recouped.amount());
      age30 = age30.plus(o.age30.count(), o.age30.amount());
      age60 = age60.plus(o.age60.count(), o.age60.amount());
      age90 = age90.plus(o.age90.count(), o.age90.amount());
      older = older.plus(o.older.count(), o.older.amount());
      soon = soon.plus(o.soon.count(), o.soon.amount());
      days.addAll(o.days);
    }

    SegmentFigures build(boolean claimLevel) {
      ClaimFigures claims =
          claimLevel ? new ClaimFigures(adjudicated, firstDenied, lines, deniedLines, clean) : null;
      return new SegmentFigures(
          segment,
          claims,
          new DenialFigures(denials, worked, overturned, closed, preventable, labor),
          underpaid,
          recouped,
          days,
          new Aging(age30, age60, age90, older, soon));
    }
  }
}
