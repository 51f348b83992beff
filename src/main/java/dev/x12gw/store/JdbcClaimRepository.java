package dev.x12gw.store;

import static dev.x12gw.store.SqlValues.setDate;

import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.claim.SubmittedLine;
import dev.x12gw.domain.finding.Finding;
import dev.x12gw.domain.port.ClaimRepository;
import dev.x12gw.domain.reconcile.CaseFile;
import dev.x12gw.domain.reconcile.ClaimLifecycle;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.ProviderAdjustment;
import dev.x12gw.domain.remittance.ProviderSummary;
import dev.x12gw.domain.remittance.RemittanceHeader;
import dev.x12gw.domain.remittance.RemittanceTrailer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link ClaimRepository} over the H2 store, bound to one connection (one unit of work): every
 * write joins the caller's transaction.
 */
public final class JdbcClaimRepository implements ClaimRepository {
  private final Connection connection;
  private final long intakeFileId;
  private final Map<RemittanceHeader, Long> remittanceIds = new HashMap<>();

  /**
   * Cases created by this unit of work that no finding was saved for and nothing joined since:
   * their first findings are inserted without looking for earlier ones (there are none).
   */
  private final Set<Long> freshCases = new java.util.HashSet<>();

  /** The file's segment blocks, and the segments of the item about to be saved (evidence). */
  private final SegmentBlocks blocks;

  private List<String> pendingSegments;
  private List<String> pendingHeader;

  /**
   * @param connection the unit of work's connection (auto-commit off)
   * @param intakeFileId the {@code intake_file} row the stored data came from
   */
  public JdbcClaimRepository(Connection connection, long intakeFileId) {
    this.connection = connection;
    this.intakeFileId = intakeFileId;
    this.blocks = new SegmentBlocks(connection, intakeFileId);
  }

  /** Rows written since a savepoint were rolled back: ids cached since then are gone too. */
  void forgetCachedIds() {
    remittanceIds.clear();
    freshCases.clear();
    blocks.discard();
  }

  /** A transaction set was committed: its cases are no longer new to the next one. */
  void setCommitted() {
    freshCases.clear();
  }

  private void placed(Cases.Joined joined) {
    if (joined.alone()) {
      freshCases.add(joined.caseId());
    } else {
      freshCases.remove(joined.caseId()); // joined or merged into: it may hold findings now
    }
  }

  /**
   * The segments the next claim or claim payment saved was read from (kept in the file's {@link
   * SegmentBlocks}, the row naming its place), and for a payment its 835 transaction's header
   * segments (packed with its remittance row when that is stored); empty when not known. Taken by
   * that save, so a claim that is not stored (a duplicate) leaves nothing for the next one: the
   * caller sets them right before handing the item over.
   */
  /** The service keys of the next claim's lines, by line number (null: none computed). */
  private java.util.Map<Integer, String> nextServices;

  /** The service keys of the lines of the next claim stored (the scrubber's duplicate check). */
  void nextServices(java.util.Map<Integer, String> keys) {
    this.nextServices = keys;
  }

  public void nextSegments(List<String> header, List<String> segments) {
    pendingHeader = header == null || header.isEmpty() ? null : header;
    pendingSegments = segments == null || segments.isEmpty() ? null : segments;
  }

  private SegmentBlocks.Place takeSegments() throws SQLException {
    List<String> s = pendingSegments;
    pendingSegments = null;
    return s == null ? null : blocks.add(s);
  }

  private static void setPlace(PreparedStatement ps, int index, SegmentBlocks.Place p)
      throws SQLException {
    if (p == null) {
      ps.setNull(index, Types.INTEGER);
      ps.setNull(index + 1, Types.INTEGER);
    } else {
      ps.setInt(index, p.block());
      ps.setInt(index + 1, p.item());
    }
  }

  /** Writes the open block of segments (a transaction set is about to commit). */
  void flushSegments() {
    try {
      blocks.flush();
    } catch (SQLException e) {
      throw new StoreException("cannot store the segments of claims", e);
    }
  }

  private byte[] takeHeader() {
    List<String> s = pendingHeader;
    pendingHeader = null;
    return s == null ? null : Documents.pack(String.join("\n", s));
  }

  @Override
  public Placement saveClaim(SubmittedClaim c) {
    try {
      Cases.Joined joined = Cases.join(connection, ClaimRepository.caseKeys(c));
      long id;
      try (PreparedStatement ps =
          connection.prepareStatement(
              "insert into claim (intake_file_id, transaction_type, patient_control_number,"
                  + " total_charge, payer_id, payer_key, payer_name, billing_provider_npi,"
                  + " billing_provider_name, facility_code, frequency_code,"
                  + " payer_claim_control_number, prior_authorization, statement_from,"
                  + " interchange_control_number, group_control_number,"
                  + " transaction_control_number, detail, case_id, segment_block, segment_item,"
                  + " created_on) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
              ID)) {
        ps.setLong(1, intakeFileId);
        ps.setString(2, c.transactionType());
        ps.setString(3, c.patientControlNumber());
        ps.setBigDecimal(4, c.totalCharge());
        ps.setString(5, c.payer().id());
        ps.setString(6, RemittanceHeader.payerKey(c.payer().id()));
        ps.setString(7, c.payer().name());
        ps.setString(8, c.billingProvider().npi());
        ps.setString(9, c.billingProvider().name());
        ps.setString(10, c.facilityCode());
        ps.setString(11, c.frequencyCode());
        ps.setString(12, c.payerClaimControlNumber());
        ps.setString(13, c.priorAuthorization());
        setDate(ps, 14, c.statementFrom());
        ps.setString(15, c.source().interchangeControlNumber());
        ps.setString(16, c.source().groupControlNumber());
        ps.setString(17, c.source().transactionControlNumber());
        ps.setBytes(18, Documents.pack(DomainJson.write(c)));
        ps.setLong(19, joined.caseId());
        setPlace(ps, 20, takeSegments());
        setDate(ps, 22, c.batchDate());
        ps.executeUpdate();
        id = generatedKey(ps);
      }
      if (!c.lines().isEmpty()) {
        try (PreparedStatement ps =
            connection.prepareStatement(
                "insert into claim_line (claim_id, line_number, line_control_number,"
                    + " procedure_qualifier, procedure_code, modifiers, charge_amount, units,"
                    + " service_date, service_hash) values (?,?,?,?,?,?,?,?,?,?)")) {
          for (SubmittedLine l : c.lines()) {
            ps.setLong(1, id);
            ps.setInt(2, l.lineNumber());
            ps.setString(3, l.lineControlNumber());
            ps.setString(4, l.procedure().qualifier());
            ps.setString(5, l.procedure().code());
            ps.setString(6, String.join(":", l.procedure().modifiers()));
            ps.setBigDecimal(7, l.chargeAmount());
            ps.setBigDecimal(8, l.units());
            setDate(ps, 9, l.serviceDate());
            String key = nextServices == null ? null : nextServices.get(l.lineNumber());
            if (key == null) {
              ps.setNull(10, java.sql.Types.BIGINT);
            } else {
              ps.setLong(10, dev.x12gw.domain.scrub.ServiceKeySet.prefix(key));
            }
            ps.addBatch();
          }
          ps.executeBatch();
        }
      }
      nextServices = null;
      if (!joined.alone()) {
        Cases.linkPayments(connection, joined.caseId());
      }
      placed(joined);
      return new Placement(joined.caseId(), id, joined.alone());
    } catch (SQLException e) {
      throw new StoreException("cannot store claim", e);
    }
  }

  @Override
  public boolean isDuplicate(RemittanceHeader r) {
    return Cases.remittanceStored(connection, r);
  }

  @Override
  public Placement savePayment(RemittanceHeader remit, ClaimPayment p) {
    try {
      Cases.Joined joined = Cases.join(connection, ClaimRepository.caseKeys(remit, p));
      long remittanceId = remittanceId(remit);
      long id;
      try (PreparedStatement ps =
          connection.prepareStatement(
              "insert into claim_payment (remittance_id, ordinal, patient_control_number,"
                  + " status_code, billed_amount, paid_amount, patient_responsibility_amount,"
                  + " claim_filing_indicator, payer_claim_control_number, facility_code,"
                  + " frequency_code, statement_from, statement_to, claim_id, matched_at, detail,"
                  + " case_id, line_count, segment_block, segment_item)"
                  + " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
              ID)) {
        ps.setLong(1, remittanceId);
        ps.setInt(2, p.ordinal());
        ps.setString(3, p.patientControlNumber());
        ps.setString(4, p.statusCode());
        ps.setBigDecimal(5, p.billedAmount());
        ps.setBigDecimal(6, p.paidAmount());
        ps.setBigDecimal(7, p.patientResponsibilityAmount());
        ps.setString(8, p.claimFilingIndicator());
        ps.setString(9, p.payerClaimControlNumber());
        ps.setString(10, p.facilityCode());
        ps.setString(11, p.frequencyCode());
        setDate(ps, 12, p.statementFrom());
        setDate(ps, 13, p.statementTo());
        ps.setNull(14, Types.BIGINT);
        ps.setNull(15, Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setBytes(16, Documents.pack(DomainJson.write(p)));
        ps.setLong(17, joined.caseId());
        ps.setInt(18, p.lines().size());
        setPlace(ps, 19, takeSegments());
        ps.executeUpdate();
        id = generatedKey(ps);
      }
      if (!joined.alone()) {
        Cases.linkPayments(connection, joined.caseId());
      }
      placed(joined);
      return new Placement(joined.caseId(), id, joined.alone());
    } catch (SQLException e) {
      throw new StoreException("cannot store claim payment", e);
    }
  }

  private long remittanceId(RemittanceHeader r) throws SQLException {
    Long known = remittanceIds.get(r);
    if (known != null) {
      return known;
    }
    long id;
    try (PreparedStatement ps =
        connection.prepareStatement(
            "insert into remittance (intake_file_id, trace_number, payment_date, payment_amount,"
                + " payer_id, payer_name, payee_npi, payee_name, interchange_control_number,"
                + " group_control_number, transaction_control_number, detail, segments)"
                + " values (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            ID)) {
      ps.setLong(1, intakeFileId);
      ps.setString(2, r.traceNumber());
      setDate(ps, 3, r.paymentDate());
      ps.setBigDecimal(4, r.paymentAmount());
      ps.setString(5, r.payer().id());
      ps.setString(6, r.payer().name());
      ps.setString(7, r.payee().npi());
      ps.setString(8, r.payee().name());
      ps.setString(9, r.source().interchangeControlNumber());
      ps.setString(10, r.source().groupControlNumber());
      ps.setString(11, r.source().transactionControlNumber());
      ps.setString(12, DomainJson.write(r));
      ps.setBytes(13, takeHeader());
      ps.executeUpdate();
      id = generatedKey(ps);
    }
    try (PreparedStatement ps =
        connection.prepareStatement(
            "insert into remittance_payer_key (remittance_id, payer_key) values (?,?)")) {
      for (String key : r.payerKeys()) {
        ps.setLong(1, id);
        ps.setString(2, key);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    remittanceIds.put(r, id);
    return id;
  }

  @Override
  public Set<Long> saveRemittanceTrailer(RemittanceTrailer trailer) {
    if (trailer.adjustments().isEmpty() && trailer.summaries().isEmpty()) {
      return Set.of();
    }
    long remittanceId;
    try {
      remittanceId = remittanceId(trailer.remittance());
    } catch (SQLException e) {
      throw new StoreException("cannot store remittance", e);
    }
    saveSummaries(remittanceId, trailer.summaries());
    return saveProviderAdjustments(remittanceId, trailer.remittance(), trailer.adjustments());
  }

  private void saveSummaries(long remittanceId, List<ProviderSummary> summaries) {
    if (summaries.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        connection.prepareStatement(
            "insert into provider_summary (remittance_id, header_number, provider_id,"
                + " facility_code, fiscal_period_end, claim_count, total_charge, detail)"
                + " values (?,?,?,?,?,?,?,?)")) {
      for (ProviderSummary s : summaries) {
        ps.setLong(1, remittanceId);
        ps.setString(2, s.headerNumber());
        ps.setString(3, s.providerId());
        ps.setString(4, s.facilityCode());
        setDate(ps, 5, s.fiscalPeriodEnd());
        ps.setBigDecimal(6, s.claimCount());
        ps.setBigDecimal(7, s.totalCharge());
        ps.setString(8, DomainJson.write(s));
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw new StoreException("cannot store provider summaries", e);
    }
  }

  private Set<Long> saveProviderAdjustments(
      long remittanceId, RemittanceHeader remit, List<ProviderAdjustment> adjustments) {
    if (adjustments.isEmpty()) {
      return Set.of();
    }
    Set<Long> cases = new java.util.LinkedHashSet<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "insert into provider_adjustment (remittance_id, provider_id, fiscal_period_end,"
                + " reason_code, reference, amount, case_id) values (?,?,?,?,?,?,?)")) {
      for (ProviderAdjustment a : adjustments) {
        List<String> keys = ClaimRepository.caseKeys(remit, a);
        if (keys.isEmpty()) {
          ps.setNull(7, Types.BIGINT);
        } else {
          Cases.Joined joined = Cases.join(connection, keys);
          placed(joined);
          long caseId = joined.caseId();
          // an earlier adjustment may have merged the case of an earlier one into another
          cases.add(caseId);
          ps.setLong(7, caseId);
        }
        ps.setLong(1, remittanceId);
        ps.setString(2, a.providerId());
        setDate(ps, 3, a.fiscalPeriodEnd());
        ps.setString(4, a.reason());
        ps.setString(5, a.reference());
        ps.setBigDecimal(6, a.amount());
        ps.addBatch();
      }
      ps.executeBatch();
      return Cases.stillExisting(connection, cases);
    } catch (SQLException e) {
      throw new StoreException("cannot store provider adjustments", e);
    }
  }

  @Override
  public CaseFile loadCase(long caseId) {
    return Cases.load(connection, caseId);
  }

  @Override
  public Map<String, Published> currentFindings(long caseId) {
    return Cases.currentFindings(connection, caseId);
  }

  @Override
  public void saveFindings(long caseId, List<Finding> added, Collection<String> withdrawnKeys) {
    boolean first = freshCases.remove(caseId) && withdrawnKeys.isEmpty();
    Cases.saveFindings(connection, caseId, added, withdrawnKeys, first);
  }

  @Override
  public void saveLifecycle(long caseId, ClaimLifecycle lifecycle) {
    Cases.saveLifecycle(connection, caseId, lifecycle);
  }

  /**
   * The generated key to return from an insert, by name: a driver asked for generated keys without
   * names may return the whole row (PostgreSQL's {@code RETURNING *}, the row's JSON with it).
   */
  static final String[] ID = {"id"};

  static long generatedKey(PreparedStatement ps) throws SQLException {
    try (ResultSet keys = ps.getGeneratedKeys()) {
      if (!keys.next()) {
        throw new SQLException("no generated key");
      }
      return keys.getLong(1);
    }
  }
}
