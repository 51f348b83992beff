package dev.x12gw.store;

import static dev.x12gw.store.SqlValues.money;

import dev.x12gw.domain.classification.DenialFamily;
import dev.x12gw.domain.classification.PayerFamilyStat;
import dev.x12gw.domain.classification.PayerStats;
import dev.x12gw.domain.classification.ServiceLine;
import dev.x12gw.domain.classification.WorkItem;
import dev.x12gw.domain.finding.DenialOverturned;
import dev.x12gw.domain.remittance.Remittances;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Payer intelligence in H2 ({@code classified_finding}, view {@code payer_intelligence}), written
 * in the caller's transaction so a quarantined transaction set leaves nothing behind.
 */
public final class JdbcPayerStats implements PayerStats {
  private final Connection connection;
  private final Dialect dialect;
  private String lastPublishedId;
  private byte[] lastPublishedBody;

  public JdbcPayerStats(Connection connection) {
    this.connection = connection;
    try {
      this.dialect = Dialect.of(connection);
    } catch (SQLException e) {
      throw new StoreException("cannot read the store's dialect", e);
    }
  }

  @Override
  public Observed observed(
      String payerId, DenialFamily family, String excludedFindingKey, LocalDate decidedBy) {
    try (PreparedStatement s =
        connection.prepareStatement(
            "select count(*), coalesce(sum(case when overturned_by is not null then 1 else 0"
                + " end), 0) from classified_finding where payer_id = ? and denial_family = ?"
                + " and category = 'DENIAL' and finding_key <> ?"
                + (decidedBy == null ? "" : " and decided_on <= ?"))) {
      s.setString(1, payerId);
      s.setString(2, family.name());
      s.setString(3, excludedFindingKey == null ? "" : excludedFindingKey);
      if (decidedBy != null) {
        s.setObject(4, decidedBy);
      }
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return new Observed(r.getLong(1), r.getLong(2));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read payer history", e);
    }
  }

  /**
   * The finding record just queued, packed: when {@link #classified} follows for the same record
   * id, the record is kept with the classified finding (its evidence outlives the outbox body).
   */
  void published(String recordId, byte[] packedBody) {
    lastPublishedId = recordId;
    lastPublishedBody = packedBody;
  }

  @Override
  public void classified(Entry e) {
    try (PreparedStatement s =
        connection.prepareStatement(
            dialect.upsert(
                "classified_finding",
                "finding_key, record_id, payer_id, category, denial_family, service_line, amount,"
                    + " expected_recovery, decided_on, classified_at, record_type, case_id,"
                    + " payer_name, billing_npi, billing_name, claim_ref, payer_claim_number,"
                    + " line_number, procedure_code, driving_code, carc, rule_id, root_cause,"
                    + " preventable, recovery_pathway, labor_cost, priority, appeal_deadline,"
                    + " negotiation_deadline, idr_deadline, record",
                "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?",
                "finding_key"))) {
      s.setString(1, e.findingKey());
      s.setString(2, e.recordId());
      s.setString(3, e.payerId());
      s.setString(4, e.category());
      s.setString(5, e.family().name());
      s.setString(6, e.serviceLine().name());
      s.setBigDecimal(7, e.amount());
      s.setBigDecimal(8, e.expectedRecovery());
      s.setObject(9, e.decidedOn());
      s.setTimestamp(10, Timestamp.from(Instant.now()));
      WorkItem w = e.work();
      if (w == null) {
        for (int i = 11; i <= 30; i++) {
          s.setObject(i, null);
        }
      } else {
        s.setString(11, w.recordType());
        if (w.caseId() == 0) {
          s.setObject(12, null);
        } else {
          s.setLong(12, w.caseId());
        }
        s.setString(13, cut(w.payerName(), 200));
        s.setString(14, cut(w.billingNpi(), 80));
        s.setString(15, cut(w.billingName(), 200));
        s.setString(16, cut(w.claimRef(), 80));
        s.setString(17, cut(w.payerClaimNumber(), 80));
        s.setInt(18, w.lineNumber());
        s.setString(19, cut(w.procedureCode(), 48));
        s.setString(20, cut(w.drivingCode(), 40));
        s.setString(21, cut(w.carc(), 10));
        s.setString(22, cut(w.ruleId(), 200));
        s.setString(23, w.rootCause().name());
        s.setBoolean(24, w.preventable());
        s.setString(25, w.pathway().name());
        s.setBigDecimal(26, w.laborCost());
        s.setBigDecimal(27, w.priority());
        s.setObject(28, w.appealDeadline());
        s.setObject(29, w.negotiationDeadline());
        s.setObject(30, w.idrDeadline());
      }
      s.setBytes(31, e.recordId().equals(lastPublishedId) ? lastPublishedBody : null);
      lastPublishedId = null;
      lastPublishedBody = null;
      s.executeUpdate();
    } catch (SQLException ex) {
      throw new StoreException("cannot store a classified finding", ex);
    }
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  @Override
  public void overturned(DenialOverturned o) {
    try (PreparedStatement s =
        connection.prepareStatement(
            "update classified_finding set overturned_by = ?, recovered_amount = ?,"
                + " recovered_on = ? where record_id = ?")) {
      s.setString(1, o.recordId());
      s.setBigDecimal(2, o.recoveredAmount());
      s.setObject(3, Remittances.adjudicationDate(o.remittance()));
      s.setString(4, o.deniedRecordId());
      s.executeUpdate();
    } catch (SQLException ex) {
      throw new StoreException("cannot record an overturned denial", ex);
    }
  }

  @Override
  public void withdrawn(String recordId) {
    try (PreparedStatement d =
            connection.prepareStatement("delete from classified_finding where record_id = ?");
        PreparedStatement u =
            connection.prepareStatement(
                "update classified_finding set overturned_by = null, recovered_amount = null,"
                    + " recovered_on = null"
                    + " where overturned_by = ?")) {
      d.setString(1, recordId);
      d.executeUpdate();
      u.setString(1, recordId);
      u.executeUpdate();
    } catch (SQLException ex) {
      throw new StoreException("cannot withdraw a classified finding", ex);
    }
  }

  @Override
  public List<PayerFamilyStat> summary() {
    List<PayerFamilyStat> out = new ArrayList<>();
    try (PreparedStatement s =
            connection.prepareStatement(
                "select payer_id, denial_family, service_line, category, findings, amount,"
                    + " overturned, recovered, expected_recovery from payer_intelligence order by "
                    + dialect.byCodePoint("payer_id, denial_family, service_line, category"));
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        out.add(
            new PayerFamilyStat(
                r.getString(1),
                DenialFamily.valueOf(r.getString(2)),
                ServiceLine.valueOf(r.getString(3)),
                r.getString(4),
                r.getLong(5),
                money(r.getBigDecimal(6)),
                r.getLong(7),
                money(r.getBigDecimal(8)),
                money(r.getBigDecimal(9))));
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read payer intelligence", e);
    }
    return out;
  }
}
