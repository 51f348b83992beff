package dev.x12gw.domain.reconcile;

import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.finding.RecordIds;
import dev.x12gw.domain.finding.RecordType;
import dev.x12gw.domain.remittance.LineMatch;
import java.util.ArrayList;
import java.util.List;

/**
 * Record identity of a finding about a matched 835 claim payment: its finding key (what it is
 * about) and its record id (the key and the facts that, when they change, make it a new record).
 */
final class RecordKeys {
  private RecordKeys() {}

  /**
   * Identity of the claim a finding was matched to (part of the record id: matching later changes
   * it).
   */
  static String claimRef(SubmittedClaim c) {
    if (c == null) {
      return "";
    }
    return String.join(
        "/",
        c.source().fileName(),
        c.source().interchangeControlNumber(),
        c.source().transactionControlNumber(),
        c.patientControlNumber(),
        c.frequencyCode());
  }

  /** What a finding is about: its type, the claim payment and the line. */
  static String key(RecordType type, MatchedPayment p, LineMatch m) {
    return RecordIds.of(
        "finding",
        type.name(),
        RecordIds.paymentIdentity(p.remittance(), p.payment()),
        m == null ? "" : "L" + m.ordinal());
  }

  /** Record id: the finding key and the facts that, when they change, make it a new record. */
  static String id(RecordType type, MatchedPayment p, LineMatch m, String... facts) {
    List<String> parts = new ArrayList<>();
    parts.add(type.name());
    parts.add(key(type, p, m));
    parts.addAll(List.of(facts));
    return RecordIds.of(parts.toArray(String[]::new));
  }
}
