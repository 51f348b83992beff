package dev.x12gw.x12;

import dev.x12gw.domain.claim.Procedure;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** X12 data element types: R (decimal), N0 (integer), DT (CCYYMMDD), composites. */
final class Elements {
  private Elements() {}

  /** Required R element. */
  static BigDecimal amount(Segment s, int n) throws X12BindingException {
    BigDecimal v = optionalAmount(s, n);
    if (v == null) {
      throw new X12BindingException(
          "MISSING_ELEMENT", s.id() + String.format("%02d", n) + " is required", n);
    }
    return v;
  }

  /** Optional R element: null when empty. */
  static BigDecimal optionalAmount(Segment s, int n) throws X12BindingException {
    String v = s.element(n).trim();
    if (v.isEmpty()) {
      return null;
    }
    if (!isDecimal(v)) {
      throw new X12BindingException(
          "INVALID_NUMBER",
          s.id() + String.format("%02d", n) + " is not a decimal number (X12 type R)",
          n);
    }
    return new BigDecimal(v);
  }

  private static boolean isDecimal(String v) {
    int i = v.charAt(0) == '-' ? 1 : 0;
    boolean digits = false;
    boolean point = false;
    for (; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = true;
      } else if (c == '.' && !point) {
        point = true;
      } else {
        return false;
      }
    }
    return digits;
  }

  /**
   * An informational number (MIA/MOA values, AMT, QTY, TS3, DRG weight): when malformed, a WARNING
   * is reported and null returned instead of quarantining the transaction.
   */
  static BigDecimal lenientAmount(Segment s, int n, Transaction tx, int position) {
    try {
      return optionalAmount(s, n);
    } catch (X12BindingException e) {
      tx.report(
          X12Problem.Severity.WARNING,
          e.code(),
          e.getMessage() + "; the value is left empty",
          s,
          position,
          n);
      return null;
    }
  }

  /** Required AN element. */
  static String text(Segment s, int n) throws X12BindingException {
    String v = s.element(n).trim();
    if (v.isEmpty()) {
      throw new X12BindingException(
          "MISSING_ELEMENT", s.id() + String.format("%02d", n) + " is required", n);
    }
    return v;
  }

  /** DT element (CCYYMMDD), or the first date of an RD8 range; null when empty. */
  static LocalDate date(Segment s, int n) throws X12BindingException {
    String v = s.element(n).trim();
    if (v.isEmpty()) {
      return null;
    }
    int dash = v.indexOf('-');
    String d = dash > 0 ? v.substring(0, dash) : v;
    if (d.length() != 8 || !d.chars().allMatch(Character::isDigit)) {
      throw new X12BindingException(
          "INVALID_DATE", s.id() + String.format("%02d", n) + " is not a CCYYMMDD date", n);
    }
    try {
      return LocalDate.of(
          Integer.parseInt(d.substring(0, 4)),
          Integer.parseInt(d.substring(4, 6)),
          Integer.parseInt(d.substring(6, 8)));
    } catch (DateTimeException e) {
      throw new X12BindingException(
          "INVALID_DATE", s.id() + String.format("%02d", n) + " is not a calendar date", n);
    }
  }

  /**
   * A date that matching can do without: when malformed, a WARNING is reported on the transaction
   * and null returned instead of quarantining the transaction.
   */
  static LocalDate lenientDate(Segment s, int n, Transaction tx, int position) {
    try {
      return date(s, n);
    } catch (X12BindingException e) {
      tx.report(
          X12Problem.Severity.WARNING,
          e.code(),
          e.getMessage() + "; the date is left empty",
          s,
          position,
          n);
      return null;
    }
  }

  /**
   * Components of a composite element. Some senders declare one component separator in ISA16 and
   * use another (TR3 examples re-keyed with ':' declared and '>' used): when a composite has no
   * declared separator but a two-character qualifier followed by another punctuation mark, that
   * mark is used and a COMPONENT_SEPARATOR_MISMATCH warning is reported once per transaction.
   */
  static List<String> composite(Segment s, int n, Transaction tx, int position) {
    List<String> parts = s.components(n);
    if (parts.size() == 1) {
      String e = parts.get(0);
      if (e.length() > 3
          && Character.isLetterOrDigit(e.charAt(0))
          && Character.isLetterOrDigit(e.charAt(1))
          && isSeparatorCandidate(e.charAt(2))) {
        char used = e.charAt(2);
        tx.warnOnce(
            "COMPONENT_SEPARATOR_MISMATCH",
            "ISA16 declares component separator '"
                + s.delimiters().component()
                + "' but "
                + s.id()
                + String.format("%02d", n)
                + " uses '"
                + used
                + "'; composites read with '"
                + used
                + "'",
            s,
            position,
            n);
        return Segment.split(e, used);
      }
    }
    return parts;
  }

  private static boolean isSeparatorCandidate(char c) {
    return c > ' ' && c < 0x7f && !Character.isLetterOrDigit(c) && "-./&,'#()\"".indexOf(c) < 0;
  }

  /** NM1 name: entity code, last/organisation, first, middle, suffix, id qualifier and id. */
  static dev.x12gw.domain.claim.EntityName entityName(Segment s) throws X12BindingException {
    return new dev.x12gw.domain.claim.EntityName(
        text(s, 1),
        s.element(3),
        s.element(4),
        s.element(5),
        s.element(7),
        s.element(8),
        s.element(9));
  }

  /**
   * DTP date by its format qualifier (D8 a date, RD8 a range CCYYMMDD-CCYYMMDD); null when empty.
   * Malformed dates are a WARNING and null, never a quarantine.
   */
  static dev.x12gw.domain.claim.DateRange lenientDateRange(
      Segment s, int formatElement, int valueElement, Transaction tx, int position) {
    String value = s.element(valueElement).trim();
    if (value.isEmpty()) {
      return null;
    }
    try {
      java.time.LocalDate from = date(s, valueElement);
      java.time.LocalDate to = from;
      int dash = value.indexOf('-');
      if ("RD8".equals(s.element(formatElement).trim()) && dash > 0) {
        to =
            date(
                new Segment(new String[] {s.id(), value.substring(dash + 1)}, s.delimiters(), 0, 0),
                1);
      }
      return new dev.x12gw.domain.claim.DateRange(from, to);
    } catch (X12BindingException | IllegalArgumentException e) {
      tx.report(
          X12Problem.Severity.WARNING,
          "INVALID_DATE",
          s.id()
              + String.format("%02d", valueElement)
              + " is not a valid "
              + s.element(formatElement).trim()
              + " date; the date is left empty",
          s,
          position,
          valueElement);
      return null;
    }
  }

  /** Composite procedure identifier C003: qualifier, code, up to four modifiers. */
  static Procedure procedure(Segment s, int n, Transaction tx, int position)
      throws X12BindingException {
    List<String> parts = composite(s, n, tx, position);
    String qualifier = parts.get(0).trim();
    if (qualifier.isEmpty()) {
      throw new X12BindingException(
          "MISSING_ELEMENT",
          s.id() + String.format("%02d", n) + " needs a qualifier and a procedure code",
          n);
    }
    if (parts.size() < 2 || parts.get(1).isBlank()) {
      tx.report(
          X12Problem.Severity.WARNING,
          "MISSING_ELEMENT",
          s.id() + String.format("%02d", n) + "-2 procedure code is missing; read as empty",
          s,
          position,
          n);
      return new Procedure(qualifier, "", List.of());
    }
    List<String> modifiers = new ArrayList<>(4);
    for (int i = 2; i < Math.min(parts.size(), 6); i++) {
      modifiers.add(parts.get(i).trim());
    }
    return new Procedure(qualifier, parts.get(1).trim(), modifiers);
  }

  /** Optional composite procedure: null when the element is empty. */
  static Procedure optionalProcedure(Segment s, int n, Transaction tx, int position)
      throws X12BindingException {
    return s.element(n).isBlank() ? null : procedure(s, n, tx, position);
  }
}
