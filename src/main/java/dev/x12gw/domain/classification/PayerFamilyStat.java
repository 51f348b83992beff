package dev.x12gw.domain.classification;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * 835 loop 1000A payer × denial family × service line: counts and dollars of the classified
 * findings in force (payer intelligence).
 *
 * @param payerId normalised payer id
 * @param family denial family
 * @param serviceLine service line
 * @param category DENIAL, UNDERPAYMENT or RECOUPMENT
 * @param findings findings in force
 * @param amount their amounts at stake
 * @param overturned denials a later payment overturned
 * @param recovered what those payments paid
 * @param expectedRecovery the sum of the findings' expected recovery when classified
 */
public record PayerFamilyStat(
    String payerId,
    DenialFamily family,
    ServiceLine serviceLine,
    String category,
    long findings,
    BigDecimal amount,
    long overturned,
    BigDecimal recovered,
    BigDecimal expectedRecovery) {
  public PayerFamilyStat {
    Objects.requireNonNull(payerId, "payer");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(serviceLine, "service line");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(recovered, "recovered");
    Objects.requireNonNull(expectedRecovery, "expected recovery");
  }
}
