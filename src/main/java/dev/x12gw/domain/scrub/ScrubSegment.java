package dev.x12gw.domain.scrub;

import java.util.Objects;

/**
 * One 837 segment of a claim as read, at its position in the transaction set (ST = 1), with the
 * interchange's element and component separators, so a finding can name it. Its elements are found
 * when first asked for: most segments of a claim (the transaction's header, the levels above the
 * claim) are only ever asked for their id.
 */
public final class ScrubSegment {
  private final int position;
  private final String text;
  private final char separator;
  private final char componentSeparator;
  private final String id;

  /** Where each element starts in {@link #text}, and one past the last element's end. */
  private int[] starts;

  /**
   * @param position segment position in the transaction set, ST = 1
   * @param text the segment as read, without its terminator
   * @param separator the interchange's element separator (ISA04... the fourth ISA character)
   * @param componentSeparator the interchange's component separator (ISA16)
   */
  public ScrubSegment(int position, String text, char separator, char componentSeparator) {
    if (position < 1) {
      throw new IllegalArgumentException("segment position must be positive: " + position);
    }
    this.text = Objects.requireNonNull(text, "text");
    int end = text.indexOf(separator);
    this.id = (end < 0 ? text : text.substring(0, end)).strip();
    if (id.isEmpty()) {
      throw new IllegalArgumentException("a segment has an id");
    }
    this.position = position;
    this.separator = separator;
    this.componentSeparator = componentSeparator;
  }

  public int position() {
    return position;
  }

  public String id() {
    return id;
  }

  /** How many elements it has, its id counted as element 0. */
  public int elementCount() {
    return starts().length - 1;
  }

  /** Data element {@code n} (1-based), empty when not sent. */
  public String element(int n) {
    int[] s = starts();
    return n >= 0 && n < s.length - 1 ? text.substring(s[n], s[n + 1] - 1) : "";
  }

  /** Component {@code c} (1-based) of element {@code n}, empty when not sent. */
  public String component(int n, int c) {
    String e = element(n);
    int start = 0;
    for (int i = 1; i < c; i++) {
      int at = e.indexOf(componentSeparator, start);
      if (at < 0) {
        return "";
      }
      start = at + 1;
    }
    int end = e.indexOf(componentSeparator, start);
    return end < 0 ? e.substring(start) : e.substring(start, end);
  }

  private int[] starts() {
    if (starts == null) {
      int count = 1;
      for (int i = text.indexOf(separator); i >= 0; i = text.indexOf(separator, i + 1)) {
        count++;
      }
      int[] s = new int[count + 1];
      int k = 1;
      for (int i = text.indexOf(separator); i >= 0; i = text.indexOf(separator, i + 1)) {
        s[k++] = i + 1;
      }
      s[count] = text.length() + 1; // as if a separator followed the last element
      starts = s;
    }
    return starts;
  }

  @Override
  public String toString() {
    return position + ":" + text;
  }
}
