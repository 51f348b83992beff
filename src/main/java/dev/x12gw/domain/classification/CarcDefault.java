package dev.x12gw.domain.classification;

import java.util.Locale;
import java.util.Objects;

/**
 * 835 CAS CARC: the default classification of a claim adjustment reason code, used when no rule
 * names the combination.
 *
 * @param carc the reason code
 * @param outcome its complete default classification
 * @param source file and line it was loaded from
 */
public record CarcDefault(String carc, RuleOutcome outcome, String source) {
  public CarcDefault {
    carc = Objects.requireNonNull(carc, "carc").strip().toUpperCase(Locale.ROOT);
    if (carc.isEmpty()) {
      throw new IllegalArgumentException("empty CARC");
    }
    Objects.requireNonNull(outcome, "outcome");
    if (!outcome.complete()) {
      throw new IllegalArgumentException("the default of CARC " + carc + " must set every part");
    }
    source = Objects.requireNonNullElse(source, "");
  }
}
