package dev.x12gw.domain.scrub;

import java.time.LocalDate;
import java.util.List;

/** Service lines already submitted, by patient, day, procedure and modifiers (duplicate check). */
public interface ServiceHistory {
  /**
   * Records the service and says whether the same one was submitted before (an earlier line of this
   * claim or of another).
   */
  boolean seenBefore(
      String claimRef,
      String payerId,
      String memberId,
      LocalDate day,
      String procedure,
      List<String> modifiers);

  /** A history of what this history has been told, in memory (one run of the offline scrub). */
  static ServiceHistory inMemory() {
    return new ServiceHistory() {
      private final java.util.Map<String, String> firstClaim = new java.util.HashMap<>();

      @Override
      public boolean seenBefore(
          String claimRef,
          String payerId,
          String memberId,
          LocalDate day,
          String procedure,
          List<String> modifiers) {
        List<String> sorted = modifiers.stream().sorted().toList();
        String key = payerId + "|" + memberId + "|" + day + "|" + procedure + "|" + sorted;
        String first = firstClaim.putIfAbsent(key, claimRef);
        return first != null;
      }
    };
  }
}
