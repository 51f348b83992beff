package dev.x12gw.domain.controlroom;

import dev.x12gw.domain.Money;
import dev.x12gw.domain.Text;
import dev.x12gw.domain.classification.DenialFamily;
import dev.x12gw.domain.classification.ServiceLine;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * One month of one payer × denial family × service line × category: how many of the payer's claims
 * of that service line adjudicated in the month had such a finding, out of how many — the input of
 * {@link PayerPatternDetector}.
 *
 * <p><b>Volume belongs to payer × service line × month</b>, not to the family: it is the same
 * number in every cell of that payer, service line and month (the detector rejects cells that
 * disagree). A payer whose claims of a service line had no finding at all in a month still has
 * volume there: the store gives it as a cell with {@code findings} 0 ({@link #volumeOnly}), so that
 * the month counts in the payer's own baseline and the payer counts among the other payers. A payer
 * × service line × month left out is treated as no claims adjudicated: the reference then loses
 * claims without a finding, so its rate can only rise and its volume shrink — a gap hides patterns
 * rather than inventing them (except that under Bonferroni fewer comparisons may be counted).
 *
 * @param payerId normalised payer id (835 loop 1000A)
 * @param family denial family of the findings counted
 * @param serviceLine service line of the claims
 * @param category DENIAL or UNDERPAYMENT
 * @param month the month the claims were adjudicated (835 remittance date)
 * @param findings claims of this payer and service line adjudicated in the month with a finding of
 *     this family and category (a claim is counted once however many lines it has)
 * @param findingDollars the amounts at stake of those findings
 * @param volume claims of this payer and service line adjudicated in the month: the denominator
 * @param volumeDollars their billed amounts
 * @param recordIds the finding records behind {@code findings} (a claim may have more than one);
 *     empty when findings is 0
 */
public record PatternCell(
    String payerId,
    DenialFamily family,
    ServiceLine serviceLine,
    PatternCategory category,
    YearMonth month,
    long findings,
    BigDecimal findingDollars,
    long volume,
    BigDecimal volumeDollars,
    List<String> recordIds) {
  public PatternCell {
    payerId = Text.requireText(payerId, "payer id");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(serviceLine, "service line");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(findingDollars, "finding dollars");
    Objects.requireNonNull(volumeDollars, "volume dollars");
    if (findings < 0 || volume < 0) {
      throw new IllegalArgumentException(
          "findings and volume are counts, not negative: " + findings + " of " + volume);
    }
    if (findings > volume) {
      throw new IllegalArgumentException(
          "findings " + findings + " exceed the claims adjudicated " + volume);
    }
    if (findingDollars.signum() < 0 || volumeDollars.signum() < 0) {
      throw new IllegalArgumentException(
          "finding and volume dollars are not negative: " + findingDollars + ", " + volumeDollars);
    }
    findingDollars = Money.normalize(findingDollars);
    volumeDollars = Money.normalize(volumeDollars);
    recordIds = List.copyOf(Objects.requireNonNull(recordIds, "record ids"));
    for (String id : recordIds) {
      Text.requireText(id, "record id");
    }
    if (findings == 0 && !recordIds.isEmpty()) {
      throw new IllegalArgumentException("a cell without findings has no finding records");
    }
  }

  /**
   * The volume of a payer × service line × month without findings of any family or category (family
   * OTHER, category DENIAL, findings 0): it says how many claims were adjudicated.
   */
  public static PatternCell volumeOnly(
      String payerId,
      ServiceLine serviceLine,
      YearMonth month,
      long volume,
      BigDecimal volumeDollars) {
    return new PatternCell(
        payerId,
        DenialFamily.OTHER,
        serviceLine,
        PatternCategory.DENIAL,
        month,
        0,
        Money.ZERO,
        volume,
        volumeDollars,
        List.of());
  }
}
