package dev.x12gw.domain.remittance;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * 835 loop 2000 TS3/TS2: one provider summary figure as sent, named by its element.
 *
 * <p>TS3 (005010X221A1): TS313 total MSP payer amount, TS315 total non-lab charge, TS317 total
 * HCPCS reported charge, TS318 total HCPCS payable, TS320 total professional component, TS321 total
 * MSP patient liability met, TS322 total patient reimbursement, TS323 total PIP claim count, TS324
 * total PIP adjustment. TS2 (institutional supplemental): TS201 total DRG amount, TS202 federal
 * specific, TS203 hospital specific, TS204 disproportionate share, TS205 capital, TS206 indirect
 * medical education, TS207 outlier day count, TS208 day outlier amount, TS209 cost outlier amount,
 * TS210 average DRG length of stay, TS211 discharge count, TS212 cost report day count, TS213
 * covered day count, TS214 noncovered day count, TS215 MSP pass-through amount, TS216 average DRG
 * weight, TS217 PPS capital FSP DRG amount, TS218 PPS capital HSP DRG amount, TS219 PPS DSH DRG
 * amount. Counts, averages and weights are kept at the sender's precision, not as money.
 *
 * @param element the element reference, e.g. {@code TS313} or {@code TS201}
 * @param value the value as sent
 */
public record SummaryFigure(String element, BigDecimal value) {
  private static final Pattern ELEMENT = Pattern.compile("TS[23](0[1-9]|1[0-9]|2[0-4])");

  public SummaryFigure {
    Objects.requireNonNull(element, "summary element");
    if (!ELEMENT.matcher(element).matches()) {
      throw new IllegalArgumentException("not a TS2/TS3 element reference: " + element);
    }
    Objects.requireNonNull(value, "summary figure value");
  }
}
