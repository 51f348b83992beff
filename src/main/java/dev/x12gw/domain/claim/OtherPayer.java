package dev.x12gw.domain.claim;

import dev.x12gw.domain.Text;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * 837 loops 2320/2330A/2330B: another payer of the claim (coordination of benefits) and what it
 * already adjudicated.
 *
 * @param responsibility SBR01 (P primary, S secondary, T tertiary, ...)
 * @param relationship SBR02 individual relationship code
 * @param groupNumber SBR03, or ""
 * @param claimFilingIndicator SBR09, or ""
 * @param subscriber 2330A NM1*IL, or null
 * @param payer 2330B NM1*PR, or null
 * @param adjustments claim-level CAS of the other payer (loop 2320)
 * @param amounts AMT by qualifier (D payer paid, EAF remaining patient liability, A8 non-covered)
 * @param adjudicationDate 2330B DTP*573, or null
 */
public record OtherPayer(
    String responsibility,
    String relationship,
    String groupNumber,
    String claimFilingIndicator,
    EntityName subscriber,
    EntityName payer,
    List<Adjustment> adjustments,
    Map<String, BigDecimal> amounts,
    LocalDate adjudicationDate) {
  public OtherPayer {
    responsibility = Text.orEmpty(responsibility);
    relationship = Text.orEmpty(relationship);
    groupNumber = Text.orEmpty(groupNumber);
    claimFilingIndicator = Text.orEmpty(claimFilingIndicator);
    adjustments = List.copyOf(adjustments);
    amounts = Map.copyOf(amounts);
  }
}
