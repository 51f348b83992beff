package dev.x12gw.domain.remittance;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * 835 MIA (inpatient) or MOA (outpatient) adjudication information.
 *
 * @param inpatient true for MIA, false for MOA
 * @param amounts the monetary and count elements sent, by element position (e.g. MIA04 DRG amount
 *     at 4, MOA02 HCPCS payable amount at 2)
 * @param remarkCodes MIA05/20-23 or MOA03-07 remark codes
 */
public record MedicareAdjudication(
    boolean inpatient, Map<Integer, BigDecimal> amounts, List<String> remarkCodes) {
  public MedicareAdjudication {
    amounts = Map.copyOf(amounts);
    remarkCodes = List.copyOf(remarkCodes);
  }
}
