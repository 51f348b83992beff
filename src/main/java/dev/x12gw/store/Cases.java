package dev.x12gw.store;

import static dev.x12gw.store.SqlValues.money;
import static dev.x12gw.store.SqlValues.setDate;

import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.finding.Finding;
import dev.x12gw.domain.finding.RecordType;
import dev.x12gw.domain.port.ClaimRepository.Published;
import dev.x12gw.domain.reconcile.CaseFile;
import dev.x12gw.domain.reconcile.CaseFile.CaseAdjustment;
import dev.x12gw.domain.reconcile.CaseFile.CaseClaim;
import dev.x12gw.domain.reconcile.CaseFile.CasePayment;
import dev.x12gw.domain.reconcile.ClaimLifecycle;
import dev.x12gw.domain.reconcile.FirstPass;
import dev.x12gw.domain.reconcile.LifecycleEvent;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.ProviderAdjustment;
import dev.x12gw.domain.remittance.RemittanceHeader;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Claim cases in the H2 store: membership by match key (tables {@code claim_case}, {@code
 * case_key}), loading a case back, its findings and its lifecycle.
 */
final class Cases {
  private Cases() {}

  /** The case an item joined; {@code alone} when the case was created for it. */
  record Joined(long caseId, boolean alone) {}

  /**
   * Puts an item with these match keys in a case: a new one, the one it connects to, or the merge
   * of several.
   */
  static Joined join(Connection c, List<String> keys) throws SQLException {
    Dialect dialect = Dialect.of(c);
    boolean shared = dialect == Dialect.POSTGRESQL;
    if (shared) {
      lockKeys(c, keys);
    }
    Set<String> present = new java.util.HashSet<>();
    TreeSet<Long> found = findCases(c, keys, present);
    if (shared) {
      // several gateway nodes share a PostgreSQL store: the cases found are locked before they are
      // read, so a claim and its remittance read at once on two nodes meet in one case, one after
      // the other. A case merged away meanwhile is gone: look again (its keys moved on).
      for (int attempt = 0; !lockCases(c, found); attempt++) {
        if (attempt == 10) {
          throw new SQLException("cases of match keys kept changing while being locked", "40001");
        }
        present.clear();
        found = findCases(c, keys, present);
      }
    }
    long target;
    boolean alone = found.isEmpty();
    if (alone && shared && !keys.isEmpty()) {
      return new Joined(createWithKeys(c, keys), true);
    }
    if (alone) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into claim_case (status, billed_amount, paid_amount, patient_responsibility,"
                  + " recouped_amount, open_denied_amount, recovered_amount, updated_at)"
                  + " values ('SUBMITTED', 0, 0, 0, 0, 0, 0, ?)",
              JdbcClaimRepository.ID)) {
        ps.setTimestamp(1, Timestamp.from(Instant.now()));
        ps.executeUpdate();
        target = JdbcClaimRepository.generatedKey(ps);
      }
    } else {
      target = found.first();
      for (long other : found.tailSet(target, false)) {
        merge(c, other, target);
      }
    }
    // only the keys not stored yet: the others are the target's already, or moved to it by the
    // merges (rewriting them cost a page copy each in H2 for every matched item)
    Set<String> missing = new LinkedHashSet<>(keys);
    missing.removeAll(present);
    if (!missing.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement("insert into case_key (match_key, case_id) values (?,?)")) {
        for (String k : missing) {
          ps.setString(1, k);
          ps.setLong(2, target);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    return new Joined(target, alone);
  }

  /**
   * PostgreSQL: a new case and its match keys in one statement (one round trip to the server), for
   * keys no case has: they are locked ({@link #lockKeys}) and were not found.
   */
  private static long createWithKeys(Connection c, List<String> keys) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "with c as (insert into claim_case (status, billed_amount, paid_amount,"
                + " patient_responsibility, recouped_amount, open_denied_amount, recovered_amount,"
                + " updated_at) values ('SUBMITTED', 0, 0, 0, 0, 0, 0, ?) returning id)"
                + " insert into case_key (match_key, case_id) select k.key, c.id from c,"
                + " unnest(?::text[]) as k(key) returning case_id")) {
      ps.setTimestamp(1, Timestamp.from(Instant.now()));
      java.sql.Array array =
          c.createArrayOf("text", new LinkedHashSet<>(keys).toArray(String[]::new));
      ps.setArray(2, array);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("no case created for " + keys.size() + " match key(s)");
        }
        return rs.getLong(1);
      } finally {
        array.free();
      }
    }
  }

  /** The cases of these keys; the keys stored are added to {@code present}. */
  private static TreeSet<Long> findCases(Connection c, List<String> keys, Set<String> present)
      throws SQLException {
    TreeSet<Long> found = new TreeSet<>();
    if (!keys.isEmpty()) {
      String in = String.join(",", Collections.nCopies(keys.size(), "?"));
      try (PreparedStatement ps =
          c.prepareStatement(
              "select match_key, case_id from case_key where match_key in (" + in + ")")) {
        int i = 1;
        for (String k : keys) {
          ps.setString(i++, k);
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            present.add(rs.getString(1));
            found.add(rs.getLong(2));
          }
        }
      }
    }
    return found;
  }

  /**
   * PostgreSQL: locks the match keys for the rest of the transaction (advisory locks on their
   * 64-bit {@link Outbox#recordKey} hashes, in ascending order), so two transactions that would
   * create or join a case by the same key run one after the other: the second sees the first's case
   * instead of creating another. A lock per key: sets that share no case never wait for each other
   * (buckets of keys were tried: with many files read at once, unrelated sets sharing a bucket
   * deadlocked over and over). A set holds its keys' locks until it commits, so PostgreSQL's lock
   * table ({@code max_locks_per_transaction} × {@code max_connections}) must hold the keys of the
   * sets read at once (README); when it is full, the set fails with SQLSTATE 53200 and its file is
   * retried like an unavailable store.
   */
  private static void lockKeys(Connection c, List<String> keys) throws SQLException {
    TreeSet<Long> hashes = new TreeSet<>();
    for (String k : keys) {
      hashes.add(Outbox.recordKey("case-key:" + k));
    }
    // one round trip: the function scan of unnest yields the array's elements in order, and the
    // aggregate takes each lock as its row comes, so the locks are taken in ascending order
    try (PreparedStatement ps =
        c.prepareStatement(
            "select count(pg_advisory_xact_lock(k)) from unnest(?::bigint[]) as t(k)")) {
      java.sql.Array array = c.createArrayOf("bigint", hashes.toArray(Long[]::new));
      ps.setArray(1, array);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
      } finally {
        array.free();
      }
    }
  }

  /**
   * PostgreSQL: locks the rows of these cases for the rest of the transaction, in ascending id.
   *
   * @return false when one of them no longer exists (merged into another meanwhile)
   */
  private static boolean lockCases(Connection c, Set<Long> ids) throws SQLException {
    if (ids.isEmpty()) {
      return true;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "select count(*) from (select id from claim_case where id = any(?) order by id"
                + " for update) locked")) {
      java.sql.Array array = c.createArrayOf("bigint", ids.toArray(Long[]::new));
      ps.setArray(1, array);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1) == ids.size();
      } finally {
        array.free();
      }
    }
  }

  private static void merge(Connection c, long from, long to) throws SQLException {
    for (String table :
        List.of("case_key", "claim", "claim_payment", "provider_adjustment", "finding")) {
      try (PreparedStatement ps =
          c.prepareStatement("update " + table + " set case_id = ? where case_id = ?")) {
        ps.setLong(1, to);
        ps.setLong(2, from);
        ps.executeUpdate();
      }
    }
    try (PreparedStatement ps = c.prepareStatement("delete from claim_case where id = ?")) {
      ps.setLong(1, from);
      ps.executeUpdate();
    }
  }

  /**
   * Deletes the cases that nothing belongs to (no claim, claim payment, PLB adjustment, finding or
   * match key): a case row is created by the unit of work that puts its first item in it, so such a
   * row can only be the remains of a transaction that never committed.
   *
   * @return how many were deleted
   */
  static int removeOrphans(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "delete from claim_case c where not exists (select 1 from case_key k where k.case_id ="
                + " c.id) and not exists (select 1 from claim k where k.case_id = c.id) and not"
                + " exists (select 1 from claim_payment p where p.case_id = c.id) and not exists"
                + " (select 1 from provider_adjustment a where a.case_id = c.id) and not exists"
                + " (select 1 from finding f where f.case_id = c.id)")) {
      return ps.executeUpdate();
    }
  }

  /** Of these case ids, those that were not merged away. */
  static Set<Long> stillExisting(Connection c, Set<Long> ids) throws SQLException {
    Set<Long> out = new LinkedHashSet<>();
    try (PreparedStatement ps = c.prepareStatement("select 1 from claim_case where id = ?")) {
      for (long id : ids) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            out.add(id);
          }
        }
      }
    }
    return out;
  }

  /** Links the case's payments to the latest claim with their CLP01 (claim_payment.claim_id). */
  static void linkPayments(Connection c, long caseId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update claim_payment p set claim_id = (select max(k.id) from claim k"
                + " where k.case_id = p.case_id"
                + " and k.patient_control_number = p.patient_control_number), matched_at = ?"
                + " where p.case_id = ? and p.claim_id is null and exists (select 1 from claim k"
                + " where k.case_id = p.case_id"
                + " and k.patient_control_number = p.patient_control_number)")) {
      ps.setTimestamp(1, Timestamp.from(Instant.now()));
      ps.setLong(2, caseId);
      ps.executeUpdate();
    }
  }

  static boolean remittanceStored(Connection c, RemittanceHeader r) {
    if (r.traceNumber().isEmpty()) {
      return false;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "select 1 from remittance where payer_id = ? and trace_number = ?"
                + " and payment_amount = ? and payee_npi = ?"
                + " and payment_date is not distinct from ? limit 1")) {
      ps.setString(1, r.payer().id());
      ps.setString(2, r.traceNumber());
      ps.setBigDecimal(3, r.paymentAmount());
      ps.setString(4, r.payee().npi());
      if (r.paymentDate() == null) {
        ps.setNull(5, Types.DATE);
      } else {
        ps.setDate(5, Date.valueOf(r.paymentDate()));
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot look up remittance", e);
    }
  }

  static CaseFile load(Connection c, long caseId) {
    try {
      List<CaseClaim> claims = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement("select id, detail from claim where case_id = ? order by id")) {
        ps.setLong(1, caseId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            claims.add(
                new CaseClaim(
                    rs.getLong(1),
                    DomainJson.read(Documents.unpack(rs.getBytes(2)), SubmittedClaim.class)));
          }
        }
      }
      Map<Long, RemittanceHeader> remits = new HashMap<>();
      List<CasePayment> payments = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "select p.id, p.detail, r.id, r.detail from claim_payment p"
                  + " join remittance r on r.id = p.remittance_id where p.case_id = ?"
                  + " order by p.id")) {
        ps.setLong(1, caseId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            payments.add(
                new CasePayment(
                    rs.getLong(1),
                    remittance(remits, rs.getLong(3), rs.getString(4)),
                    DomainJson.read(Documents.unpack(rs.getBytes(2)), ClaimPayment.class)));
          }
        }
      }
      List<CaseAdjustment> adjustments = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "select a.id, a.provider_id, a.fiscal_period_end, a.reason_code, a.reference,"
                  + " a.amount, r.id, r.detail from provider_adjustment a"
                  + " join remittance r on r.id = a.remittance_id where a.case_id = ?"
                  + " order by a.id")) {
        ps.setLong(1, caseId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            Date d = rs.getDate(3);
            adjustments.add(
                new CaseAdjustment(
                    rs.getLong(1),
                    remittance(remits, rs.getLong(7), rs.getString(8)),
                    new ProviderAdjustment(
                        rs.getString(2),
                        d == null ? null : d.toLocalDate(),
                        rs.getString(4),
                        rs.getString(5),
                        money(rs.getBigDecimal(6)))));
          }
        }
      }
      return new CaseFile(caseId, claims, payments, adjustments);
    } catch (SQLException e) {
      throw new StoreException("cannot read claim case " + caseId, e);
    }
  }

  private static RemittanceHeader remittance(
      Map<Long, RemittanceHeader> cache, long id, String json) {
    return cache.computeIfAbsent(id, k -> DomainJson.read(json, RemittanceHeader.class));
  }

  static Map<String, Published> currentFindings(Connection c, long caseId) {
    Map<String, Published> out = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select finding_key, record_id, record_type from finding where case_id = ?"
                + " and superseded_at is null")) {
      ps.setLong(1, caseId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(
              rs.getString(1), new Published(rs.getString(2), RecordType.valueOf(rs.getString(3))));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("cannot read findings of case " + caseId, e);
    }
  }

  /**
   * Retires the case's findings in force under the withdrawn and the added keys, then puts each
   * added finding in force: the row of the same key and record id revived if the case has one (a
   * finding that comes back as it was), else a new row. A finding key belongs to one case (a merge
   * moves the findings with the rest), so every statement is within the case, through {@code
   * finding_case}; case 0 is the transaction-level findings, stored without a case.
   *
   * @param first the case's first findings (a case this unit of work created, nothing else in it):
   *     inserted without looking for earlier ones
   */
  static void saveFindings(
      Connection c, long caseId, List<Finding> added, Collection<String> withdrawn, boolean first) {
    Timestamp now = Timestamp.from(Instant.now());
    String inCase = caseId == 0 ? "case_id is null" : "case_id = ?";
    try (PreparedStatement retire =
            c.prepareStatement(
                "update finding set superseded_at = ? where "
                    + inCase
                    + " and finding_key = ? and superseded_at is null");
        PreparedStatement revive =
            c.prepareStatement(
                "update finding set record_type = ?, created_at = ?, superseded_at = null where "
                    + inCase
                    + " and finding_key = ? and record_id = ?");
        PreparedStatement insert =
            c.prepareStatement(
                "insert into finding (finding_key, record_id, case_id, record_type, created_at)"
                    + " values (?,?,?,?,?)")) {
      if (!first) {
        for (String key : withdrawn) {
          addRetire(retire, now, caseId, key);
        }
        for (Finding f : added) {
          addRetire(retire, now, caseId, f.findingKey());
        }
        retire.executeBatch();
      }
      for (Finding f : added) {
        if (!first && revive(revive, now, caseId, f)) {
          continue;
        }
        insert.setString(1, f.findingKey());
        insert.setString(2, f.recordId());
        if (caseId == 0) {
          insert.setNull(3, Types.BIGINT);
        } else {
          insert.setLong(3, caseId);
        }
        insert.setString(4, f.type().name());
        insert.setTimestamp(5, now);
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException e) {
      throw new StoreException("cannot store findings", e);
    }
  }

  /** Puts the case's row of this finding key and record id back in force, if it has one. */
  private static boolean revive(PreparedStatement revive, Timestamp now, long caseId, Finding f)
      throws SQLException {
    int i = 1;
    revive.setString(i++, f.type().name());
    revive.setTimestamp(i++, now);
    if (caseId != 0) {
      revive.setLong(i++, caseId);
    }
    revive.setString(i++, f.findingKey());
    revive.setString(i, f.recordId());
    return revive.executeUpdate() > 0;
  }

  private static void addRetire(PreparedStatement retire, Timestamp now, long caseId, String key)
      throws SQLException {
    int i = 1;
    retire.setTimestamp(i++, now);
    if (caseId != 0) {
      retire.setLong(i++, caseId);
    }
    retire.setString(i, key);
    retire.addBatch();
  }

  static void saveLifecycle(Connection c, long caseId, ClaimLifecycle l) {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update claim_case set status = ?, billed_amount = ?, paid_amount = ?,"
                + " patient_responsibility = ?, recouped_amount = ?, open_denied_amount = ?,"
                + " first_denied_on = ?, recovered_on = ?, recovered_amount = ?, updated_at = ?,"
                + " detail = ?, payer_id = ?, billing_npi = ?, service_line = ?,"
                + " first_pass_on = ?, first_outcome = ?, first_billed = ?,"
                + " first_denied_amount = ?, first_lines = ?, first_denied_lines = ?,"
                + " first_clean = ? where id = ?")) {
      ps.setString(1, l.status().name());
      ps.setBigDecimal(2, l.billedAmount());
      ps.setBigDecimal(3, l.paidAmount());
      ps.setBigDecimal(4, l.patientResponsibility());
      ps.setBigDecimal(5, l.recoupedAmount());
      ps.setBigDecimal(6, l.openDeniedAmount());
      setDate(ps, 7, l.firstDeniedOn());
      setDate(ps, 8, l.recoveredOn());
      ps.setBigDecimal(9, l.recoveredAmount());
      ps.setTimestamp(10, Timestamp.from(Instant.now()));
      ps.setString(11, DomainJson.write(new Lifecycle(l.events())));
      FirstPass f = l.firstPass();
      if (f == null) {
        for (int i = 12; i <= 21; i++) {
          ps.setObject(i, null);
        }
      } else {
        ps.setString(12, f.payerId().length() <= 80 ? f.payerId() : f.payerId().substring(0, 80));
        ps.setString(
            13, f.billingNpi().length() <= 80 ? f.billingNpi() : f.billingNpi().substring(0, 80));
        ps.setString(14, f.serviceLine());
        setDate(ps, 15, f.date());
        ps.setString(16, f.outcome());
        ps.setBigDecimal(17, f.billed());
        ps.setBigDecimal(18, f.deniedAmount());
        ps.setInt(19, f.lines());
        ps.setInt(20, f.deniedLines());
        ps.setBoolean(21, f.clean());
      }
      ps.setLong(22, caseId);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot store the lifecycle of case " + caseId, e);
    }
  }

  /** The document in {@code claim_case.detail}: the case's lifecycle events, in order. */
  record Lifecycle(List<LifecycleEvent> events) {
    Lifecycle {
      events = List.copyOf(events);
    }
  }
}
