package dev.x12gw.domain.reconcile;

import dev.x12gw.domain.claim.Procedure;
import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.claim.SubmittedLine;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.LineMatch;
import dev.x12gw.domain.remittance.MatchMethod;
import dev.x12gw.domain.remittance.ServicePayment;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * 835 loop 2110 to 837 loop 2400: matches each paid service line of a claim payment to the line the
 * provider submitted, in this order of evidence:
 *
 * <ol>
 *   <li>REF*6R line item control number, when the 837 sent one (unbundled lines carry the original
 *       6R, so several paid lines may answer one submitted line);
 *   <li>the original line number (LX01) echoed in REF*6R, when the 837 sent no 6R (split claims);
 *   <li>procedure + modifiers + service date + units, using SVC06/SVC07 (the procedure and units as
 *       submitted) when the payer recoded the line;
 *   <li>procedure code + service date alone (modifiers or units changed by the payer).
 * </ol>
 *
 * Steps 3 and 4 pair lines one to one. A paid line nothing fits is {@link MatchMethod#UNMATCHED}.
 */
public final class LineMatcher {
  private LineMatcher() {}

  /**
   * Matches every line of {@code payment}; {@code claim} null gives {@link MatchMethod#NO_CLAIM}.
   */
  public static List<LineMatch> match(ClaimPayment payment, SubmittedClaim claim) {
    List<ServicePayment> paid = payment.lines();
    LineMatch[] result = new LineMatch[paid.size()];
    if (claim == null) {
      for (int i = 0; i < paid.size(); i++) {
        result[i] = new LineMatch(i + 1, paid.get(i), null, MatchMethod.NO_CLAIM);
      }
      return List.of(result);
    }
    List<SubmittedLine> submitted = claim.lines();
    boolean claimHasControlNumbers =
        submitted.stream().anyMatch(l -> l.lineControlNumber() != null);
    boolean[] taken = new boolean[submitted.size()];
    for (int i = 0; i < paid.size(); i++) {
      String ref = paid.get(i).lineControlNumber();
      if (ref == null) {
        continue;
      }
      for (int j = 0; j < submitted.size(); j++) {
        SubmittedLine s = submitted.get(j);
        if (claimHasControlNumbers && ref.equals(s.lineControlNumber())) {
          result[i] = new LineMatch(i + 1, paid.get(i), s, MatchMethod.LINE_CONTROL_NUMBER);
        } else if (!claimHasControlNumbers && isLineNumber(ref, s.lineNumber())) {
          result[i] = new LineMatch(i + 1, paid.get(i), s, MatchMethod.ORIGINAL_LINE_NUMBER);
        }
        if (result[i] != null) {
          taken[j] = true;
          break;
        }
      }
    }
    for (int pass = 0; pass < 3; pass++) {
      for (int i = 0; i < paid.size(); i++) {
        if (result[i] != null) {
          continue;
        }
        ServicePayment p = paid.get(i);
        for (int j = 0; j < submitted.size(); j++) {
          if (taken[j]) {
            continue;
          }
          MatchMethod m = tryMatch(pass, p, submitted.get(j));
          if (m != null) {
            result[i] = new LineMatch(i + 1, p, submitted.get(j), m);
            taken[j] = true;
            break;
          }
        }
      }
    }
    List<LineMatch> out = new ArrayList<>(paid.size());
    for (int i = 0; i < paid.size(); i++) {
      out.add(
          result[i] != null
              ? result[i]
              : new LineMatch(i + 1, paid.get(i), null, MatchMethod.UNMATCHED));
    }
    return List.copyOf(out);
  }

  private static MatchMethod tryMatch(int pass, ServicePayment p, SubmittedLine s) {
    if (!sameDate(p, s)) {
      return null;
    }
    switch (pass) {
      case 0 -> {
        if (sameProcedure(p.procedure(), s.procedure(), true)
            && sameUnits(units(p.unitsPaid()), s.units())) {
          return MatchMethod.PROCEDURE_DATE_UNITS;
        }
      }
      case 1 -> {
        if (p.submittedProcedure() != null
            && sameProcedure(p.submittedProcedure(), s.procedure(), true)
            && sameUnits(
                p.submittedUnits() != null ? p.submittedUnits() : units(p.unitsPaid()),
                s.units())) {
          return MatchMethod.SUBMITTED_PROCEDURE_DATE_UNITS;
        }
      }
      default -> {
        Procedure asSubmitted =
            p.submittedProcedure() != null ? p.submittedProcedure() : p.procedure();
        if (sameProcedure(asSubmitted, s.procedure(), false)) {
          return MatchMethod.PROCEDURE_DATE;
        }
      }
    }
    return null;
  }

  private static boolean isLineNumber(String ref, int lineNumber) {
    String t = ref.trim();
    if (t.isEmpty() || t.length() > 9 || !t.chars().allMatch(Character::isDigit)) {
      return false;
    }
    return Integer.parseInt(t) == lineNumber;
  }

  private static boolean sameDate(ServicePayment p, SubmittedLine s) {
    return p.serviceDate() == null
        || s.serviceDate() == null
        || p.serviceDate().equals(s.serviceDate());
  }

  private static boolean sameProcedure(Procedure a, Procedure b, boolean withModifiers) {
    if (!a.code().equalsIgnoreCase(b.code())) {
      return false;
    }
    return !withModifiers || a.modifiers().equals(b.modifiers());
  }

  /** SVC05 absent means one unit. */
  private static BigDecimal units(BigDecimal unitsPaid) {
    return unitsPaid == null ? BigDecimal.ONE : unitsPaid;
  }

  private static boolean sameUnits(BigDecimal a, BigDecimal b) {
    BigDecimal x = a == null ? BigDecimal.ONE : a;
    BigDecimal y = b == null ? BigDecimal.ONE : b;
    return Objects.equals(x.stripTrailingZeros(), y.stripTrailingZeros()) || x.compareTo(y) == 0;
  }
}
