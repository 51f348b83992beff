package dev.x12gw.domain.scrub;

import dev.x12gw.domain.claim.SourceRef;
import dev.x12gw.domain.claim.SubmittedClaim;
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
}
