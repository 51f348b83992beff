package dev.x12gw.intake;

import dev.x12gw.domain.classification.Classifier;
import dev.x12gw.domain.reconcile.ReconciliationPolicy;
import dev.x12gw.records.RecordFactory;
import dev.x12gw.x12.X12Reader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Takes in one X12 file: reads it (Smooks in the gateway, behind the {@link X12Reader} port),
 * matches and classifies what it holds against the given store, and publishes findings and defects
 * as records. The gateway and {@code x12gw analyze} both use this one code path; only the store and
 * the record sink differ.
 */
public final class X12FileProcessor {
  private final X12Reader reader;
  private final RecordFactory records;
  private final ReconciliationPolicy policy;
  private final Classifier classifier;

  /**
   * @param policy contracts, tolerance and No Surprises Act rules the findings are judged by
   * @param classifier classifies denials, underpayments and recoupments (with the target's payer
   *     history)
   */
  public X12FileProcessor(
      X12Reader reader, RecordFactory records, ReconciliationPolicy policy, Classifier classifier) {
    this.reader = reader;
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
    return process(file, fileName, sha256, target, null);
  }

  /**
   * {@link #process} with {@code gate} deciding before each 837 claim whether it is taken in (the
   * scrubber in the claims' path: one read of the file both scrubs and stores); null takes every
   * claim.
   */
  public FileReport process(
      Path file, String fileName, String sha256, IntakeTarget target, ClaimGate gate)
      throws IOException {
    return new FileIntake(fileName, sha256, target, records, policy, classifier, gate)
        .run(reader, file);
  }
}
