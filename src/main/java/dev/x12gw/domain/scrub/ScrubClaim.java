package dev.x12gw.domain.scrub;

import dev.x12gw.domain.claim.SourceRef;
import dev.x12gw.domain.claim.SubmittedClaim;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * 837 loop 2300 CLM with the levels above it: one claim to scrub, as bound (its values) and as read
 * (its segments with their positions: the transaction's header, the billing provider, subscriber
 * and patient levels, then the claim's own loop).
 *
 * @param claim the claim as bound
 * @param segments its segments in file order
 */
public record ScrubClaim(SubmittedClaim claim, List<ScrubSegment> segments) {
  public ScrubClaim {
    Objects.requireNonNull(claim, "claim");
    segments = List.copyOf(segments);
  }

  public SourceRef source() {
    return claim.source();
  }

  /** The first segment with {@code id} whose element {@code n} is {@code value}. */
  public Optional<ScrubSegment> find(String id, int n, String value) {
    for (ScrubSegment s : segments) {
      if (s.id().equals(id) && s.element(n).equals(value)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** The first segment with {@code id}. */
  public Optional<ScrubSegment> first(String id) {
    for (ScrubSegment s : segments) {
      if (s.id().equals(id)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** The claim loop's segments: CLM and what follows it (the last CLM: the claim's own). */
  public List<ScrubSegment> claimLoop() {
    for (int i = segments.size() - 1; i >= 0; i--) {
      if (segments.get(i).id().equals("CLM")) {
        return segments.subList(i, segments.size());
      }
    }
    return List.of();
  }

  /**
   * The segments of service line {@code lineNumber}: the LX whose LX01 is that number and what
   * follows it, else (LX01 not numbered so) the {@code lineNumber}th LX.
   */
  public List<ScrubSegment> line(int lineNumber) {
    List<ScrubSegment> loop = claimLoop();
    int start = -1;
    int nth = 0;
    int byCount = -1;
    for (int i = 0; i < loop.size(); i++) {
      ScrubSegment s = loop.get(i);
      if (s.id().equals("LX")) {
        nth++;
        if (s.element(1).strip().equals(String.valueOf(lineNumber))) {
          start = i;
          break;
        }
        if (nth == lineNumber) {
          byCount = i;
        }
      }
    }
    if (start < 0) {
      start = byCount;
    }
    List<ScrubSegment> out = new ArrayList<>();
    if (start < 0) {
      return out;
    }
    out.add(loop.get(start));
    for (int i = start + 1; i < loop.size() && !loop.get(i).id().equals("LX"); i++) {
      out.add(loop.get(i));
    }
    return out;
  }
}
