package dev.x12gw.config;

import dev.x12gw.domain.codes.CodeEntry;
import dev.x12gw.domain.codes.CodeKind;
import dev.x12gw.domain.codes.CodeTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loader of the dated X12 code lists ({@code config/code-tables/<kind>__<yyyy-MM-dd>.csv}).
 *
 * <p>For each {@link CodeKind} the file {@code <prefix>__<yyyy-MM-dd>.csv} with the latest date in
 * its name is read; older files of the kind are ignored, other files in the directory too. A kind
 * without a file has no entries (and is not checked).
 *
 * <p>Format: UTF-8 (a byte order mark is skipped), LF or CRLF line ends, comma separated, values
 * optionally in double quotes with {@code ""} for a quote inside. The first line is exactly {@value
 * #HEADER}; blank lines are skipped. Codes are 1 to 5 letters or digits, unique per file ignoring
 * case; dates are {@code yyyy-MM-dd} or empty; {@code stop_date} must be after {@code start_date};
 * description and source are required.
 *
 * <p>The first problem stops the load: an {@link IllegalArgumentException} whose message is {@code
 * file:line: what is wrong}.
 */
public final class CodeTableFiles {
  /** The one header line of every code table file. */
  public static final String HEADER = "code,start_date,stop_date,last_modified,description,source";

  private static final List<String> COLUMNS = List.of(HEADER.split(","));
  private static final Pattern FILE_NAME = Pattern.compile("([a-z]+)__(.*)\\.csv");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{1,5}");

  private CodeTableFiles() {}

  /** Where the shipped lists live, relative to the installation directory. */
  public static Path defaultDir() {
    return Path.of("config", "code-tables");
  }

  /**
   * The newest list of each kind in {@code dir}.
   *
   * @throws IllegalArgumentException when the directory does not exist, a file name has a kind
   *     prefix but no valid date, or a chosen file is malformed ({@code file:line: problem})
   * @throws UncheckedIOException when a file cannot be read
   */
  public static CodeTables load(Path dir) {
    Objects.requireNonNull(dir, "code tables directory");
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          "code tables directory "
              + dir.toAbsolutePath()
              + (Files.exists(dir) ? " is not a directory" : " does not exist")
              + "; it must hold the lists <kind>__<yyyy-MM-dd>.csv (kinds carc, rarc, group,"
              + " plb)");
    }
    Map<CodeKind, Path> newest = new EnumMap<>(CodeKind.class);
    Map<CodeKind, LocalDate> newestDate = new EnumMap<>(CodeKind.class);
    for (Path file : files(dir)) {
      String name = file.getFileName().toString();
      Matcher m = FILE_NAME.matcher(name);
      if (!m.matches()) {
        continue;
      }
      CodeKind kind = kindOf(m.group(1));
      if (kind == null) {
        continue;
      }
      LocalDate date = nameDate(m.group(2));
      if (date == null) {
        throw new IllegalArgumentException(
            file
                + ": the date in the file name is not yyyy-MM-dd; name it "
                + kind.filePrefix()
                + "__<yyyy-MM-dd>.csv");
      }
      LocalDate best = newestDate.get(kind);
      if (best == null || date.isAfter(best)) {
        newestDate.put(kind, date);
        newest.put(kind, file);
      }
    }
    List<CodeEntry> entries = new ArrayList<>();
    Map<CodeKind, String> names = new EnumMap<>(CodeKind.class);
    newest.forEach(
        (kind, file) -> {
          entries.addAll(read(kind, file));
          names.put(kind, file.getFileName().toString());
        });
    return CodeTables.of(entries, names);
  }

  private static List<Path> files(Path dir) {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(f -> !f.getFileName().toString().startsWith("."))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": cannot list the code tables: " + e.getMessage(), e);
    }
  }

  private static CodeKind kindOf(String prefix) {
    for (CodeKind kind : CodeKind.values()) {
      if (kind.filePrefix().equals(prefix)) {
        return kind;
      }
    }
    return null;
  }

  private static LocalDate nameDate(String text) {
    if (!DATE.matcher(text).matches()) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The entries of one list file, in line order. */
  static List<CodeEntry> read(CodeKind kind, Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
    }
    return parse(kind, file.toString(), Csv.decode(file, bytes, IllegalArgumentException::new));
  }

  /**
   * The entries of CSV text.
   *
   * @param label the file as named in messages
   */
  static List<CodeEntry> parse(CodeKind kind, String label, String text) {
    Csv csv = new Csv(label, text, IllegalArgumentException::new);
    Csv.Row header = csv.next();
    if (header == null) {
      throw new IllegalArgumentException(label + ":1: the file is empty; the header is " + HEADER);
    }
    if (header.line() != 1 || !header.fields().equals(COLUMNS)) {
      throw new IllegalArgumentException(
          label
              + ":"
              + header.line()
              + ": the first line must be exactly \""
              + HEADER
              + "\", not \""
              + String.join(",", header.fields())
              + "\"");
    }
    csv.columnNames(COLUMNS);
    List<CodeEntry> entries = new ArrayList<>();
    Map<String, Integer> firstLine = new HashMap<>();
    for (Csv.Row row = csv.next(); row != null; row = csv.next()) {
      String where = label + ":" + row.line() + ": ";
      List<String> f = row.fields();
      if (f.size() != COLUMNS.size()) {
        throw new IllegalArgumentException(
            where + f.size() + " values, expected " + COLUMNS.size() + " (" + HEADER + ")");
      }
      String code = f.get(0).trim();
      if (!CODE.matcher(code).matches()) {
        throw new IllegalArgumentException(
            where + "code \"" + code + "\" is not 1 to 5 letters or digits");
      }
      LocalDate start = date(where, "start_date", f.get(1));
      LocalDate stop = date(where, "stop_date", f.get(2));
      date(where, "last_modified", f.get(3));
      if (start != null && stop != null && !stop.isAfter(start)) {
        throw new IllegalArgumentException(
            where + "stop_date " + stop + " is not after start_date " + start);
      }
      String description = f.get(4).trim();
      String source = f.get(5).trim();
      if (description.isEmpty()) {
        throw new IllegalArgumentException(where + "code " + code + " has no description");
      }
      if (source.isEmpty()) {
        throw new IllegalArgumentException(where + "code " + code + " has no source");
      }
      Integer earlier = firstLine.putIfAbsent(code.toUpperCase(Locale.ROOT), row.line());
      if (earlier != null) {
        throw new IllegalArgumentException(
            where + "duplicate code " + code + " (first on line " + earlier + ")");
      }
      entries.add(new CodeEntry(kind, code, start, stop, description, source));
    }
    return entries;
  }

  private static LocalDate date(String where, String column, String value) {
    try {
      return Csv.isoDate(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          where + column + " \"" + value + "\" " + e.getMessage(), e);
    }
  }
}
