package dev.x12gw.x12;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * ISA/segment tokenizer: reads X12 segments from a character stream with the delimiters each ISA
 * declares, in constant memory.
 *
 * <p>Tolerates what real senders do: a byte-order mark, whitespace before the first ISA, CR/LF
 * after segment terminators, a newline used as the terminator, unpadded ISA fields (the ISA is read
 * by counting its 16 element separators, not by fixed offsets), and line breaks inside segments
 * (removed and counted in {@link #wrappedLineBreaks()}). Several interchanges in one file may each
 * use their own delimiters, control characters included (0x1D, 0x1E, 0x1F, ...): only a delimiter
 * that collides with another or with the data (a letter, digit or space) is refused.
 */
public final class X12Tokenizer implements Closeable {
  /** Longest segment accepted; longer means a missing terminator. */
  static final int MAX_SEGMENT = 1 << 20;

  private static final int ISA_ELEMENTS = 16;
  private static final int ISA_LOOKAHEAD = 512;

  private final Reader in;
  private char[] buf = new char[1 << 16];
  private int pos;
  private int limit;
  private long base;
  private boolean eof;
  private Delimiters delimiters;
  private long segments;
  private long wrappedLineBreaks;
  private boolean lastUnterminated;
  private int lastIsaLength;

  public X12Tokenizer(Reader in) {
    this.in = in;
  }

  /** The next segment, or null at end of input. */
  public Segment next() throws IOException, X12SyntaxException {
    while (true) {
      if (pos >= limit && !fill(1)) {
        return null;
      }
      char c = buf[pos];
      if (c == '\r' || c == '\n' || c == ' ' || c == '\t' || c == '\uFEFF' || c == '\0') {
        pos++;
        continue;
      }
      if (delimiters != null && c == delimiters.segment()) {
        pos++; // empty segment: tolerated
        continue;
      }
      break;
    }
    long start = base + pos;
    if (isaAhead()) {
      return readIsa(start);
    }
    if (delimiters == null) {
      if (isaWithUnusableSeparator()) {
        throw new X12SyntaxException(
            "DELIMITER_COLLISION",
            "ISA at offset "
                + start
                + ": element separator '"
                + Delimiters.printable(buf[pos + 3])
                + "' collides with the data: a letter, digit, space or line break cannot be a"
                + " delimiter",
            start);
      }
      throw new X12SyntaxException(
          "NOT_X12",
          "not an X12 interchange: expected 'ISA' at offset "
              + start
              + " but found '"
              + preview()
              + "...'",
          start);
    }
    return readSegment(start);
  }

  /** Delimiters of the interchange being read, or null before the first ISA. */
  public Delimiters delimiters() {
    return delimiters;
  }

  /** Character length of the last ISA segment including its terminator (106 when padded). */
  public int lastIsaLength() {
    return lastIsaLength;
  }

  /** Line breaks found and removed inside segments so far (wrapped lines). */
  public long wrappedLineBreaks() {
    return wrappedLineBreaks;
  }

  /** True when the input ended inside a segment (its terminator missing). */
  public boolean lastSegmentUnterminated() {
    return lastUnterminated;
  }

  /** Character offset of the next unread character. */
  public long offset() {
    return base + pos;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private boolean isaAhead() throws IOException {
    if (!fill(4)) {
      return false;
    }
    return buf[pos] == 'I'
        && buf[pos + 1] == 'S'
        && buf[pos + 2] == 'A'
        && canSeparate(buf[pos + 3]);
  }

  /**
   * True when "ISA" is followed by a character that cannot separate elements but occurs 16 times in
   * the next 200 characters, as an ISA's element separator does.
   */
  private boolean isaWithUnusableSeparator() throws IOException {
    fill(ISA_LOOKAHEAD);
    if (limit - pos < 4 || buf[pos] != 'I' || buf[pos + 1] != 'S' || buf[pos + 2] != 'A') {
      return false;
    }
    char sep = buf[pos + 3];
    int count = 0;
    for (int k = pos + 3; k < Math.min(limit, pos + 200); k++) {
      if (buf[k] == sep) {
        count++;
      }
    }
    return count >= ISA_ELEMENTS;
  }

  /** A character that can separate elements: not a letter, digit, space, line break or NUL. */
  private static boolean canSeparate(char c) {
    return !Character.isLetterOrDigit(c) && c != ' ' && c != '\r' && c != '\n' && c != '\0';
  }

  /**
   * True when a segment starts at {@code k} (after line breaks or blanks): 2-3 upper-case letters
   * or digits and the element separator {@code sep}, or nothing left to read.
   */
  private boolean segmentStartsAt(int k, int end, char sep) {
    while (k < end && (buf[k] == '\r' || buf[k] == '\n' || buf[k] == ' ' || buf[k] == '\t')) {
      k++;
    }
    if (k >= end) {
      return eof && k >= limit;
    }
    int n = 0;
    while (k + n < end
        && n < 3
        && ((buf[k + n] >= 'A' && buf[k + n] <= 'Z') || Character.isDigit(buf[k + n]))) {
      n++;
    }
    return n >= 2 && k + n < end && buf[k + n] == sep;
  }

  private Segment readIsa(long start) throws IOException, X12SyntaxException {
    fill(ISA_LOOKAHEAD);
    char sep = buf[pos + 3];
    int end = Math.min(limit, pos + ISA_LOOKAHEAD);
    StringBuilder isa = new StringBuilder(110);
    long breaks = 0;
    int seen = 0;
    int i = pos;
    for (; i < end && seen < ISA_ELEMENTS; i++) {
      char c = buf[i];
      if (c == '\r' || c == '\n') {
        breaks++; // a wrapped line: ISA fields never hold line breaks
        continue;
      }
      isa.append(c);
      if (c == sep) {
        seen++;
      }
    }
    while (i < end && (buf[i] == '\r' || buf[i] == '\n')) {
      breaks++;
      i++;
    }
    if (seen < ISA_ELEMENTS || i + 1 >= limit) {
      throw new X12SyntaxException(
          "ISA_INVALID",
          "ISA header at offset " + start + " is truncated or has fewer than 16 elements",
          start);
    }
    char component = buf[i++];
    isa.append(component);
    int extra = extraComponentCharacters(i, end, sep);
    for (int k = 0; k < extra; k++) {
      isa.append(buf[i++]); // ISA16 longer than one character: reported as ISA16_INVALID
    }
    char terminator = buf[i];
    if (terminator == '\r' || terminator == '\n') {
      int j = i;
      while (j < end && (buf[j] == '\r' || buf[j] == '\n')) {
        j++;
      }
      char after = j < end ? buf[j] : 0;
      if (breaks > 0 && after > ' ' && after != sep && !Character.isLetterOrDigit(after)) {
        breaks += j - i; // wrapped right after ISA16: the real terminator follows the break
        terminator = after;
        i = j;
      }
    }
    if (Character.isLetterOrDigit(terminator) || terminator == ' ' || terminator == sep) {
      throw new X12SyntaxException(
          "ISA_INVALID",
          "ISA header at offset "
              + start
              + " has no segment terminator after ISA16 (found '"
              + Delimiters.printable(terminator)
              + "')",
          start);
    }
    String[] elements = Segment.split(isa.toString(), sep).toArray(new String[0]);
    String isa11 = elements.length > 11 ? elements[11] : "";
    char repetition =
        isa11.length() == 1 && canSeparate(isa11.charAt(0)) ? isa11.charAt(0) : Delimiters.NONE;
    char segment = terminator == '\r' ? '\n' : terminator;
    try {
      delimiters = new Delimiters(sep, component, repetition, segment);
    } catch (IllegalArgumentException e) {
      throw new X12SyntaxException(
          "DELIMITER_COLLISION", "ISA at offset " + start + ": " + e.getMessage(), start);
    }
    wrappedLineBreaks += breaks;
    lastIsaLength = isa.length() + 1;
    pos = i + 1;
    return new Segment(elements, delimiters, ++segments, start);
  }

  /**
   * Characters of ISA16 beyond its first when a sender put several there (e.g. {@code :>~GS}): 0
   * when a segment starts right after the character following ISA16's first, else the count of
   * characters (up to 3, no line breaks or blanks) before the one that precedes a segment start.
   */
  private int extraComponentCharacters(int i, int end, char sep) {
    if (i + 1 >= end || segmentStartsAt(i + 1, end, sep)) {
      return 0;
    }
    for (int extra = 1; extra <= 3 && i + extra + 1 < end; extra++) {
      char c = buf[i + extra - 1];
      if (!canSeparate(c) || c == sep || c == '\t') {
        return 0;
      }
      char terminator = buf[i + extra];
      boolean lineBreak = terminator == '\n' || terminator == '\r';
      if ((canSeparate(terminator) || lineBreak) && segmentStartsAt(i + extra + 1, end, sep)) {
        return extra;
      }
    }
    return 0;
  }

  private Segment readSegment(long start) throws IOException, X12SyntaxException {
    char term = delimiters.segment();
    boolean newline = delimiters.newlineTerminated();
    boolean wrapped = false;
    int i = pos;
    while (true) {
      if (i >= limit) {
        int consumed = i - pos;
        if (!fill(consumed + 1)) {
          lastUnterminated = true; // end of input: the last segment has no terminator
          break;
        }
        i = pos + consumed;
      }
      char c = buf[i];
      if (c == term || (newline && (c == '\r' || c == '\n'))) {
        break;
      }
      if (c == '\r' || c == '\n') {
        wrapped = true;
      }
      if (i - pos > MAX_SEGMENT) {
        throw new X12SyntaxException(
            "NO_TERMINATOR",
            "no segment terminator '"
                + Delimiters.printable(term)
                + "' within "
                + MAX_SEGMENT
                + " characters after offset "
                + start,
            start);
      }
      i++;
    }
    String text;
    if (wrapped) {
      StringBuilder sb = new StringBuilder(i - pos);
      for (int k = pos; k < i; k++) {
        char c = buf[k];
        if (c == '\r' || c == '\n') {
          wrappedLineBreaks++;
        } else {
          sb.append(c);
        }
      }
      text = sb.toString();
    } else {
      text = new String(buf, pos, i - pos);
    }
    pos = Math.min(i + 1, limit);
    return new Segment(text, delimiters, ++segments, start);
  }

  private String preview() {
    StringBuilder sb = new StringBuilder();
    // three characters: enough to tell a ZIP, PDF or CSV apart, too few to carry patient data
    for (int k = pos; k < Math.min(limit, pos + 3); k++) {
      char c = buf[k];
      sb.append(c >= ' ' && c < 0x7f ? c : '?');
    }
    return sb.toString();
  }

  /** Ensures {@code need} characters are buffered from {@code pos}; false at end of input. */
  private boolean fill(int need) throws IOException {
    if (limit - pos >= need) {
      return true;
    }
    if (eof) {
      return false;
    }
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      base += pos;
      pos = 0;
    }
    if (need > buf.length) {
      buf = java.util.Arrays.copyOf(buf, Math.max(need, buf.length * 2));
    }
    while (limit - pos < need) {
      int n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        eof = true;
        return false;
      }
      limit += n;
    }
    return true;
  }
}
