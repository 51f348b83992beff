package dev.x12gw.intake;

import dev.x12gw.domain.ClaimPayment;
import dev.x12gw.domain.DenialOverturned;
import dev.x12gw.domain.Finding;
import dev.x12gw.domain.FindingSink;
import dev.x12gw.domain.PaymentResult;
import dev.x12gw.domain.Reconciler;
import dev.x12gw.domain.ReconciliationPolicy;
import dev.x12gw.domain.RemittanceHeader;
import dev.x12gw.domain.RemittanceTrailer;
import dev.x12gw.domain.SubmittedClaim;
import dev.x12gw.domain.Withdrawal;
import dev.x12gw.domain.classification.Classification;
import dev.x12gw.domain.classification.Classifier;
import dev.x12gw.domain.classification.PayerStats;
import dev.x12gw.records.OutboundRecord;
import dev.x12gw.records.RecordFactory;
import dev.x12gw.x12.BindingSink;
import dev.x12gw.x12.ReadResult;
import dev.x12gw.x12.Transaction;
import dev.x12gw.x12.X12Problem;
import dev.x12gw.x12.smooks.SmooksX12Parser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes in one X12 file: reads it with Smooks, matches and classifies what it holds against the
 * given store, and publishes findings and defects as records. The gateway and {@code x12gw analyze}
 * both use this one code path; only the store and the record sink differ.
 */
public final class X12FileProcessor {
  private final SmooksX12Parser parser;
  private final RecordFactory records;
  private final ReconciliationPolicy policy;
  private final Classifier classifier;

  /**
   * @param policy contracts, tolerance and No Surprises Act rules the findings are judged by
   * @param classifier classifies denials, underpayments and recoupments (with the target's payer
   *     history)
   */
  public X12FileProcessor(
      SmooksX12Parser parser,
      RecordFactory records,
      ReconciliationPolicy policy,
      Classifier classifier) {
    this.parser = parser;
    this.records = records;
    this.policy = policy;
    this.classifier = classifier;
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
    List<X12Problem> duplicates = new ArrayList<>();
    Transaction[] current = new Transaction[1];
    boolean[] duplicate = new boolean[1];
    RecordSink records = target.records();
    PayerStats stats = target.stats();
    Reconciler reconciler =
        new Reconciler(
            target.repository(),
            policy,
            new FindingSink() {
              @Override
              public void accept(Finding finding, String supersedes) {
                Classification c = classifier.classify(finding, stats).orElse(null);
                count(X12FileProcessor.this.records.finding(finding, supersedes, c));
                if (c != null) {
                  stats.classified(PayerStats.Entry.of(finding, c));
                }
                if (finding instanceof DenialOverturned o) {
                  stats.overturned(o);
                }
              }

              @Override
              public void withdraw(Withdrawal withdrawal) {
                stats.withdrawn(withdrawal.withdrawnRecordId());
                count(X12FileProcessor.this.records.withdrawal(withdrawal));
              }

              private void count(OutboundRecord r) {
                if (records.publish(r)) {
                  inTransaction.merge(r.recordType(), 1L, Long::sum);
                }
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
                current[0] = transaction;
                duplicate[0] = false;
                target.beginTransaction();
              }

              @Override
              public void claim(SubmittedClaim claim) {
                matched[1] += reconciler.acceptClaim(claim);
              }

              @Override
              public void payment(RemittanceHeader remittance, ClaimPayment payment) {
                PaymentResult result = reconciler.acceptPayment(remittance, payment);
                if (result == PaymentResult.MATCHED) {
                  matched[1]++;
                } else if (result == PaymentResult.DUPLICATE) {
                  duplicate[0] = true;
                }
              }

              @Override
              public void remittanceEnd(RemittanceTrailer trailer) {
                if (!reconciler.acceptRemittanceTrailer(trailer)) {
                  duplicate[0] = true;
                }
              }

              @Override
              public void endTransaction(boolean accepted) {
                if (accepted) {
                  reconciler.endTransaction();
                } else {
                  reconciler.discardTransaction();
                }
                if (accepted && duplicate[0]) {
                  Transaction t = current[0];
                  duplicates.add(
                      new X12Problem(
                          X12Problem.Severity.WARNING,
                          "DUPLICATE_REMITTANCE",
                          "this remittance (same payer, payee, TRN02 trace number, amount and"
                              + " payment date) was taken in before; nothing new is recorded",
                          t.interchangeControlNumber(),
                          t.groupControlNumber(),
                          t.controlNumber(),
                          1,
                          t.fileSegmentPosition(),
                          "ST",
                          0));
                }
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
    List<X12Problem> problems = new ArrayList<>(read.problems());
    problems.addAll(duplicates);
    for (X12Problem p : problems) {
      OutboundRecord r = this.records.problem(p, fileName, sha256, read.transactionsAccepted());
      if (records.publish(r)) {
        published.merge(r.recordType(), 1L, Long::sum);
      }
    }
    if (!duplicates.isEmpty()) {
      read =
          new ReadResult(
              read.transactionsAccepted(),
              read.transactionsRejected(),
              read.claims(),
              read.payments(),
              problems,
              read.unreadable(),
              read.envelopes());
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
