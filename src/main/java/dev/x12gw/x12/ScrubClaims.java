package dev.x12gw.x12;

import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.scrub.ScrubClaim;
import dev.x12gw.domain.scrub.ScrubSegment;
import java.util.ArrayList;
import java.util.List;

/** 837 loop 2300 CLM with its levels: a bound claim and its segments as the scrubber reads them. */
public final class ScrubClaims {
  private ScrubClaims() {}

  /**
   * The claim with its segments (as {@link BindingSink#claim(SubmittedClaim, List, int[],
   * Delimiters)} hands them over) split by the interchange's delimiters.
   */
  public static ScrubClaim of(
      SubmittedClaim claim, List<String> segments, int[] positions, Delimiters delimiters) {
    List<ScrubSegment> split = new ArrayList<>(segments.size());
    for (int i = 0; i < segments.size(); i++) {
      split.add(
          new ScrubSegment(
              Math.max(1, positions[i]),
              segments.get(i),
              delimiters.element(),
              delimiters.component()));
    }
    return new ScrubClaim(claim, split);
  }
}
