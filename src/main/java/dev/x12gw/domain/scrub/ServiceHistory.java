package dev.x12gw.domain.scrub;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
            + String.join(":", modifiers.stream().sorted().toList());
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** A history of what this history has been told, in memory (one run of the offline scrub). */
  static ServiceHistory inMemory() {
    Set<String> seen = new HashSet<>();
    return (claimRef, key) -> !seen.add(key);
  }
}
