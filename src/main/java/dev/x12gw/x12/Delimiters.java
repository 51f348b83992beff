package dev.x12gw.x12;

/**
 * ISA delimiters: element separator (ISA position 4), repetition separator (ISA11 from 00402 on),
 * component separator (ISA16) and segment terminator (the character after ISA16).
 *
 * <p>Any character the data does not use may be a delimiter, control characters included (e.g. 0x1D
 * element, 0x1F component, 0x1E segment terminator). Refused: one character in two roles, a letter
 * or digit, a space (and CR/LF anywhere but as the segment terminator).
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
              + printable(element)
              + "', component '"
              + printable(component)
              + "', segment '"
              + printable(segment)
              + "'");
    }
    if (repetition != NONE
        && (repetition == element || repetition == component || repetition == segment)) {
      throw new IllegalArgumentException(
          "repetition separator '" + printable(repetition) + "' collides");
    }
    unusable("element separator", element, true);
    unusable("component separator", component, true);
    unusable("segment terminator", segment, false);
    if (repetition != NONE) {
      unusable("repetition separator", repetition, true);
    }
  }

  private static void unusable(String role, char c, boolean lineBreakCollides) {
    boolean lineBreak = c == '\n' || c == '\r';
    if (Character.isLetterOrDigit(c) || c == ' ' || (lineBreakCollides && lineBreak)) {
      throw new IllegalArgumentException(
          role
              + " '"
              + printable(c)
              + "' collides with the data: a letter, digit"
              + (lineBreakCollides ? ", space or line break" : " or space")
              + " cannot be a delimiter");
    }
  }

  /** True when a line break is the segment terminator. */
  public boolean newlineTerminated() {
    return segment == '\n' || segment == '\r';
  }

  /**
   * A delimiter as messages show it: itself when printable ASCII, else escaped ({@code \n}, {@code
   * \r}, {@code \t}, {@code \x1d}, or a 4-digit code above 0xff); never a raw control character.
   */
  public static String printable(char c) {
    return switch (c) {
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      default -> {
        if (c >= ' ' && c < 0x7f) {
          yield String.valueOf(c);
        }
        yield c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c);
      }
    };
  }

  @Override
  public String toString() {
    return "element '"
        + printable(element)
        + "' component '"
        + printable(component)
        + "' repetition '"
        + (repetition == NONE ? "none" : printable(repetition))
        + "' segment '"
        + printable(segment)
        + "'";
  }
}
