package dev.x12gw.domain.finding;

import dev.x12gw.domain.Text;

/**
 * Which detection rule produced a finding and why, in words a biller understands.
 *
 * @param ruleId stable rule identifier
 * @param rationale the facts from the remittance that made the rule fire
 */
public record Detection(String ruleId, String rationale) {
  public Detection {
    ruleId = Text.requireText(ruleId, "rule id");
    rationale = Text.requireText(rationale, "rationale");
  }
}
