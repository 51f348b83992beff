package dev.x12gw.x12;

import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.RemittanceHeader;
import java.util.List;

/**
 * 837 loop 2300 CLM: a sink of claims with the segments they were read from, their positions in the
 * transaction set and the interchange's delimiters (the scrubber's input); 835 payments are
 * ignored.
 */
@FunctionalInterface
public interface ClaimSegmentsSink extends BindingSink {
  /** One claim with its segments, each segment's position (ST = 1) and the delimiters. */
  void claimWithSegments(
      SubmittedClaim claim, List<String> segments, int[] positions, Delimiters delimiters);

  @Override
  default void claim(
      SubmittedClaim claim, List<String> segments, int[] positions, Delimiters delimiters) {
    claimWithSegments(claim, segments, positions, delimiters);
  }

  @Override
  default void claim(SubmittedClaim claim) {
    throw new IllegalStateException("the 837 binder hands claims over with their segments");
  }

  @Override
  default void payment(RemittanceHeader remittance, ClaimPayment payment) {}
}
