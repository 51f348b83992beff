package dev.x12gw.domain.scrub;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Service lines already submitted (the duplicate check), each by its key: the SHA-256 of payer,
 * patient (the subscriber's member id), day, procedure (with its NDC) and modifiers (in any order),
 * so a stored history holds no member id.
 */
public interface ServiceHistory {
  /**
   * Records the service of {@code key} for {@code claimRef} and says whether the same service was
   * submitted before (an earlier line of this claim or of another).
   */
  boolean seenBefore(String claimRef, String key);

  /** The key of a service. */
  static String key(
      String payerId, String memberId, LocalDate day, String procedure, List<String> modifiers) {
    String text =
        payerId.strip().toUpperCase(Locale.ROOT)
            + "|"
            + memberId.strip().toUpperCase(Locale.ROOT)
            + "|"
            + day
            + "|"
            + procedure
            + "|"
            + (modifiers.size() < 2
                ? String.join(":", modifiers)
                : String.join(":", modifiers.stream().sorted().toList()));
    return Sha256.hex(text);
  }
}
