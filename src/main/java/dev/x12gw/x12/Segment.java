package dev.x12gw.x12;

import java.util.ArrayList;
import java.util.List;

/**
 * One X12 segment as read: its id and data elements (element 1 is {@code element(1)}), with the
 * delimiters of its interchange and its position in the file. Elements are split from the segment's
 * text on first use, so segments that are only passed along cost no splitting.
 */
public final class Segment {
  private final String text;
  private final String id;
  private String[] elements;
  private final Delimiters delimiters;
  private final long filePosition;
  private final long offset;

  /**
   * @param elements element 0 is the segment id, element n is data element n
   * @param delimiters delimiters of the enclosing interchange
   * @param filePosition 1-based segment number in the file
   * @param offset character offset of the segment's first character in the file
   */
  public Segment(String[] elements, Delimiters delimiters, long filePosition, long offset) {
    if (elements.length == 0) {
      throw new IllegalArgumentException("a segment has at least an id");
    }
    this.text = null;
    this.id = elements[0];
    this.elements = elements;
    this.delimiters = delimiters;
    this.filePosition = filePosition;
    this.offset = offset;
  }

  /**
   * @param text the segment without its terminator, elements separated by the delimiters' element
   *     separator
   */
  public Segment(String text, Delimiters delimiters, long filePosition, long offset) {
    int sep = text.indexOf(delimiters.element());
    this.text = text;
    this.id = sep < 0 ? text : text.substring(0, sep);
    this.delimiters = delimiters;
    this.filePosition = filePosition;
    this.offset = offset;
  }

  public String id() {
    return id;
  }

  private String[] elements() {
    if (elements == null) {
      elements = split(text, delimiters.element()).toArray(new String[0]);
    }
    return elements;
  }

  /** Data element {@code n} (1-based), or "" when the segment is shorter. */
  public String element(int n) {
    String[] e = elements();
    return n < e.length ? e[n] : "";
  }

  /** Number of data elements sent (trailing empty elements included). */
  public int size() {
    return elements().length - 1;
  }

  /**
   * {@code text} split at every {@code separator}; n separators give n + 1 parts. Short codes
   * (qualifiers, units, places of service, procedure codes) are canonical instances: a store of a
   * hundred thousand claims then holds one "HC" or "99213", not a hundred thousand.
   */
  public static List<String> split(String text, char separator) {
    List<String> out = new ArrayList<>(24);
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == separator) {
        out.add(Codes.canonical(text, start, i));
        start = i + 1;
      }
    }
    return out;
  }

  /** Component {@code c} (1-based) of element {@code n}, or "". */
  public String component(int n, int c) {
    String e = element(n);
    if (e.isEmpty()) {
      return "";
    }
    int start = 0;
    for (int i = 1; i < c; i++) {
      int next = e.indexOf(delimiters.component(), start);
      if (next < 0) {
        return "";
      }
      start = next + 1;
    }
    int end = e.indexOf(delimiters.component(), start);
    return end < 0 ? e.substring(start) : e.substring(start, end);
  }

  /** All components of element {@code n}; a simple element gives a one-item list. */
  public List<String> components(int n) {
    return split(element(n), delimiters.component());
  }

  /** True when the segment id is 2 or 3 upper-case letters or digits starting with a letter. */
  public boolean hasValidId() {
    String id = id();
    if (id.length() < 2 || id.length() > 3 || !Character.isLetter(id.charAt(0))) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }

  public Delimiters delimiters() {
    return delimiters;
  }

  public long filePosition() {
    return filePosition;
  }

  public long offset() {
    return offset;
  }

  /** The segment's text with its delimiters, without terminator. */
  @Override
  public String toString() {
    return text != null ? text : String.join(String.valueOf(delimiters.element()), elements);
  }
}
