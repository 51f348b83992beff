package dev.x12gw.domain.remittance;

import dev.x12gw.domain.claim.Procedure;
import dev.x12gw.domain.claim.SubmittedLine;
import java.util.Objects;

/**
 * 835 loop 2110 SVC matched to 837 loop 2400: one paid line with the submitted line it answers.
 *
 * @param ordinal 1-based position of the SVC within its CLP
 * @param paid the 835 service line
 * @param submitted the 837 line, or null when none matched
 * @param method how the two were matched
 */
public record LineMatch(
    int ordinal, ServicePayment paid, SubmittedLine submitted, MatchMethod method) {
  public LineMatch {
    if (ordinal < 1) {
      throw new IllegalArgumentException("line ordinal must be positive");
    }
    Objects.requireNonNull(paid, "paid line");
    Objects.requireNonNull(method, "match method");
    if ((submitted == null)
        != (method == MatchMethod.UNMATCHED || method == MatchMethod.NO_CLAIM)) {
      throw new IllegalArgumentException("a matched line needs its submitted line, and only then");
    }
  }

  /** REF*6R of the submitted line, else the one the payer sent, else null. */
  public String lineControlNumber() {
    if (submitted != null && submitted.lineControlNumber() != null) {
      return submitted.lineControlNumber();
    }
    return paid.lineControlNumber();
  }

  /** The procedure as submitted: SVC06 when the payer recoded the line, else SVC01. */
  public Procedure submittedProcedure() {
    if (submitted != null) {
      return submitted.procedure();
    }
    return paid.submittedProcedure() != null ? paid.submittedProcedure() : paid.procedure();
  }

  /**
   * Identity of the service across remittances: the submitted line number when matched, else the
   * procedure as submitted with its service date.
   */
  public String serviceKey() {
    if (submitted != null) {
      return "LX" + submitted.lineNumber();
    }
    return submittedProcedure().code() + "@" + paid.serviceDate();
  }

  /** Units the service was billed for: the 837 line, else SVC07, else SVC05, else one. */
  public java.math.BigDecimal billedUnits() {
    return submitted != null && submitted.units() != null ? submitted.units() : paid.billedUnits();
  }
}
