package dev.x12gw.records;

import java.util.Objects;

/**
 * A record ready to publish: its JSON text and what consumers select on.
 *
 * @param recordId stable id; also the broker's duplicate-detection key
 * @param recordType e.g. CLAIM_DENIAL, UNMATCHED_REMIT, INTAKE_ERROR
 * @param queue destination queue name
 * @param payerId payer id for the JMS header ("" when unknown)
 * @param json the record, one JSON object
 */
public record OutboundRecord(
    String recordId, String recordType, String queue, String payerId, String json) {
  public OutboundRecord {
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(recordType, "recordType");
    Objects.requireNonNull(queue, "queue");
    payerId = Objects.requireNonNullElse(payerId, "");
    Objects.requireNonNull(json, "json");
  }
}
