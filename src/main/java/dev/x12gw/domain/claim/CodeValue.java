package dev.x12gw.domain.claim;

import dev.x12gw.domain.Text;
import java.math.BigDecimal;

/**
 * 837 HI composite: a diagnosis, procedure, condition, occurrence or value code with its qualifier
 * (ABK principal diagnosis, ABF other diagnosis, ABJ admitting, APR reason for visit, BBR/BBQ ICD
 * procedures, BH occurrence, BE value, BG condition, ...).
 *
 * @param qualifier HI0x-1
 * @param code HI0x-2
 * @param amount HI0x-5 (value codes), or null
 */
public record CodeValue(String qualifier, String code, BigDecimal amount) {
  public CodeValue {
    qualifier = Text.requireText(qualifier, "HI code list qualifier");
    code = Text.requireText(code, "HI industry code");
  }
}
