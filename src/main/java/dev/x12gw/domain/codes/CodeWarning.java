package dev.x12gw.domain.codes;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A code on a remittance that its code list does not allow on the remittance's date, or does not
 * know at all.
 *
 * @param kind the list checked
 * @param code the code as compared (trimmed, upper case)
 * @param problem what is wrong
 * @param usedOn the date the code was checked for (the remittance date), or null when unknown
 * @param start the code's first valid day from the list, or null
 * @param stop the first day the code is no longer valid, from the list, or null
 * @param message one plain sentence for a biller, e.g. "RARC M78 was deactivated on 2006-05-18 but
 *     is used on a remittance dated 2026-10-20"
 */
public record CodeWarning(
    CodeKind kind,
    String code,
    Problem problem,
    LocalDate usedOn,
    LocalDate start,
    LocalDate stop,
    String message) {

  /** Why a code is flagged. */
  public enum Problem {
    /** The code is not in the list at all. */
    UNKNOWN,
    /** The code is used before its start date. */
    NOT_YET_VALID,
    /** The code is used on or after its stop date. */
    DEACTIVATED
  }

  public CodeWarning {
    Objects.requireNonNull(kind, "code kind");
    Objects.requireNonNull(problem, "problem");
    code = CodeEntry.normalize(code);
    if (code.isEmpty()) {
      throw new IllegalArgumentException("a code warning needs the code");
    }
    if (problem == Problem.NOT_YET_VALID && (usedOn == null || start == null)) {
      throw new IllegalArgumentException("a not-yet-valid warning needs the date used and start");
    }
    if (problem == Problem.DEACTIVATED && (usedOn == null || stop == null)) {
      throw new IllegalArgumentException("a deactivated warning needs the date used and stop");
    }
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException("a code warning needs a message");
    }
    message = message.trim();
  }

  /** The code is not in the list; {@code listName} is the list's file name or {@code ""}. */
  public static CodeWarning unknown(CodeKind kind, String code, LocalDate usedOn, String listName) {
    String normalized = CodeEntry.normalize(code);
    String list =
        listName == null || listName.isBlank()
            ? "the loaded code list"
            : "the code list " + listName;
    return new CodeWarning(
        kind,
        normalized,
        Problem.UNKNOWN,
        usedOn,
        null,
        null,
        kind.label() + " " + normalized + " is not in " + list);
  }

  /** The entry's code is used before its start date. */
  public static CodeWarning notYetValid(CodeEntry entry, LocalDate usedOn) {
    return new CodeWarning(
        entry.kind(),
        entry.code(),
        Problem.NOT_YET_VALID,
        usedOn,
        entry.start(),
        entry.stop(),
        entry.kind().label()
            + " "
            + entry.code()
            + " takes effect on "
            + entry.start()
            + " but is used on a remittance dated "
            + usedOn);
  }

  /** The entry's code is used on or after its stop date. */
  public static CodeWarning deactivated(CodeEntry entry, LocalDate usedOn) {
    return new CodeWarning(
        entry.kind(),
        entry.code(),
        Problem.DEACTIVATED,
        usedOn,
        entry.start(),
        entry.stop(),
        entry.kind().label()
            + " "
            + entry.code()
            + " was deactivated on "
            + entry.stop()
            + " but is used on a remittance dated "
            + usedOn);
  }
}
