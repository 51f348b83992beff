package dev.x12gw.domain.scrub;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A scrub rule learned from denials: a row for {@code config/scrubber/payer-rules.csv} with the
 * evidence it was learned from. An engineer accepts it by moving {@link #rule} into the rule set.
 *
 * @param rule the suggested row (its rationale states the evidence)
 * @param denials denials of the cluster (payer × CARC × procedure; procedure {@code *} for timely
 *     filing)
 * @param volume what they are a share of: lines of the procedure submitted to the payer, or the
 *     payer's claims for timely filing (0 when none was seen)
 * @param rate denials / volume, 1 when the volume is unknown
 * @param deniedDollars the dollars denied
 * @param exampleClaims up to three patient control numbers (CLM01) of denied claims
 */
public record SuggestedRule(
    ScrubRule rule,
    long denials,
    long volume,
    double rate,
    BigDecimal deniedDollars,
    List<String> exampleClaims) {
  public SuggestedRule {
    Objects.requireNonNull(rule, "rule");
    if (denials < 1 || volume < 0 || rate < 0 || rate > 1) {
      throw new IllegalArgumentException("a suggestion has denials and a rate from 0 to 1");
    }
    Objects.requireNonNull(deniedDollars, "deniedDollars");
    exampleClaims = List.copyOf(exampleClaims);
  }

  /** The rule as a row of {@code payer-rules.csv}. */
  public String csvRow() {
    ScrubRule r = rule;
    return String.join(
        ",",
        r.id(),
        r.kind().name(),
        r.payerId(),
        r.procedureFrom(),
        r.procedureTo(),
        r.value(),
        r.carc(),
        r.rarc(),
        r.severity().name(),
        "\"" + r.rationale().replace("\"", "'") + "\"");
  }

  /** The header of {@code payer-rules.csv}. */
  public static String csvHeader() {
    return "rule_id,kind,payer_id,procedure_from,procedure_to,value,carc,rarc,severity,rationale";
  }
}
