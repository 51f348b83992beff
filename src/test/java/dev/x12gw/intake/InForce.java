package dev.x12gw.intake;

import dev.x12gw.store.Database;
import dev.x12gw.store.Documents;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What a store ends with whatever the order its files came in: the records in force (published
 * records whose finding was not superseded, without the fields that tell the history of how they
 * came about) and every claim case's lifecycle. Two stores fed the same files in any order, by one
 * process or by several, compare equal.
 */
public record InForce(TreeSet<String> records, List<String> lifecycles) {
  /** The records in force and the lifecycles of {@code db}. */
  public static InForce of(Database db) throws Exception {
    return db.inTransaction(
        c -> {
          TreeSet<String> records = new TreeSet<>();
          List<String> lifecycles = new ArrayList<>();
          try (Statement st = c.createStatement();
              ResultSet rs =
                  st.executeQuery(
                      "select b.body from outbox o join outbox_body b on b.seq = o.seq"
                          + " join finding f on f.record_id = o.record_id"
                          + " where f.superseded_at is null")) {
            while (rs.next()) {
              // the history (supersedes) may differ; and of an 835 sent twice under two
              // envelopes, the copy that came first is the one on record
              records.add(
                  Documents.unpack(rs.getBytes(1))
                      .replaceAll("\"supersedesRecordId\":(null|\"[^\"]*\")", "")
                      .replaceAll("\"(fileName|interchangeControlNumber)\":\"[^\"]*\"", "")
                      // the payer history a finding is valued against is what arrived before it
                      .replaceAll(
                          "\"(overturnRate|overturnRateBasis|observedDenials|observedOverturned"
                              + "|expectedRecovery|priority)\":(\"[^\"]*\"|[0-9.-]+)",
                          ""));
            }
          }
          try (Statement st = c.createStatement();
              ResultSet rs =
                  st.executeQuery(
                      "select k.status, k.billed_amount, k.paid_amount, k.recouped_amount,"
                          + " k.open_denied_amount, k.recovered_amount, k.first_denied_on,"
                          + " k.recovered_on, (select min(patient_control_number) from claim"
                          + " where case_id = k.id) from claim_case k order by 9, 1, 3")) {
            while (rs.next()) {
              StringBuilder sb = new StringBuilder();
              for (int i = 1; i <= 9; i++) {
                sb.append(rs.getString(i)).append('|');
              }
              lifecycles.add(sb.toString());
            }
          }
          lifecycles.sort(null); // by code point, whatever the database's collation
          return new InForce(records, lifecycles);
        });
  }
}
