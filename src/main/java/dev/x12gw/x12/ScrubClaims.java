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
    char separator = delimiters.element();
    for (int i = 0; i < segments.size(); i++) {
      String s = segments.get(i);
      List<String> elements = new ArrayList<>(12);
      int start = 0;
      for (int at = s.indexOf(separator); at >= 0; at = s.indexOf(separator, start)) {
        elements.add(s.substring(start, at));
        start = at + 1;
      }
      elements.add(s.substring(start));
      split.add(new ScrubSegment(Math.max(1, positions[i]), elements, delimiters.component()));
    }
    return new ScrubClaim(claim, split);
  }
}
