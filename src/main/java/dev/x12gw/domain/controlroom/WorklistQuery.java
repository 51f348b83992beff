package dev.x12gw.domain.controlroom;

import dev.x12gw.domain.Text;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Which open findings the worklist shows: filters (empty: any), the day deadlines are counted to,
 * and the page.
 *
 * @param asOf the day days-left are counted from; findings whose appeal deadline passed are closed
 * @param pathway a recovery pathway ({@code APPEAL}, ...), or empty
 * @param payerId a payer id, or empty
 * @param providerNpi a billing provider NPI, or empty
 * @param family a denial family, or empty
 * @param deadlineWithinDays only findings with a deadline (appeal, NSA open negotiation, IDR)
 *     within this many days of {@code asOf}; 0 for no such filter
 * @param limit at most this many items (1–1000)
 * @param offset items skipped (paging)
 */
public record WorklistQuery(
    LocalDate asOf,
    String pathway,
    String payerId,
    String providerNpi,
    String family,
    int deadlineWithinDays,
    int limit,
    int offset) {
  public WorklistQuery {
    Objects.requireNonNull(asOf, "as-of date");
    pathway = Text.orEmpty(pathway);
    payerId = Text.orEmpty(payerId);
    providerNpi = Text.orEmpty(providerNpi);
    family = Text.orEmpty(family);
    if (deadlineWithinDays < 0) {
      throw new IllegalArgumentException("deadline window must not be negative");
    }
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be 1 to 1000: " + limit);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative");
    }
  }
}
