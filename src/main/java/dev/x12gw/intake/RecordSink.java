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
}
