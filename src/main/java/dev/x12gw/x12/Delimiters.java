package dev.x12gw.x12;

/**
 * ISA delimiters: element separator (ISA position 4), repetition separator (ISA11 from 00402 on),
 * component separator (ISA16) and segment terminator (the character after ISA16).
 *
 * @param element data element separator
 * @param component component element separator
 * @param repetition repetition separator, or {@code 0} when the interchange has none
 * @param segment segment terminator; CR or LF means "newline terminates segments"
 */
public record Delimiters(char element, char component, char repetition, char segment) {
  public static final char NONE = 0;

  public Delimiters {
    if (element == component || element == segment || component == segment) {
      throw new IllegalArgumentException(
          "delimiters collide: element '"
              + element
              + "', component '"
              + component
              + "', segment '"
              + printable(segment)
              + "'");
    }
    if (repetition != NONE
        && (repetition == element || repetition == component || repetition == segment)) {
      throw new IllegalArgumentException("repetition separator '" + repetition + "' collides");
    }
  }

  /** True when a line break is the segment terminator. */
  public boolean newlineTerminated() {
    return segment == '\n' || segment == '\r';
  }

  static String printable(char c) {
    return switch (c) {
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      default -> String.valueOf(c);
    };
  }

  @Override
  public String toString() {
    return "element '"
        + element
        + "' component '"
        + component
        + "' repetition '"
        + (repetition == NONE ? "none" : String.valueOf(repetition))
        + "' segment '"
        + printable(segment)
        + "'";
  }
}
