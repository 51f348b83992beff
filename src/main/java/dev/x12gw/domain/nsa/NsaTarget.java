package dev.x12gw.domain.nsa;

import dev.x12gw.domain.Money;
import dev.x12gw.domain.contract.ContractRate;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * 835 loop 2110 SVC of a No Surprises Act claim: what the initial payment (paid + patient cost
 * sharing) should reach.
 *
 * @param basis how the target was set
 * @param percent the percent of billed charges, for {@link NsaPolicy.TargetBasis#PERCENT_OF_BILLED}
 * @param reference the reference-table row (e.g. the QPA), for {@link
 *     NsaPolicy.TargetBasis#REFERENCE_TABLE}, else null
 * @param amount the target allowed amount for the line
 */
public record NsaTarget(
    NsaPolicy.TargetBasis basis, BigDecimal percent, ContractRate reference, BigDecimal amount) {
  public NsaTarget {
    Objects.requireNonNull(basis, "basis");
    amount = Money.normalize(Objects.requireNonNull(amount, "amount"));
    if (basis == NsaPolicy.TargetBasis.REFERENCE_TABLE && reference == null) {
      throw new IllegalArgumentException("a reference-table target needs its row");
    }
  }

  /** In words, e.g. {@code billed charges}, {@code 80% of billed charges}, {@code qpa.csv:4}. */
  public String describe() {
    return switch (basis) {
      case BILLED_CHARGES -> "billed charges";
      case PERCENT_OF_BILLED ->
          percent.stripTrailingZeros().toPlainString() + "% of billed charges";
      case REFERENCE_TABLE -> "reference amount " + reference.source();
    };
  }
}
