package dev.x12gw.domain.controlroom;

import dev.x12gw.domain.Money;
import dev.x12gw.domain.Text;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The counts and dollars of one segment from which its KPIs are computed (read from the store's
 * {@code claim_case} first passes and {@code classified_finding} rows).
 *
 * @param segment the segment's value (a payer id, a family, {@code 2026-11}, or {@code all})
 * @param claims claim-level figures, or null when the dimension has none
 * @param denials classified denials ({@code CLAIM_DENIAL}, {@code LINE_DENIAL}) decided in the
 *     period
 * @param underpayments underpayments decided in the period: count and variance (expected − paid)
 * @param recoupments recoupments decided in the period: count and dollars taken back
 * @param resolutionDays days from denial to recovery or close-out, one entry per resolved denial
 * @param aging open denials as of the query's day
 */
public record SegmentFigures(
    String segment,
    ClaimFigures claims,
    DenialFigures denials,
    CountAmount underpayments,
    CountAmount recoupments,
    List<Integer> resolutionDays,
    Aging aging) {
  public SegmentFigures {
    segment = Text.requireText(segment, "segment");
    Objects.requireNonNull(denials, "denials");
    Objects.requireNonNull(underpayments, "underpayments");
    Objects.requireNonNull(recoupments, "recoupments");
    resolutionDays = List.copyOf(resolutionDays);
    Objects.requireNonNull(aging, "aging");
  }

  /** A count with its dollars. */
  public record CountAmount(long count, BigDecimal amount) {
    public CountAmount {
      if (count < 0) {
        throw new IllegalArgumentException("count must not be negative");
      }
      amount = Money.normalize(Objects.requireNonNull(amount, "amount"));
    }

    public static final CountAmount NONE = new CountAmount(0, BigDecimal.ZERO);

    /** This plus {@code n} items of {@code dollars} (null: none). */
    public CountAmount plus(long n, BigDecimal dollars) {
      return new CountAmount(count + n, dollars == null ? amount : amount.add(dollars));
    }
  }

  /**
   * Claims first adjudicated in the period.
   *
   * @param adjudicated claims with a first adjudication, and their billed dollars (CLP03)
   * @param firstPassDenied claims the first adjudication denied in full or in part, and the denied
   *     dollars
   * @param lines service lines of those first adjudications
   * @param deniedLines lines the first adjudication denied
   * @param clean claims paid on the first pass with nothing denied and no replacement or void
   *     before
   */
  public record ClaimFigures(
      CountAmount adjudicated,
      CountAmount firstPassDenied,
      long lines,
      long deniedLines,
      long clean) {
    public ClaimFigures {
      Objects.requireNonNull(adjudicated, "adjudicated");
      Objects.requireNonNull(firstPassDenied, "first-pass denied");
      if (lines < 0 || deniedLines < 0 || deniedLines > lines || clean < 0) {
        throw new IllegalArgumentException("claim figures do not fit");
      }
    }
  }

  /**
   * Classified denials decided in the period.
   *
   * @param all every denial, with its amount at stake
   * @param worked denials routed to a pathway other than {@code CLOSE_OUT}
   * @param overturned denials a later payment overturned, with the dollars recovered
   * @param closedOut denials closed out unrecovered: pathway {@code CLOSE_OUT}, or the appeal
   *     deadline passed without an overturn; with their amount at stake
   * @param preventable denials the provider's process could have avoided
   * @param laborCost the configured labor cost of the worked denials
   */
  public record DenialFigures(
      CountAmount all,
      CountAmount worked,
      CountAmount overturned,
      CountAmount closedOut,
      CountAmount preventable,
      BigDecimal laborCost) {
    public DenialFigures {
      Objects.requireNonNull(all, "all");
      Objects.requireNonNull(worked, "worked");
      Objects.requireNonNull(overturned, "overturned");
      Objects.requireNonNull(closedOut, "closed out");
      Objects.requireNonNull(preventable, "preventable");
      laborCost = Money.normalize(Objects.requireNonNull(laborCost, "labor cost"));
    }

    public static final DenialFigures NONE =
        new DenialFigures(
            CountAmount.NONE,
            CountAmount.NONE,
            CountAmount.NONE,
            CountAmount.NONE,
            CountAmount.NONE,
            BigDecimal.ZERO);
  }

  /**
   * Open denials (not overturned, not closed out) by age on the query's day, and those with a
   * deadline (appeal, NSA open negotiation, IDR initiation) within 14 days.
   */
  public record Aging(
      CountAmount days0to30,
      CountAmount days31to60,
      CountAmount days61to90,
      CountAmount over90,
      CountAmount deadlineWithin14Days) {
    public Aging {
      Objects.requireNonNull(days0to30, "0-30");
      Objects.requireNonNull(days31to60, "31-60");
      Objects.requireNonNull(days61to90, "61-90");
      Objects.requireNonNull(over90, "90+");
      Objects.requireNonNull(deadlineWithin14Days, "deadline within 14 days");
    }

    public static final Aging NONE =
        new Aging(
            CountAmount.NONE,
            CountAmount.NONE,
            CountAmount.NONE,
            CountAmount.NONE,
            CountAmount.NONE);
  }
}
