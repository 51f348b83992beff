package dev.x12gw.domain.scrub;

import java.util.List;

/**
 * One 837 segment of a claim as read, at its position in the transaction set (ST = 1), its elements
 * split (element 0 the segment id) and its component separator, so a finding can name it.
 *
 * @param position segment position in the transaction set, ST = 1
 * @param elements element 0 is the id, element n is data element n
 * @param componentSeparator the interchange's component separator (ISA16)
 */
public record ScrubSegment(int position, List<String> elements, char componentSeparator) {
  public ScrubSegment {
    if (position < 1) {
      throw new IllegalArgumentException("segment position must be positive: " + position);
    }
    elements = List.copyOf(elements);
    if (elements.isEmpty() || elements.get(0).isBlank()) {
      throw new IllegalArgumentException("a segment has an id");
    }
  }

  public String id() {
    return elements.get(0);
  }

  /** Data element {@code n} (1-based), empty when not sent. */
  public String element(int n) {
    return n < elements.size() ? elements.get(n) : "";
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
}
