package dev.x12gw.domain.scrub;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * An active rule that should have caught denials it did not: denials with the rule's CARC, of a
 * payer and procedure the rule covers, whose claims went out anyway (the rule was added later, the
 * claim bypassed the scrubber, or the check passed what the payer rejects: a wrong authorization
 * number, a window the payer counts differently).
 *
 * @param rule the rule that missed
 * @param denials how many denials it missed
 * @param deniedDollars their dollars
 * @param exampleClaims up to three patient control numbers (CLM01)
 */
public record RuleMiss(
    ScrubRule rule, long denials, BigDecimal deniedDollars, List<String> exampleClaims) {
  public RuleMiss {
    Objects.requireNonNull(rule, "rule");
    if (denials < 1) {
      throw new IllegalArgumentException("a miss is at least one denial");
    }
    Objects.requireNonNull(deniedDollars, "deniedDollars");
    exampleClaims = List.copyOf(exampleClaims);
  }
}
