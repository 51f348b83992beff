package dev.x12gw.store;

import dev.x12gw.domain.scrub.RuleSuggestions;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The store's history as the scrubber learns from it ({@link RuleSuggestions}): the 837 lines and
 * claims submitted per payer, and every denial in force (a claim or line denial of {@code
 * classified_finding}) with its driving CARC, its procedure (a claim denial: every line's of its
 * claim), and the claim's filing delay (the day the gateway received the 837 less the claim's first
 * service day). The payer is the 837's (loop 2010BB NM109), which the scrubber's rules name; a
 * denial of a claim the gateway never saw keeps the 835's.
 */
public final class ScrubFeedbackStore {
  private ScrubFeedbackStore() {}

  private static final String DENIALS =
      "select cf.payer_id, cf.claim_ref, cf.procedure_code, cf.carc, cf.amount, c.id,"
          + " c.payer_id, c.statement_from, f.received_at, c.created_on"
          + " from classified_finding cf"
          + " left join claim c on c.id ="
          + " (select min(c2.id) from claim c2 where c2.case_id = cf.case_id)"
          + " left join intake_file f on f.id = c.intake_file_id"
          + " where cf.category = 'DENIAL'"
          + " and cf.record_type in ('CLAIM_DENIAL', 'LINE_DENIAL')"
          + " and cf.carc is not null and cf.claim_ref is not null";

  /** Feeds the submitted volumes and every denial in force into {@code learning}. */
  public static void feed(Connection c, RuleSuggestions learning) throws SQLException {
    try (Statement s = c.createStatement()) {
      try (ResultSet r =
          s.executeQuery(
              "select c.payer_id, l.procedure_code, count(*) from claim c"
                  + " join claim_line l on l.claim_id = c.id"
                  + " group by c.payer_id, l.procedure_code")) {
        while (r.next()) {
          learning.lines(r.getString(1), r.getString(2), r.getLong(3));
        }
      }
      try (ResultSet r = s.executeQuery("select payer_id, count(*) from claim group by payer_id")) {
        while (r.next()) {
          learning.claims(r.getString(1), r.getLong(2));
        }
      }
    }
    try (PreparedStatement denials = c.prepareStatement(DENIALS);
        PreparedStatement lines =
            c.prepareStatement(
                "select procedure_code from claim_line where claim_id = ? order by line_number")) {
      denials.setFetchSize(1000);
      try (ResultSet r = denials.executeQuery()) {
        while (r.next()) {
          String procedure = r.getString(3);
          long claimId = r.getLong(6);
          boolean claimKnown = !r.wasNull();
          List<String> procedures;
          if (procedure != null && !procedure.isBlank()) {
            procedures = List.of(procedure);
          } else if (claimKnown) {
            procedures = procedures(lines, claimId);
          } else {
            procedures = List.of();
          }
          String payer = claimKnown ? r.getString(7) : r.getString(1);
          BigDecimal amount = r.getBigDecimal(5);
          learning.denied(
              payer,
              r.getString(2),
              procedures,
              Set.of(r.getString(4).strip()),
              amount == null ? BigDecimal.ZERO : SqlValues.money(amount),
              delay(SqlValues.date(r, 8), SqlValues.date(r, 10), r.getTimestamp(9)));
        }
      }
    }
  }

  private static List<String> procedures(PreparedStatement lines, long claimId)
      throws SQLException {
    lines.setLong(1, claimId);
    List<String> out = new ArrayList<>();
    try (ResultSet r = lines.executeQuery()) {
      while (r.next()) {
        out.add(r.getString(1));
      }
    }
    return out;
  }

  private static long delay(LocalDate firstService, LocalDate created, Timestamp received) {
    if (firstService == null || (created == null && received == null)) {
      return -1;
    }
    LocalDate submitted =
        created != null ? created : received.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
    return Math.max(-1, ChronoUnit.DAYS.between(firstService, submitted));
  }
}
