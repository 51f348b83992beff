package dev.x12gw.domain.codes;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * One code of a dated X12 code list, valid on the days {@code start <= d < stop}.
 *
 * @param kind the list the code belongs to
 * @param code the code, trimmed and upper case (e.g. {@code 197}, {@code N877}, {@code CO})
 * @param start the first day the code may be used, or null when unknown (valid since always)
 * @param stop the first day the code may no longer be used, or null when it is still current
 * @param description the list's text for the code ({@code ""} when none)
 * @param source where the entry came from, e.g. {@code x12org-2025-11-01} ({@code ""} when none)
 */
public record CodeEntry(
    CodeKind kind,
    String code,
    LocalDate start,
    LocalDate stop,
    String description,
    String source) {
  public CodeEntry {
    Objects.requireNonNull(kind, "code kind");
    code = normalize(code);
    if (code.isEmpty()) {
      throw new IllegalArgumentException(kind.label() + " code is required");
    }
    if (start != null && stop != null && !stop.isAfter(start)) {
      throw new IllegalArgumentException(
          kind.label() + " " + code + ": stop date " + stop + " is not after start date " + start);
    }
    description = description == null ? "" : description.trim();
    source = source == null ? "" : source.trim();
  }

  /** Whether the code may be used on this day: {@code start <= day < stop}, blank bounds open. */
  public boolean validOn(LocalDate day) {
    Objects.requireNonNull(day, "day");
    return (start == null || !day.isBefore(start)) && (stop == null || day.isBefore(stop));
  }

  /** A code as the lists compare it: trimmed and upper case; {@code ""} for null. */
  static String normalize(String code) {
    return code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
  }
}
