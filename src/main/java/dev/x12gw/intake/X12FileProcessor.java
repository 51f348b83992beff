package dev.x12gw.intake;

import dev.x12gw.domain.ClaimPayment;
import dev.x12gw.domain.ClaimRepository;
import dev.x12gw.domain.DenialDetector;
import dev.x12gw.domain.Reconciler;
import dev.x12gw.domain.RemittanceHeader;
import dev.x12gw.domain.SubmittedClaim;
import dev.x12gw.records.OutboundRecord;
import dev.x12gw.records.RecordFactory;
import dev.x12gw.x12.BindingSink;
import dev.x12gw.x12.ReadResult;
import dev.x12gw.x12.X12Problem;
import dev.x12gw.x12.smooks.SmooksX12Parser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Takes in one X12 file: reads it with Smooks, matches and classifies what it holds against the
 * given store, and publishes findings and defects as records. The gateway and {@code x12gw analyze}
 * both use this one code path; only the store and the record sink differ.
 */
public final class X12FileProcessor {
  private final SmooksX12Parser parser;
  private final RecordFactory records;
  private final DenialDetector detector = new DenialDetector();

  public X12FileProcessor(SmooksX12Parser parser, RecordFactory records) {
    this.parser = parser;
    this.records = records;
  }

  public RecordFactory records() {
    return records;
  }

  /**
   * Processes one file within the caller's unit of work.
   *
   * @param file the file content
   * @param fileName the file name (no path) for records and logs
   * @param sha256 the content's SHA-256 (stable ids of defect records)
   * @param store claims and payments seen so far
   * @param sink where records go
   */
  public FileReport process(
      Path file, String fileName, String sha256, ClaimRepository store, RecordSink sink)
      throws IOException {
    Map<String, Long> published = new HashMap<>();
    RecordSink counting =
        r -> {
          boolean fresh = sink.publish(r);
          if (fresh) {
            published.merge(r.recordType(), 1L, Long::sum);
          }
          return fresh;
        };
    Reconciler reconciler =
        new Reconciler(store, detector, finding -> counting.publish(records.finding(finding)));
    long[] matched = new long[1];
    ReadResult read =
        parser.parse(
            file,
            fileName,
            new BindingSink() {
              @Override
              public void claim(SubmittedClaim claim) {
                matched[0] += reconciler.acceptClaim(claim);
              }

              @Override
              public void payment(RemittanceHeader remittance, ClaimPayment payment) {
                if (reconciler.acceptPayment(remittance, payment)) {
                  matched[0]++;
                }
              }
            });
    for (X12Problem p : read.problems()) {
      OutboundRecord r = records.problem(p, fileName, sha256, read.transactionsAccepted());
      counting.publish(r);
    }
    return new FileReport(fileName, sha256, outcome(read), read, matched[0], published);
  }

  static FileOutcome outcome(ReadResult read) {
    if (!read.quarantined()) {
      return FileOutcome.PROCESSED;
    }
    return read.transactionsAccepted() > 0 ? FileOutcome.PARTIAL : FileOutcome.REJECTED;
  }
}
