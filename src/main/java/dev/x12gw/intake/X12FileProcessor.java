package dev.x12gw.intake;

import dev.x12gw.domain.ClaimPayment;
import dev.x12gw.domain.DenialDetector;
import dev.x12gw.domain.Reconciler;
import dev.x12gw.domain.RemittanceHeader;
import dev.x12gw.domain.RemittanceTrailer;
import dev.x12gw.domain.SubmittedClaim;
import dev.x12gw.records.OutboundRecord;
import dev.x12gw.records.RecordFactory;
import dev.x12gw.x12.BindingSink;
import dev.x12gw.x12.ReadResult;
import dev.x12gw.x12.Transaction;
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
   * @param target store and record sink, with transaction-set boundaries
   */
  public FileReport process(Path file, String fileName, String sha256, IntakeTarget target)
      throws IOException {
    Map<String, Long> published = new HashMap<>();
    Map<String, Long> inTransaction = new HashMap<>();
    long[] matched = new long[2];
    RecordSink records = target.records();
    Reconciler reconciler =
        new Reconciler(
            target.repository(),
            detector,
            finding -> {
              OutboundRecord r = this.records.finding(finding);
              if (records.publish(r)) {
                inTransaction.merge(r.recordType(), 1L, Long::sum);
              }
            });
    ReadResult read =
        parser.parse(
            file,
            fileName,
            new BindingSink() {
              @Override
              public void beginTransaction(Transaction transaction) {
                inTransaction.clear();
                matched[1] = 0;
                target.beginTransaction();
              }

              @Override
              public void claim(SubmittedClaim claim) {
                matched[1] += reconciler.acceptClaim(claim);
              }

              @Override
              public void payment(RemittanceHeader remittance, ClaimPayment payment) {
                if (reconciler.acceptPayment(remittance, payment)) {
                  matched[1]++;
                }
              }

              @Override
              public void remittanceEnd(RemittanceTrailer trailer) {
                reconciler.acceptRemittanceTrailer(trailer);
              }

              @Override
              public void endTransaction(boolean accepted) {
                if (accepted) {
                  target.commitTransaction();
                  inTransaction.forEach((type, n) -> published.merge(type, n, Long::sum));
                  matched[0] += matched[1];
                } else {
                  target.rollbackTransaction();
                }
                inTransaction.clear();
              }
            });
    for (X12Problem p : read.problems()) {
      OutboundRecord r = this.records.problem(p, fileName, sha256, read.transactionsAccepted());
      if (records.publish(r)) {
        published.merge(r.recordType(), 1L, Long::sum);
      }
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
