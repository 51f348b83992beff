package dev.x12gw.intake;

import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.classification.Classification;
import dev.x12gw.domain.classification.Classifier;
import dev.x12gw.domain.classification.PayerStats;
import dev.x12gw.domain.finding.DenialOverturned;
import dev.x12gw.domain.finding.Finding;
import dev.x12gw.domain.port.FindingSink;
import dev.x12gw.domain.reconcile.PaymentResult;
import dev.x12gw.domain.reconcile.Reconciler;
import dev.x12gw.domain.reconcile.ReconciliationPolicy;
import dev.x12gw.domain.reconcile.Withdrawal;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.RemittanceHeader;
import dev.x12gw.domain.remittance.RemittanceTrailer;
import dev.x12gw.records.OutboundRecord;
import dev.x12gw.records.RecordFactory;
import dev.x12gw.x12.BindingSink;
import dev.x12gw.x12.ReadResult;
import dev.x12gw.x12.Transaction;
import dev.x12gw.x12.X12Problem;
import dev.x12gw.x12.X12Reader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One file's intake, from the reader's bindings to records: it holds the state of the transaction
 * set being read (is it a re-sent remittance, what it matched and published so far), decides what a
 * quarantined set undoes, and turns each finding into a classified record for the target. Used once
 * per file, inside the caller's unit of work (a database transaction in the gateway).
 */
final class FileIntake implements BindingSink, FindingSink {
  private final String fileName;
  private final String sha256;
  private final IntakeTarget target;
  private final RecordFactory records;
  private final Classifier classifier;
  private final PayerStats stats;
  private final Reconciler reconciler;

  /** Records the file published, by type: counted once their transaction set is kept. */
  private final Map<String, Long> published = new HashMap<>();

  /** Payments (or claims) of the file matched to their counterpart, in kept transaction sets. */
  private long matched;

  /** Re-sent remittances (kept transaction sets that brought nothing new). */
  private final List<X12Problem> duplicates = new ArrayList<>();

  /** The transaction set being read (null between sets). */
  private Transaction transaction;

  /** Records published since the current transaction set began, by type. */
  private final Map<String, Long> publishedInTransaction = new HashMap<>();

  private long matchedInTransaction;
  private boolean duplicateTransaction;

  /** Sets committed by an earlier, interrupted attempt at this file, by ordinal. */
  private final Map<Integer, CommittedSet> committedEarlier;

  /** Ordinal of the current (or last) transaction set in the file. */
  private int ordinal;

  /** The current set was committed by an earlier attempt: read, not stored again. */
  private CommittedSet skipping;

  /** Decides before each claim whether it is taken in; null takes every claim. */
  private final ClaimGate gate;

  FileIntake(
      String fileName,
      String sha256,
      IntakeTarget target,
      RecordFactory records,
      ReconciliationPolicy policy,
      Classifier classifier,
      ClaimGate gate) {
    this.gate = gate;
    this.fileName = fileName;
    this.sha256 = sha256;
    this.target = target;
    this.records = records;
    this.classifier = classifier;
    this.stats = target.stats();
    this.reconciler = new Reconciler(target.repository(), policy, this);
    this.committedEarlier = Map.copyOf(target.committedEarlier());
  }

  /** Reads the file with {@code reader} and publishes its defects: what became of it. */
  FileReport run(X12Reader reader, Path file) throws IOException {
    ReadResult read = reader.parse(file, fileName, this);
    List<X12Problem> problems = new ArrayList<>(read.problems());
    problems.addAll(duplicates);
    for (X12Problem p : problems) {
      publish(records.problem(p, fileName, sha256, read.transactionsAccepted()), published);
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
    return new FileReport(fileName, sha256, outcome(read), read, matched, published);
  }

  static FileOutcome outcome(ReadResult read) {
    if (!read.quarantined()) {
      return FileOutcome.PROCESSED;
    }
    return read.transactionsAccepted() > 0 ? FileOutcome.PARTIAL : FileOutcome.REJECTED;
  }

  // --- BindingSink: what the reader bound -------------------------------------------------

  @Override
  public void beginTransaction(Transaction t) {
    transaction = t;
    publishedInTransaction.clear();
    matchedInTransaction = 0;
    duplicateTransaction = false;
    skipping = committedEarlier.get(++ordinal);
    if (skipping == null) {
      target.beginTransaction();
      if (gate != null) {
        gate.beginTransaction(t);
      }
    }
  }

  @Override
  public void claim(
      SubmittedClaim claim,
      List<String> segments,
      int[] positions,
      dev.x12gw.x12.Delimiters delimiters) {
    if (skipping == null && (gate == null || gate.admit(claim, segments, positions, delimiters))) {
      if (target.keepsServices()) {
        // the gate's scrub computed them (the duplicate check's keys), else computed here
        Map<Integer, String> keys = gate == null ? null : gate.serviceKeys();
        target.nextServices(
            keys != null
                ? keys
                : dev.x12gw.domain.scrub.Scrubber.serviceKeys(
                    dev.x12gw.x12.ScrubClaims.of(claim, segments, positions, delimiters)));
      }
      claim(claim, segments);
    }
  }

  @Override
  public void claim(SubmittedClaim claim, List<String> segments) {
    if (skipping == null) {
      target.nextSegments(List.of(), segments);
      claim(claim);
      target.nextSegments(List.of(), List.of());
    }
  }

  @Override
  public void payment(
      RemittanceHeader remittance,
      ClaimPayment payment,
      List<String> headerSegments,
      List<String> segments) {
    if (skipping == null) {
      target.nextSegments(headerSegments, segments);
      payment(remittance, payment);
      target.nextSegments(List.of(), List.of());
    }
  }

  @Override
  public void claim(SubmittedClaim claim) {
    if (skipping == null) {
      matchedInTransaction += reconciler.acceptClaim(claim);
    }
  }

  @Override
  public void payment(RemittanceHeader remittance, ClaimPayment payment) {
    if (skipping != null) {
      return;
    }
    PaymentResult result = reconciler.acceptPayment(remittance, payment);
    if (result == PaymentResult.MATCHED) {
      matchedInTransaction++;
    } else if (result == PaymentResult.DUPLICATE) {
      duplicateTransaction = true;
    }
  }

  @Override
  public void remittanceEnd(RemittanceTrailer trailer) {
    if (skipping == null && !reconciler.acceptRemittanceTrailer(trailer)) {
      duplicateTransaction = true;
    }
  }

  @Override
  public void endTransaction(boolean accepted) {
    if (skipping == null && gate != null) {
      gate.endTransaction(accepted);
    }
    if (skipping != null) {
      // committed by an earlier attempt: counted as it was, nothing stored or published again
      duplicateTransaction = skipping.duplicate();
      matchedInTransaction = skipping.matched();
      publishedInTransaction.putAll(skipping.records());
      skipping = null;
      accepted = true;
    } else if (accepted) {
      reconciler.endTransaction();
      target.commitTransaction(
          new CommittedSet(
              ordinal, duplicateTransaction, matchedInTransaction, publishedInTransaction));
    }
    if (accepted) {
      if (duplicateTransaction) {
        duplicates.add(duplicateRemittance(transaction));
      }
      publishedInTransaction.forEach((type, n) -> published.merge(type, n, Long::sum));
      matched += matchedInTransaction;
    } else {
      reconciler.discardTransaction();
      target.rollbackTransaction();
    }
    publishedInTransaction.clear();
    transaction = null;
  }

  private static X12Problem duplicateRemittance(Transaction t) {
    return new X12Problem(
        X12Problem.Severity.WARNING,
        "DUPLICATE_REMITTANCE",
        "this remittance (same payer, payee, TRN02 trace number, amount and payment date) was"
            + " taken in before; nothing new is recorded",
        t.interchangeControlNumber(),
        t.groupControlNumber(),
        t.controlNumber(),
        1,
        t.fileSegmentPosition(),
        "ST",
        0);
  }

  // --- FindingSink: what reconciliation found ---------------------------------------------

  @Override
  public void accept(long caseId, Finding finding, String supersedes) {
    Classification c = classifier.classify(finding, stats).orElse(null);
    OutboundRecord r = records.finding(finding, supersedes, c);
    count(r, target.records().publishFinding(caseId, r), publishedInTransaction);
    if (c != null) {
      stats.classified(PayerStats.Entry.of(caseId, finding, c));
    }
    if (finding instanceof DenialOverturned o) {
      stats.overturned(o);
    }
  }

  @Override
  public String serviceLineOf(SubmittedClaim claim, ClaimPayment payment) {
    return classifier.serviceLineOf(payment, claim).name();
  }

  @Override
  public void withdraw(Withdrawal withdrawal) {
    stats.withdrawn(withdrawal.withdrawnRecordId());
    publish(records.withdrawal(withdrawal), publishedInTransaction);
  }

  private void publish(OutboundRecord r, Map<String, Long> counts) {
    count(r, target.records().publish(r), counts);
  }

  private static void count(OutboundRecord r, boolean queued, Map<String, Long> counts) {
    if (queued) {
      counts.merge(r.recordType(), 1L, Long::sum);
    }
  }
}
