package dev.x12gw.domain.classification;

import java.util.Locale;
import java.util.Objects;

/**
 * 837 PRV / SV1 / SV2 / CLM05: one way to recognise a service line — a taxonomy code prefix, a
 * procedure code range, a place of service, a bill type prefix or a revenue code range.
 *
 * @param serviceLine the service line recognised
 * @param match what is compared
 * @param from the prefix or the range's first code
 * @param to the range's last code (inclusive; equal to {@code from} for a single code)
 * @param source file and line it was loaded from
 */
public record ServiceLineRule(
    ServiceLine serviceLine, Match match, String from, String to, String source) {

  /** What a service-line rule compares. */
  public enum Match {
    /** 837 PRV03 provider taxonomy code, by prefix. */
    TAXONOMY,
    /** SV1-01-2 / SV2-02-2 / SVC01-2 procedure code, inclusive range of same-length codes. */
    PROCEDURE,
    /** SV105 / CLM05-1 (837P) place of service, exact. */
    PLACE_OF_SERVICE,
    /** 837I CLM05-1 facility type (first two digits of the bill type), by prefix. */
    BILL_TYPE,
    /** SV201 / SVC04 revenue code, inclusive range. */
    REVENUE_CODE
  }

  public ServiceLineRule {
    Objects.requireNonNull(serviceLine, "service line");
    Objects.requireNonNull(match, "match");
    from = Objects.requireNonNull(from, "from").strip().toUpperCase(Locale.ROOT);
    to = to == null || to.isBlank() ? from : to.strip().toUpperCase(Locale.ROOT);
    if (from.isEmpty()) {
      throw new IllegalArgumentException("empty service-line code");
    }
    if (match == Match.PROCEDURE || match == Match.REVENUE_CODE) {
      if (from.length() != to.length() || from.compareTo(to) > 0) {
        throw new IllegalArgumentException(
            "range " + from + "-" + to + " must have codes of one length, first <= last");
      }
    } else if (!to.equals(from)) {
      throw new IllegalArgumentException(match + " takes one value, not a range");
    }
    source = Objects.requireNonNullElse(source, "");
  }

  /** True when the value (already upper case) matches. */
  public boolean matches(String value) {
    if (value == null || value.isEmpty()) {
      return false;
    }
    return switch (match) {
      case TAXONOMY, BILL_TYPE -> value.startsWith(from);
      case PLACE_OF_SERVICE -> value.equals(from);
      case PROCEDURE, REVENUE_CODE ->
          value.length() == from.length() && value.compareTo(from) >= 0 && value.compareTo(to) <= 0;
    };
  }

  /** In words, e.g. {@code procedure 00100-01999}. */
  public String describe() {
    String what = match.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return what + " " + (to.equals(from) ? from : from + "-" + to);
  }
}
