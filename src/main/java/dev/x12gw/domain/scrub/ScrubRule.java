package dev.x12gw.domain.scrub;

import dev.x12gw.domain.Text;
import java.util.Objects;

/**
 * One scrub rule as configured (a row of {@code config/scrubber/checks.csv} or {@code
 * payer-rules.csv}): what it checks, where, how severe a failure is, the CARC (and RARC) it is
 * expected to prevent, and why, in a biller's words.
 *
 * @param id unique rule id, named in every finding
 * @param kind what it checks
 * @param payerId the payer it applies to (837 loop 2010BB NM109), or {@code *} for every payer
 * @param procedureFrom first procedure code it applies to, or empty for every procedure
 * @param procedureTo last procedure code (same length as {@code procedureFrom}), or empty
 * @param value the kind's parameter (days, a pattern, a qualifier, modifiers, NM101 roles), may be
 *     empty
 * @param carc the claim adjustment reason code a failure would bring
 * @param rarc the remark code the payer would send with it, may be empty
 * @param severity hold or warn
 * @param rationale why, in a biller's words
 */
public record ScrubRule(
    String id,
    RuleKind kind,
    String payerId,
    String procedureFrom,
    String procedureTo,
    String value,
    String carc,
    String rarc,
    Severity severity,
    String rationale) {
  public ScrubRule {
    id = Text.requireText(id, "rule id");
    Objects.requireNonNull(kind, "kind");
    payerId = Text.orEmpty(payerId).isEmpty() ? "*" : payerId.strip();
    procedureFrom = Text.orEmpty(procedureFrom).toUpperCase(java.util.Locale.ROOT);
    procedureTo = Text.orEmpty(procedureTo).toUpperCase(java.util.Locale.ROOT);
    if (procedureTo.isEmpty()) {
      procedureTo = procedureFrom;
    }
    if (procedureFrom.isEmpty() != procedureTo.isEmpty()
        || procedureFrom.length() != procedureTo.length()
        || procedureFrom.compareTo(procedureTo) > 0) {
      throw new IllegalArgumentException(
          "rule "
              + id
              + ": procedure range "
              + procedureFrom
              + "-"
              + procedureTo
              + " must be two codes of one length, the first not after the last");
    }
    value = Text.orEmpty(value);
    carc = Text.requireText(carc, "rule " + id + " CARC");
    rarc = Text.orEmpty(rarc);
    Objects.requireNonNull(severity, "severity");
    rationale = Text.requireText(rationale, "rule " + id + " rationale");
    if (!kind.payerRule() && (!payerId.equals("*") || !procedureFrom.isEmpty())) {
      throw new IllegalArgumentException(
          "rule "
              + id
              + ": "
              + kind
              + " is a built-in check of every claim, without payer or procedures");
    }
    switch (kind) {
      case TIMELY_FILING -> {
        if (!value.matches("[1-9][0-9]{0,3}")) {
          throw new IllegalArgumentException(
              "rule " + id + ": TIMELY_FILING takes the window in days (1-9999): '" + value + "'");
        }
      }
      case MEMBER_ID_PATTERN -> {
        try {
          java.util.regex.Pattern.compile(value);
        } catch (java.util.regex.PatternSyntaxException e) {
          throw new IllegalArgumentException(
              "rule "
                  + id
                  + ": MEMBER_ID_PATTERN takes a regular expression: "
                  + e.getDescription());
        }
        if (value.isEmpty()) {
          throw new IllegalArgumentException("rule " + id + ": MEMBER_ID_PATTERN needs a pattern");
        }
      }
      case MODIFIER_REQUIRED, REFERENCE_REQUIRED, NPI_CHECK_DIGIT -> {
        if (value.isBlank()) {
          throw new IllegalArgumentException("rule " + id + ": " + kind + " needs a value");
        }
      }
      default -> {}
    }
    if ((kind == RuleKind.AUTHORIZATION_REQUIRED || kind == RuleKind.MODIFIER_REQUIRED)
        && procedureFrom.isEmpty()) {
      throw new IllegalArgumentException("rule " + id + ": " + kind + " needs a procedure range");
    }
  }

  /** True when the rule applies to claims of {@code payer}. */
  public boolean appliesToPayer(String payer) {
    return payerId.equals("*") || payerId.equalsIgnoreCase(Text.orEmpty(payer));
  }

  /** True when the rule applies to {@code code} (every code when it names no procedures). */
  public boolean appliesToProcedure(String code) {
    if (procedureFrom.isEmpty()) {
      return true;
    }
    String c = Text.orEmpty(code).toUpperCase(java.util.Locale.ROOT);
    return c.length() == procedureFrom.length()
        && c.compareTo(procedureFrom) >= 0
        && c.compareTo(procedureTo) <= 0;
  }
}
