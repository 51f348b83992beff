package dev.x12gw.x12;

import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.RemittanceHeader;
import dev.x12gw.domain.remittance.RemittanceTrailer;
import java.util.List;

/**
 * Receives domain records as binders complete them, streamed: each record arrives as soon as its
 * loop closes, between {@link #beginTransaction} and {@link #endTransaction} of its transaction
 * set. A sink that stores or publishes must make the records of a transaction set that ends
 * rejected disappear (a savepoint, a buffer): that is how a quarantined transaction leaves nothing
 * behind while memory stays bounded by one claim.
 */
public interface BindingSink {
  /** ST: the records that follow belong to this transaction set until its end. */
  default void beginTransaction(Transaction transaction) {}

  /** 837 loop 2300 complete. */
  void claim(SubmittedClaim claim);

  /** 835 loop 2100 complete, with the header of its transaction. */
  void payment(RemittanceHeader remittance, ClaimPayment payment);

  /**
   * 837 loop 2300 complete, with the segments it was read from: the transaction's header, the HL
   * levels above it and its own loop, as received (see {@code SegmentTrail}). A sink that keeps
   * evidence overrides this; the default drops the segments.
   */
  default void claim(SubmittedClaim claim, List<String> segments) {
    claim(claim);
  }

  /**
   * {@link #claim(SubmittedClaim, List)} with each segment's position in the transaction set (ST =
   * 1) and the interchange's delimiters, for a sink that names segments (the scrubber); the default
   * passes the claim and its segments on.
   */
  default void claim(
      SubmittedClaim claim, List<String> segments, int[] positions, Delimiters delimiters) {
    claim(claim, segments);
  }

  /**
   * 835 loop 2100 complete, with the segments it was read from: {@code headerSegments}, the
   * transaction's header (BPR, TRN, REF, DTM, N1 loops; the same list for every payment of the
   * transaction), and {@code segments}, its LX/TS3/TS2 header number and its own loop, as received.
   */
  default void payment(
      RemittanceHeader remittance,
      ClaimPayment payment,
      List<String> headerSegments,
      List<String> segments) {
    payment(remittance, payment);
  }

  /** 835 SE: the transaction-level data (provider summaries, PLB) after the last claim. */
  default void remittanceEnd(RemittanceTrailer trailer) {}

  /**
   * SE (or the end of what could be read): {@code accepted} false means the transaction set is
   * quarantined and everything received since {@link #beginTransaction} must be undone.
   */
  default void endTransaction(boolean accepted) {}
}
