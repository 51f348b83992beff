package dev.x12gw.domain.scrub;

import dev.x12gw.domain.Text;
import dev.x12gw.domain.claim.SourceRef;
import java.util.Objects;

/**
 * 837 loop 2300 CLM (2400 LX for a line): one defect found before submission, with where it is, the
 * rule that found it and the denial it is expected to prevent.
 *
 * @param source file and control numbers (ISA13, GS06, ST02)
 * @param claimRef CLM01, the patient control number
 * @param lineNumber the service line (LX), 0 for the claim
 * @param segmentPosition the segment's position in the transaction set (ST = 1), 0 when the finding
 *     is about a segment that is missing
 * @param element where in the segment ({@code CLM02}, {@code SV101-2}), or the missing segment
 *     ({@code REF*G1})
 * @param value what was sent there, may be empty
 * @param rule the rule that fired
 * @param message what is wrong, for the biller
 */
public record ScrubFinding(
    SourceRef source,
    String claimRef,
    int lineNumber,
    int segmentPosition,
    String element,
    String value,
    ScrubRule rule,
    String message) {
  public ScrubFinding {
    Objects.requireNonNull(source, "source");
    claimRef = Text.requireText(claimRef, "claim");
    if (lineNumber < 0 || segmentPosition < 0) {
      throw new IllegalArgumentException("line and position are not negative");
    }
    element = Text.requireText(element, "element");
    value = Text.orEmpty(value);
    Objects.requireNonNull(rule, "rule");
    message = Text.requireText(message, "message");
  }

  public Severity severity() {
    return rule.severity();
  }
}
