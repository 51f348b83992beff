package dev.x12gw.domain;

/** Small string helpers shared by the value records. */
final class Text {
  private Text() {}

  static String orEmpty(String s) {
    return s == null ? "" : s.trim();
  }

  static String requireText(String s, String what) {
    if (s == null || s.isBlank()) {
      throw new IllegalArgumentException(what + " is required");
    }
    return s.trim();
  }

  static String orNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
