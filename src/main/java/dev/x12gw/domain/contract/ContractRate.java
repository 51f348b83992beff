package dev.x12gw.domain.contract;

import dev.x12gw.domain.Money;
import dev.x12gw.domain.Text;
import dev.x12gw.domain.remittance.RemittanceHeader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Payer contract: the allowed amount per unit of one procedure (837 SV1-01 / 835 SVC01-2).
 *
 * <p>The amount the payer should allow for a service line is this rate times the line's units.
 *
 * @param payerId the payer as the 835 identifies it (REF*2U, N1*PR N104 or TRN03), trimmed; it is
 *     matched through {@link RemittanceHeader#payerKey(String)}
 * @param procedureCode the procedure code (CPT/HCPCS, ...), trimmed and upper-cased
 * @param modifier the procedure modifier the rate requires, upper-cased; "" applies to a line with
 *     any modifiers or none
 * @param allowedAmount the contracted allowed amount per unit, never negative
 * @param effectiveFrom the first day the rate applies, or null when it has no start
 * @param effectiveTo the last day the rate applies, or null when it has no end
 * @param source where the rate came from, e.g. {@code acme.csv:3}
 * @param provider the billing providers the rate is for ({@code billing_npi}, {@code billing_tin});
 *     {@link ProviderScope#ANY} (or null) for every provider with this payer
 */
public record ContractRate(
    String payerId,
    String procedureCode,
    String modifier,
    BigDecimal allowedAmount,
    LocalDate effectiveFrom,
    LocalDate effectiveTo,
    String source,
    ProviderScope provider) {
  public ContractRate {
    payerId = Text.requireText(payerId, "contract payer id");
    procedureCode =
        Text.requireText(procedureCode, "contract procedure code").toUpperCase(Locale.ROOT);
    modifier = Text.orEmpty(modifier).toUpperCase(Locale.ROOT);
    Objects.requireNonNull(allowedAmount, "contract allowed amount");
    if (allowedAmount.signum() < 0) {
      throw new IllegalArgumentException(
          "contract allowed amount must not be negative: " + allowedAmount.toPlainString());
    }
    allowedAmount = Money.normalize(allowedAmount);
    if (effectiveFrom != null && effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
      throw new IllegalArgumentException(
          "contract rate ends before it starts: " + effectiveFrom + " to " + effectiveTo);
    }
    source = Text.requireText(source, "contract rate source");
    provider = Objects.requireNonNullElse(provider, ProviderScope.ANY);
  }

  /** The payer id normalised for matching ({@link RemittanceHeader#payerKey(String)}). */
  public String payerKey() {
    return RemittanceHeader.payerKey(payerId);
  }

  /** True when the rate requires no particular modifier. */
  public boolean anyModifier() {
    return modifier.isEmpty();
  }

  /**
   * Whether the rate is in effect on a date of service; both bounds are inclusive.
   *
   * <p>A null (unknown) service date is covered by every rate: a line without DTP*472 still gets
   * the rate, and choosing among several dated rates falls to {@link ContractSchedule}'s order.
   */
  public boolean covers(LocalDate serviceDate) {
    if (serviceDate == null) {
      return true;
    }
    return (effectiveFrom == null || !serviceDate.isBefore(effectiveFrom))
        && (effectiveTo == null || !serviceDate.isAfter(effectiveTo));
  }

  /**
   * Whether the rate applies to a line with these modifiers (SV1-01-3..6 / SVC01-3..6): a rate
   * without a modifier applies to every line; otherwise its modifier must be among the line's,
   * ignoring case. A null list counts as no modifiers.
   */
  public boolean appliesTo(List<String> modifiers) {
    return modifierPosition(modifiers) >= 0;
  }

  /**
   * Where the rate's modifier appears among the line's modifiers: {@link Integer#MAX_VALUE} for a
   * rate without a modifier, -1 when it does not apply.
   */
  int modifierPosition(List<String> modifiers) {
    if (modifier.isEmpty()) {
      return Integer.MAX_VALUE;
    }
    if (modifiers == null) {
      return -1;
    }
    int i = 0;
    for (String m : modifiers) {
      if (m != null && modifier.equalsIgnoreCase(m.trim())) {
        return i;
      }
      i++;
    }
    return -1;
  }

  /** Whether this rate and another are in effect on at least one common day. */
  boolean overlaps(ContractRate other) {
    boolean thisStartsAfterOtherEnds =
        effectiveFrom != null
            && other.effectiveTo != null
            && effectiveFrom.isAfter(other.effectiveTo);
    boolean otherStartsAfterThisEnds =
        other.effectiveFrom != null
            && effectiveTo != null
            && other.effectiveFrom.isAfter(effectiveTo);
    return !thisStartsAfterOtherEnds && !otherStartsAfterThisEnds;
  }

  /** The date range as text: {@code 2026-01-01..2026-12-31}, open ends as {@code *}. */
  String period() {
    return (effectiveFrom == null ? "*" : effectiveFrom.toString())
        + ".."
        + (effectiveTo == null ? "*" : effectiveTo.toString());
  }
}
