package dev.x12gw.x12;

import java.util.List;

/**
 * What reading one file produced: how many transaction sets were accepted and quarantined, how many
 * records were bound, and every defect found.
 *
 * @param transactionsAccepted transaction sets whose records were handed on
 * @param transactionsRejected transaction sets quarantined (an ERROR inside them)
 * @param claims 837 claims bound in accepted transactions
 * @param payments 835 claim payments bound in accepted transactions
 * @param problems every defect, in file order
 * @param unreadable true when the file could not be read to its end (no ISA, broken ISA, ...)
 * @param envelopes what was received, envelope by envelope (for acknowledgments)
 */
public record ReadResult(
    int transactionsAccepted,
    int transactionsRejected,
    long claims,
    long payments,
    List<X12Problem> problems,
    boolean unreadable,
    EnvelopeReport envelopes) {
  public ReadResult {
    problems = List.copyOf(problems);
  }

  /** True when anything was quarantined: the whole file, a transaction or a segment. */
  public boolean quarantined() {
    return unreadable
        || transactionsRejected > 0
        || problems.stream().anyMatch(X12Problem::isError);
  }
}
