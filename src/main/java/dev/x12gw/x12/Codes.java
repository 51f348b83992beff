package dev.x12gw.x12;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Canonical instances of short X12 codes (up to {@value #MAX_LENGTH} letters and digits): the same
 * code read a million times is one String. Bounded: once {@value #MAX_ENTRIES} distinct codes are
 * held, new ones are simply not shared.
 */
final class Codes {
  static final int MAX_LENGTH = 5;
  static final int MAX_ENTRIES = 50_000;
  private static final ConcurrentHashMap<String, String> CODES = new ConcurrentHashMap<>();

  private Codes() {}

  /** {@code text.substring(from, to)}, shared when it is a short code. */
  static String canonical(String text, int from, int to) {
    int length = to - from;
    if (length == 0) {
      return "";
    }
    String value = text.substring(from, to);
    if (length > MAX_LENGTH) {
      return value;
    }
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        return value;
      }
    }
    String shared = CODES.get(value);
    if (shared != null) {
      return shared;
    }
    if (CODES.size() < MAX_ENTRIES) {
      shared = CODES.putIfAbsent(value, value);
    }
    return shared != null ? shared : value;
  }
}
