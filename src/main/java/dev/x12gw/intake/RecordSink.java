package dev.x12gw.intake;

import dev.x12gw.records.OutboundRecord;

/** Where records go: the outbox (gateway) or standard output (offline analysis). */
@FunctionalInterface
public interface RecordSink {
  /**
   * Publishes a record unless one with the same id was published before.
   *
   * @return true when the record is new
   */
  boolean publish(OutboundRecord record);

  /**
   * Publishes the record of a finding of a claim case unless the case had a finding with the same
   * record id before (0: a finding of a whole transaction set). A sink that does not know cases
   * publishes it as any record.
   *
   * @return true when the record is new
   */
  default boolean publishFinding(long caseId, OutboundRecord record) {
    return publish(record);
  }
}
