package dev.x12gw.domain;

/** Small string helpers shared by the value records. */
public final class Text {
  private Text() {}

  public static String orEmpty(String s) {
    return s == null ? "" : s.trim();
  }

  public static String requireText(String s, String what) {
    if (s == null || s.isBlank()) {
      throw new IllegalArgumentException(what + " is required");
    }
    return s.trim();
  }

  public static String orNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
