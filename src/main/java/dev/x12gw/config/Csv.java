package dev.x12gw.config;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * RFC 4180 reader: records of trimmed values, each with the line it starts on; blank lines and
 * comment lines skipped.
 */
final class Csv {
  record Row(int line, List<String> fields) {}

  private final String label;
  private final String text;
  private int pos;
  private int line = 1;
  private List<String> columnNames = List.of();

  private final Function<String, ? extends RuntimeException> errors;

  /**
   * @param label the file as named in messages
   * @param errors makes the exception thrown for a malformed record
   */
  Csv(String label, String text, Function<String, ? extends RuntimeException> errors) {
    this.label = label;
    this.text = text;
    this.errors = errors;
  }

  void columnNames(List<String> names) {
    columnNames = List.copyOf(names);
  }

  /** The next record, or null at the end. */
  Row next() {
    while (pos < text.length()) {
      int end = endOfLine(pos);
      String physical = text.substring(pos, end);
      if (physical.isBlank() || physical.stripLeading().startsWith("#")) {
        pos = skipLineEnd(end);
        continue;
      }
      return record();
    }
    return null;
  }

  private Row record() {
    int start = line;
    List<String> fields = new ArrayList<>();
    while (true) {
      fields.add(field(start, fields.size()));
      if (pos < text.length() && text.charAt(pos) == ',') {
        pos++;
        continue;
      }
      pos = skipLineEnd(pos);
      return new Row(start, List.copyOf(fields));
    }
  }

  /** One value from {@code pos}; leaves {@code pos} at the comma, line end or end of text. */
  private String field(int start, int index) {
    int p = pos;
    while (p < text.length() && isBlank(text.charAt(p))) {
      p++;
    }
    if (p < text.length() && text.charAt(p) == '"') {
      StringBuilder value = new StringBuilder();
      p++;
      while (true) {
        if (p >= text.length()) {
          throw error(start, index, "a quoted value is not closed");
        }
        char c = text.charAt(p);
        if (c == '"') {
          if (p + 1 < text.length() && text.charAt(p + 1) == '"') {
            value.append('"');
            p += 2;
            continue;
          }
          p++;
          break;
        }
        if (c == '\n' || (c == '\r' && (p + 1 >= text.length() || text.charAt(p + 1) != '\n'))) {
          line++;
        }
        value.append(c);
        p++;
      }
      while (p < text.length() && isBlank(text.charAt(p))) {
        p++;
      }
      if (p < text.length() && !isDelimiter(text.charAt(p))) {
        throw error(start, index, "text after the closing quote of \"" + value + "\"");
      }
      pos = p;
      return value.toString().trim();
    }
    int begin = pos;
    while (p < text.length() && !isDelimiter(text.charAt(p))) {
      if (text.charAt(p) == '"') {
        throw error(
            start,
            index,
            "a quote inside the unquoted value \""
                + text.substring(begin, endOfValue(p)).trim()
                + "\"");
      }
      p++;
    }
    pos = p;
    return text.substring(begin, p).trim();
  }

  private RuntimeException error(int start, int index, String problem) {
    String column = index < columnNames.size() ? columnNames.get(index) : "column " + (index + 1);
    return errors.apply(label + " line " + start + ", " + column + ": " + problem);
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  private static boolean isDelimiter(char c) {
    return c == ',' || c == '\r' || c == '\n';
  }

  private int endOfValue(int from) {
    int p = from;
    while (p < text.length() && !isDelimiter(text.charAt(p))) {
      p++;
    }
    return p;
  }

  private int endOfLine(int from) {
    int p = from;
    while (p < text.length() && text.charAt(p) != '\r' && text.charAt(p) != '\n') {
      p++;
    }
    return p;
  }

  /** Past the line end at {@code p} (CRLF, LF or CR), counting the line. */
  private int skipLineEnd(int p) {
    if (p >= text.length()) {
      return p;
    }
    line++;
    if (text.charAt(p) == '\r' && p + 1 < text.length() && text.charAt(p + 1) == '\n') {
      return p + 2;
    }
    return p + 1;
  }

  /** Strict UTF-8 text of a file's bytes, without a byte order mark. */
  static String decode(
      Path file, byte[] bytes, Function<String, ? extends RuntimeException> errors) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int line = 1;
      for (int i = 0; i < in.position(); i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw errors.apply(file + " line " + line + ": not UTF-8 text");
    }
    out.flip();
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static final java.util.regex.Pattern ISO_DATE =
      java.util.regex.Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  /**
   * An ISO date value (yyyy-MM-dd), null when empty.
   *
   * @throws IllegalArgumentException when the value is not such a date
   */
  static java.time.LocalDate isoDate(String value) {
    String text = value.trim();
    if (text.isEmpty()) {
      return null;
    }
    if (ISO_DATE.matcher(text).matches()) {
      try {
        return java.time.LocalDate.parse(text);
      } catch (java.time.format.DateTimeParseException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException("is not a date (yyyy-MM-dd)");
  }
}
