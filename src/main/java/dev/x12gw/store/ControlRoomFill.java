package dev.x12gw.store;

import dev.x12gw.domain.classification.DenialFamily;
import dev.x12gw.domain.classification.RecoveryPathway;
import dev.x12gw.domain.classification.RootCause;
import dev.x12gw.domain.classification.ServiceLine;
import dev.x12gw.domain.reconcile.LifecycleEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.LongConsumer;

/**
 * Generated control room data for the benchmark ({@code x12gw bench --control-room}): claim cases
 * with their first adjudication and the classified findings of some of them, written with batched
 * inserts into the columns the intake writes ({@code Cases.saveLifecycle}, {@code
 * JdbcPayerStats.classified}), so the control room's queries see them as they see the intake's.
 * Each case has its lifecycle document ({@code detail}: submitted, first adjudicated, recouped,
 * recovered) and its claim's match key ({@code case_key}), as a case the intake made; no claim or
 * payment row is written (the control room reads none).
 *
 * <p>The spread, from a seed: 20 payers (a few large, many small), 6 billing providers, every
 * service line, first adjudications over the 24 months before {@code asOf}. About 70% of the claims
 * are paid clean and have no finding; the others are denied in full (one claim denial), in part
 * (1-3 line denials), underpaid (1-2 underpayments) or paid and later recouped. Denials cover every
 * family, with its CARC, root cause and pathway; worked denials are overturned by a later payment
 * about a third of the time; appeal deadlines are 90, 120 or 180 days by payer, No Surprises Act
 * disputes have negotiation and IDR deadlines: denials of the last months are open, older ones
 * recovered or closed out. Patient and claim identifiers are made up ({@code BENCH...}).
 */
public final class ControlRoomFill {
  private static final int BATCH = 1000;
  private static final int COMMIT_EVERY = 20_000;
  private static final int PAYERS = 20;
  private static final int PROVIDERS = 6;
  private static final int MONTHS = 24;

  private static final DenialFamily[] DENIAL_FAMILIES = {
    DenialFamily.AUTHORIZATION,
    DenialFamily.MEDICAL_NECESSITY,
    DenialFamily.ELIGIBILITY,
    DenialFamily.CODING,
    DenialFamily.BUNDLING,
    DenialFamily.MISSING_INFORMATION,
    DenialFamily.DOCUMENTATION,
    DenialFamily.TIMELY_FILING,
    DenialFamily.DUPLICATE,
    DenialFamily.COORDINATION_OF_BENEFITS,
    DenialFamily.NON_COVERED,
    DenialFamily.CONTRACTUAL,
    DenialFamily.PROVIDER_ENROLLMENT,
    DenialFamily.PATIENT_RESPONSIBILITY
  };

  /** Relative frequency of each of {@link #DENIAL_FAMILIES}. */
  private static final int[] FAMILY_WEIGHTS = {16, 12, 14, 10, 8, 8, 6, 4, 5, 5, 4, 2, 1, 5};

  private static final Map<DenialFamily, String> CARC =
      Map.ofEntries(
          Map.entry(DenialFamily.AUTHORIZATION, "197"),
          Map.entry(DenialFamily.MEDICAL_NECESSITY, "50"),
          Map.entry(DenialFamily.ELIGIBILITY, "27"),
          Map.entry(DenialFamily.CODING, "4"),
          Map.entry(DenialFamily.BUNDLING, "97"),
          Map.entry(DenialFamily.MISSING_INFORMATION, "16"),
          Map.entry(DenialFamily.DOCUMENTATION, "252"),
          Map.entry(DenialFamily.TIMELY_FILING, "29"),
          Map.entry(DenialFamily.DUPLICATE, "18"),
          Map.entry(DenialFamily.COORDINATION_OF_BENEFITS, "22"),
          Map.entry(DenialFamily.NON_COVERED, "96"),
          Map.entry(DenialFamily.CONTRACTUAL, "45"),
          Map.entry(DenialFamily.PROVIDER_ENROLLMENT, "B7"),
          Map.entry(DenialFamily.PATIENT_RESPONSIBILITY, "1"));

  private static final String[][] PROCEDURES = {
    {"A0431", "A0436"}, // air ambulance
    {"00142", "00810", "01402"}, // anesthesia
    {"43239", "45378", "45385"}, // gastroenterology
    {"29881", "27447", "20610"}, // orthopedics
    {"66984", "64483", "G0105"}, // hospital outpatient / ASC
    {"99284", "99285", "99283"}, // emergency
    {"99213", "36415", "80053"} // other
  };

  private static final ServiceLine[] LINES = ServiceLine.values();
  private static final RootCause[] ROOT_CAUSES = RootCause.values();

  /**
   * What was written.
   *
   * @param claims claim cases, each first adjudicated
   * @param firstDenied cases denied in full or in part on first adjudication
   * @param denials classified claim and line denials
   * @param underpayments classified underpayments
   * @param recoupments classified recoupments
   */
  public record Filled(
      long claims, long firstDenied, long denials, long underpayments, long recoupments) {
    public Filled {
      if (claims < 0 || firstDenied < 0 || denials < 0 || underpayments < 0 || recoupments < 0) {
        throw new IllegalArgumentException("counts must not be negative");
      }
      if (firstDenied > claims) {
        throw new IllegalArgumentException("more first denials than claims");
      }
    }

    /** Every classified finding written. */
    public long findings() {
      return denials + underpayments + recoupments;
    }
  }

  private final Database database;
  private final LocalDate asOf;
  private final SplittableRandom random;
  private final String[] payers = new String[PAYERS];
  private final double[] payerShare = new double[PAYERS];
  private final int[] appealDays = new int[PAYERS];

  /**
   * @param database a store with no claim case yet (the ids are the filler's)
   * @param asOf the last first adjudications are the day before
   * @param seed the same seed, the same rows
   */
  public ControlRoomFill(Database database, LocalDate asOf, long seed) {
    this.database = java.util.Objects.requireNonNull(database, "database");
    this.asOf = java.util.Objects.requireNonNull(asOf, "as of");
    this.random = new SplittableRandom(seed);
    double total = 0;
    for (int p = 0; p < PAYERS; p++) {
      payers[p] = String.valueOf(60000 + 1117 * p);
      payerShare[p] = 1 / Math.pow(p + 1, 0.9);
      total += payerShare[p];
      appealDays[p] = new int[] {90, 120, 180}[p % 3];
    }
    double cumulative = 0;
    for (int p = 0; p < PAYERS; p++) {
      cumulative += payerShare[p] / total;
      payerShare[p] = cumulative;
    }
  }

  /**
   * Writes claim cases and their findings until {@code findings} classified findings are stored,
   * then has the database gather statistics on both tables.
   *
   * @param progress told the findings written so far, after each commit
   */
  public Filled fill(long findings, LongConsumer progress) {
    if (findings < 1) {
      throw new IllegalArgumentException("findings must be at least 1: " + findings);
    }
    Counts n = new Counts();
    try (Connection c = database.begin()) {
      Dialect dialect = Dialect.of(c);
      long first = 1;
      try (Statement st = c.createStatement();
          var rs = st.executeQuery("select coalesce(max(id), 0) from claim_case")) {
        rs.next();
        first = rs.getLong(1) + 1;
      }
      try (PreparedStatement cases = c.prepareStatement(CASE_INSERT);
          PreparedStatement keys =
              c.prepareStatement("insert into case_key (match_key, case_id) values (?, ?)");
          PreparedStatement found = c.prepareStatement(FINDING_INSERT)) {
        long id = first;
        int pendingCases = 0;
        int sinceCommit = 0;
        while (n.findings() < findings) {
          List<Row> rows = new ArrayList<>(3);
          ClaimCase k = claimCase(id, findings - n.findings(), rows);
          bindCase(cases, k);
          cases.addBatch();
          // the claim's match key (C|payer|CLM01), as the intake stores it: the case is one a
          // later claim or payment would join, and not an orphan the store check removes
          keys.setString(1, "C|" + payers[k.payer()] + "|" + claimRef(k));
          keys.setLong(2, k.id());
          keys.addBatch();
          for (Row r : rows) {
            bindFinding(found, k, r);
            found.addBatch();
          }
          n.add(k, rows);
          id++;
          if (++pendingCases == BATCH) {
            cases.executeBatch();
            keys.executeBatch();
            found.executeBatch();
            sinceCommit += pendingCases;
            pendingCases = 0;
            if (sinceCommit >= COMMIT_EVERY) {
              c.commit();
              sinceCommit = 0;
              progress.accept(n.findings());
            }
          }
        }
        cases.executeBatch();
        keys.executeBatch();
        found.executeBatch();
        try (Statement st = c.createStatement()) {
          st.execute(
              dialect == Dialect.H2
                  ? "alter table claim_case alter column id restart with " + id
                  : "select setval(pg_get_serial_sequence('claim_case', 'id'), " + (id - 1) + ")");
        }
        c.commit();
        progress.accept(n.findings());
      }
      c.setAutoCommit(true);
      try (Statement st = c.createStatement()) {
        if (dialect == Dialect.H2) {
          st.execute("analyze");
        } else {
          st.execute("analyze claim_case");
          st.execute("analyze classified_finding");
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot fill the store with control room data", e);
    }
    return new Filled(n.claims, n.firstDenied, n.denials, n.underpayments, n.recoupments);
  }

  private static final String CASE_INSERT =
      "insert into claim_case (id, status, billed_amount, paid_amount, patient_responsibility,"
          + " recouped_amount, open_denied_amount, first_denied_on, recovered_on,"
          + " recovered_amount, updated_at, detail, payer_id, billing_npi, service_line,"
          + " first_pass_on, first_outcome, first_billed, first_denied_amount, first_lines,"
          + " first_denied_lines, first_clean) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
          + " ?, ?, ?, ?, ?, ?, ?, ?)";

  private static final String FINDING_INSERT =
      "insert into classified_finding (finding_key, record_id, payer_id, category, denial_family,"
          + " service_line, amount, expected_recovery, overturned_by, recovered_amount,"
          + " decided_on, classified_at, record_type, case_id, payer_name, billing_npi,"
          + " billing_name, claim_ref, payer_claim_number, line_number, procedure_code,"
          + " driving_code, carc, rule_id, root_cause, preventable, recovery_pathway, labor_cost,"
          + " priority, appeal_deadline, negotiation_deadline, idr_deadline, recovered_on)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
          + " ?, ?, ?, ?, ?, ?, ?, ?)";

  /** A claim case as generated. */
  private record ClaimCase(
      long id,
      int payer,
      int provider,
      ServiceLine line,
      LocalDate firstPass,
      String outcome,
      BigDecimal billed,
      BigDecimal denied,
      BigDecimal patientResponsibility,
      int lines,
      int deniedLines,
      boolean clean,
      BigDecimal recouped,
      LocalDate recoveredOn,
      BigDecimal recovered) {}

  /** A classified finding as generated. */
  private record Row(
      String category,
      String recordType,
      DenialFamily family,
      BigDecimal amount,
      BigDecimal expectedRecovery,
      LocalDate decidedOn,
      int lineNumber,
      RecoveryPathway pathway,
      boolean preventable,
      LocalDate appealDeadline,
      LocalDate negotiationDeadline,
      LocalDate idrDeadline,
      LocalDate recoveredOn,
      BigDecimal recovered) {}

  /** Counts of what was generated. */
  private static final class Counts {
    long claims;
    long firstDenied;
    long denials;
    long underpayments;
    long recoupments;

    long findings() {
      return denials + underpayments + recoupments;
    }

    void add(ClaimCase k, List<Row> rows) {
      claims++;
      if (k.outcome().equals("DENIED") || k.outcome().equals("PARTIALLY_DENIED")) {
        firstDenied++;
      }
      for (Row r : rows) {
        switch (r.category()) {
          case "DENIAL" -> denials++;
          case "UNDERPAYMENT" -> underpayments++;
          default -> recoupments++;
        }
      }
    }
  }

  /** A case and, in {@code rows}, at most {@code room} findings of it. */
  private ClaimCase claimCase(long id, long room, List<Row> rows) {
    int payer = payer();
    int provider = random.nextInt(PROVIDERS);
    ServiceLine line = LINES[random.nextInt(LINES.length)];
    LocalDate firstPass = asOf.minusDays(1 + random.nextInt(MONTHS * 365 / 12));
    int lines = 1 + random.nextInt(random.nextInt(10) < 7 ? 3 : 10);
    BigDecimal billed = dollars(80, 4000).multiply(BigDecimal.valueOf(lines));
    BigDecimal pr = random.nextInt(3) == 0 ? dollars(10, 60) : BigDecimal.ZERO.setScale(2);
    double kind = random.nextDouble();
    if (kind < 0.70) {
      return paid(id, payer, provider, line, firstPass, billed, pr, lines, random.nextInt(50) > 0);
    }
    if (kind < 0.79) {
      // denied in full: one claim denial of what was billed less patient responsibility
      BigDecimal denied = billed.subtract(pr);
      Row r = denial("CLAIM_DENIAL", denied, firstPass, 0, payer, line);
      rows.add(r);
      return new ClaimCase(
          id,
          payer,
          provider,
          line,
          firstPass,
          "DENIED",
          billed,
          denied,
          pr,
          lines,
          lines,
          false,
          zero(),
          r.recoveredOn(),
          r.recovered() == null ? zero() : r.recovered());
    }
    if (kind < 0.88) {
      // denied in part: 1-3 line denials
      int denied = (int) Math.min(room, Math.min(lines, 1 + random.nextInt(3)));
      BigDecimal perLine = billed.divide(BigDecimal.valueOf(lines), 2, RoundingMode.DOWN);
      BigDecimal total = zero();
      BigDecimal recovered = zero();
      LocalDate recoveredOn = null;
      for (int i = 1; i <= denied; i++) {
        Row r = denial("LINE_DENIAL", perLine, firstPass, i, payer, line);
        rows.add(r);
        total = total.add(perLine);
        if (r.recovered() != null) {
          recovered = recovered.add(r.recovered());
          recoveredOn = r.recoveredOn();
        }
      }
      return new ClaimCase(
          id,
          payer,
          provider,
          line,
          firstPass,
          "PARTIALLY_DENIED",
          billed,
          total,
          pr,
          lines,
          denied,
          false,
          zero(),
          recoveredOn,
          recovered);
    }
    if (kind < 0.96) {
      // underpaid: 1-2 lines paid below the contract (No Surprises Act for emergencies and air)
      int under = (int) Math.min(room, Math.min(lines, 1 + random.nextInt(2)));
      boolean nsa = line == ServiceLine.EMERGENCY || line == ServiceLine.AIR_AMBULANCE;
      for (int i = 1; i <= under; i++) {
        BigDecimal variance = dollars(5, nsa ? 900 : 300);
        RecoveryPathway p = nsa ? RecoveryPathway.ESCALATE_DISPUTE : RecoveryPathway.APPEAL;
        LocalDate negotiation = nsa ? firstPass.plusDays(30) : null;
        rows.add(
            new Row(
                "UNDERPAYMENT",
                "UNDERPAYMENT",
                DenialFamily.CONTRACTUAL,
                variance,
                variance.multiply(new BigDecimal("0.60")).setScale(2, RoundingMode.HALF_UP),
                firstPass,
                i,
                p,
                false,
                firstPass.plusDays(appealDays[payer]),
                negotiation,
                nsa ? negotiation.plusDays(34) : null,
                null,
                null));
      }
      return new ClaimCase(
          id,
          payer,
          provider,
          line,
          firstPass,
          "UNDERPAID",
          billed,
          zero(),
          pr,
          lines,
          0,
          true,
          zero(),
          null,
          zero());
    }
    // paid, then part of it taken back by a later remittance
    LocalDate later = firstPass.plusDays(20 + random.nextInt(200));
    if (!later.isBefore(asOf)) {
      later = asOf.minusDays(1);
    }
    BigDecimal recouped = dollars(20, 800);
    boolean disputed = random.nextInt(3) == 0;
    rows.add(
        new Row(
            "RECOUPMENT",
            "RECOUPMENT",
            DenialFamily.CONTRACTUAL,
            recouped,
            disputed ? recouped.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP) : zero(),
            later,
            0,
            disputed ? RecoveryPathway.APPEAL : RecoveryPathway.CLOSE_OUT,
            false,
            disputed ? later.plusDays(appealDays[payer]) : null,
            null,
            null,
            null,
            null));
    ClaimCase k = paid(id, payer, provider, line, firstPass, billed, pr, lines, true);
    return new ClaimCase(
        k.id(),
        k.payer(),
        k.provider(),
        k.line(),
        k.firstPass(),
        k.outcome(),
        k.billed(),
        k.denied(),
        k.patientResponsibility(),
        k.lines(),
        k.deniedLines(),
        k.clean(),
        recouped,
        null,
        zero());
  }

  private ClaimCase paid(
      long id,
      int payer,
      int provider,
      ServiceLine line,
      LocalDate firstPass,
      BigDecimal billed,
      BigDecimal pr,
      int lines,
      boolean clean) {
    return new ClaimCase(
        id, payer, provider, line, firstPass, "PAID", billed, zero(), pr, lines, 0, clean, zero(),
        null, zero());
  }

  /** A denial of {@code amount} decided on {@code decided}, worked and perhaps overturned. */
  private Row denial(
      String recordType,
      BigDecimal amount,
      LocalDate decided,
      int lineNumber,
      int payer,
      ServiceLine line) {
    DenialFamily family = family();
    RecoveryPathway pathway =
        switch (family) {
          case NON_COVERED, TIMELY_FILING, PATIENT_RESPONSIBILITY -> RecoveryPathway.CLOSE_OUT;
          case CODING,
              BUNDLING,
              MISSING_INFORMATION,
              ELIGIBILITY,
              COORDINATION_OF_BENEFITS,
              DUPLICATE ->
              RecoveryPathway.CORRECT_AND_RESUBMIT;
          default ->
              (line == ServiceLine.EMERGENCY || line == ServiceLine.AIR_AMBULANCE)
                      && random.nextInt(4) == 0
                  ? RecoveryPathway.ESCALATE_DISPUTE
                  : RecoveryPathway.APPEAL;
        };
    boolean worked = pathway != RecoveryPathway.CLOSE_OUT;
    BigDecimal expected =
        worked
            ? amount
                .multiply(BigDecimal.valueOf(30 + random.nextInt(50), 2))
                .setScale(2, RoundingMode.HALF_UP)
            : zero();
    LocalDate appeal = worked ? decided.plusDays(appealDays[payer]) : null;
    LocalDate negotiation =
        pathway == RecoveryPathway.ESCALATE_DISPUTE ? decided.plusDays(30) : null;
    LocalDate idr = negotiation == null ? null : negotiation.plusDays(34);
    LocalDate recoveredOn = null;
    BigDecimal recovered = null;
    if (worked && random.nextInt(100) < 35) {
      LocalDate on = decided.plusDays(10 + random.nextInt(140));
      if (on.isBefore(asOf)) {
        recoveredOn = on;
        recovered =
            amount
                .multiply(BigDecimal.valueOf(60 + random.nextInt(41), 2))
                .setScale(2, RoundingMode.HALF_UP);
      }
    }
    boolean preventable =
        family != DenialFamily.NON_COVERED
            && family != DenialFamily.CONTRACTUAL
            && random.nextInt(10) < 8;
    return new Row(
        "DENIAL",
        recordType,
        family,
        amount,
        expected,
        decided,
        lineNumber,
        pathway,
        preventable,
        appeal,
        negotiation,
        idr,
        recoveredOn,
        recovered);
  }

  private void bindCase(PreparedStatement ps, ClaimCase k) throws SQLException {
    boolean denied = k.outcome().equals("DENIED") || k.outcome().equals("PARTIALLY_DENIED");
    String status =
        k.recoveredOn() != null
            ? "RECOVERED"
            : switch (k.outcome()) {
              case "PAID" -> "ADJUDICATED";
              default -> k.outcome();
            };
    BigDecimal paid = k.billed().subtract(k.denied()).subtract(k.patientResponsibility());
    int i = 1;
    ps.setLong(i++, k.id());
    ps.setString(i++, status);
    ps.setBigDecimal(i++, k.billed());
    ps.setBigDecimal(i++, paid.max(BigDecimal.ZERO).add(k.recovered()));
    ps.setBigDecimal(i++, k.patientResponsibility());
    ps.setBigDecimal(i++, k.recouped());
    ps.setBigDecimal(i++, k.recoveredOn() != null ? zero() : k.denied());
    SqlValues.setDate(ps, i++, denied ? k.firstPass() : null);
    SqlValues.setDate(ps, i++, k.recoveredOn());
    ps.setBigDecimal(i++, k.recovered());
    ps.setTimestamp(i++, noon(k.recoveredOn() != null ? k.recoveredOn() : k.firstPass()));
    ps.setString(i++, DomainJson.write(new Cases.Lifecycle(events(k))));
    ps.setString(i++, payers[k.payer()]);
    ps.setString(i++, npi(k.provider()));
    ps.setString(i++, k.line().name());
    SqlValues.setDate(ps, i++, k.firstPass());
    ps.setString(i++, k.outcome());
    ps.setBigDecimal(i++, k.billed());
    ps.setBigDecimal(i++, k.denied());
    ps.setInt(i++, k.lines());
    ps.setInt(i++, k.deniedLines());
    ps.setBoolean(i, k.clean());
  }

  /** The case's lifecycle document, as {@code Cases.saveLifecycle} stores it. */
  private static List<LifecycleEvent> events(ClaimCase k) {
    List<LifecycleEvent> events = new ArrayList<>(4);
    String ref = claimRef(k);
    events.add(new LifecycleEvent(k.firstPass().minusDays(21), "SUBMITTED", k.billed(), ref));
    String payerClaim = payerClaimNumber(k);
    BigDecimal paid = k.billed().subtract(k.denied()).subtract(k.patientResponsibility());
    events.add(
        new LifecycleEvent(
            k.firstPass(),
            k.outcome(),
            k.outcome().equals("PAID") || k.outcome().equals("UNDERPAID") ? paid : k.denied(),
            payerClaim));
    if (k.recouped().signum() > 0) {
      events.add(new LifecycleEvent(k.firstPass().plusDays(45), "RECOUPED", k.recouped(), ref));
    }
    if (k.recoveredOn() != null) {
      events.add(new LifecycleEvent(k.recoveredOn(), "RECOVERED", k.recovered(), payerClaim));
    }
    return events;
  }

  private static String payerClaimNumber(ClaimCase k) {
    return String.format("%014d", k.id() * 7919);
  }

  private void bindFinding(PreparedStatement ps, ClaimCase k, Row r) throws SQLException {
    String carc =
        r.category().equals("DENIAL")
            ? CARC.get(r.family())
            : r.category().equals("UNDERPAYMENT") ? "45" : "";
    String group = r.family() == DenialFamily.PATIENT_RESPONSIBILITY ? "PR-" : "CO-";
    BigDecimal labor = labor(r.pathway());
    String[] procedures = PROCEDURES[k.line().ordinal()];
    int i = 1;
    ps.setString(i++, uuid());
    ps.setString(i++, uuid());
    ps.setString(i++, payers[k.payer()]);
    ps.setString(i++, r.category());
    ps.setString(i++, r.family().name());
    ps.setString(i++, k.line().name());
    ps.setBigDecimal(i++, r.amount());
    ps.setBigDecimal(i++, r.expectedRecovery());
    ps.setString(i++, r.recoveredOn() == null ? null : uuid());
    ps.setBigDecimal(i++, r.recovered());
    SqlValues.setDate(ps, i++, r.decidedOn());
    ps.setTimestamp(i++, noon(r.decidedOn()));
    ps.setString(i++, r.recordType());
    ps.setLong(i++, k.id());
    ps.setString(i++, "BENCH PAYER " + (k.payer() + 1));
    ps.setString(i++, npi(k.provider()));
    ps.setString(i++, "BENCH BILLING GROUP " + (k.provider() + 1));
    ps.setString(i++, claimRef(k));
    ps.setString(i++, payerClaimNumber(k));
    ps.setInt(i++, r.lineNumber());
    ps.setString(i++, procedures[(int) ((k.id() + r.lineNumber()) % procedures.length)]);
    ps.setString(
        i++, carc.isEmpty() ? (r.category().equals("RECOUPMENT") ? "PLB WO" : "") : group + carc);
    ps.setString(i++, carc);
    ps.setString(
        i++,
        r.category().toLowerCase(java.util.Locale.ROOT)
            + "-"
            + r.family().name().toLowerCase(java.util.Locale.ROOT));
    ps.setString(i++, rootCause(r.family()).name());
    ps.setBoolean(i++, r.preventable());
    ps.setString(i++, r.pathway().name());
    ps.setBigDecimal(i++, labor);
    ps.setBigDecimal(i++, r.expectedRecovery().subtract(labor));
    SqlValues.setDate(ps, i++, r.appealDeadline());
    SqlValues.setDate(ps, i++, r.negotiationDeadline());
    SqlValues.setDate(ps, i++, r.idrDeadline());
    if (r.recoveredOn() == null) {
      ps.setNull(i, Types.DATE);
    } else {
      SqlValues.setDate(ps, i, r.recoveredOn());
    }
  }

  private RootCause rootCause(DenialFamily f) {
    return switch (f) {
      case ELIGIBILITY, COORDINATION_OF_BENEFITS -> RootCause.FRONT_DESK;
      case AUTHORIZATION, PROVIDER_ENROLLMENT -> RootCause.PRE_SERVICE;
      case MEDICAL_NECESSITY, DOCUMENTATION -> RootCause.CLINICAL_DOCUMENTATION;
      case CODING, BUNDLING -> RootCause.CODING;
      default -> ROOT_CAUSES[ROOT_CAUSES.length - 1];
    };
  }

  private static BigDecimal labor(RecoveryPathway p) {
    return switch (p) {
      case CORRECT_AND_RESUBMIT -> new BigDecimal("25.00");
      case APPEAL -> new BigDecimal("60.00");
      case ESCALATE_DISPUTE -> new BigDecimal("200.00");
      case CLOSE_OUT -> zero();
    };
  }

  private int payer() {
    double x = random.nextDouble();
    for (int p = 0; p < PAYERS; p++) {
      if (x < payerShare[p]) {
        return p;
      }
    }
    return PAYERS - 1;
  }

  private DenialFamily family() {
    int total = 0;
    for (int w : FAMILY_WEIGHTS) {
      total += w;
    }
    int x = random.nextInt(total);
    for (int f = 0; f < FAMILY_WEIGHTS.length; f++) {
      x -= FAMILY_WEIGHTS[f];
      if (x < 0) {
        return DENIAL_FAMILIES[f];
      }
    }
    return DENIAL_FAMILIES[0];
  }

  private BigDecimal dollars(int min, int max) {
    return BigDecimal.valueOf(min * 100L + random.nextInt((max - min) * 100), 2);
  }

  private String uuid() {
    return new UUID(random.nextLong(), random.nextLong()).toString();
  }

  /** CLM01 / CLP01, the patient control number: made up. */
  private static String claimRef(ClaimCase k) {
    return "BENCH" + k.id();
  }

  private static String npi(int provider) {
    return String.valueOf(1_000_000_003L + 7_919L * provider);
  }

  private static Timestamp noon(LocalDate d) {
    return Timestamp.from(d.atTime(12, 0).toInstant(ZoneOffset.UTC));
  }

  private static BigDecimal zero() {
    return BigDecimal.ZERO.setScale(2);
  }

  /** The payer ids the filler writes, largest first. */
  public static List<String> payerIds() {
    List<String> out = new ArrayList<>();
    for (int p = 0; p < PAYERS; p++) {
      out.add(String.valueOf(60000 + 1117 * p));
    }
    return out;
  }
}
