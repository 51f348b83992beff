package dev.x12gw.config;

import dev.x12gw.domain.contract.ContractRate;
import dev.x12gw.domain.contract.ContractSchedule;
import dev.x12gw.domain.contract.ProviderScope;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Payer contract rates from CSV files ({@code config/contracts/*.csv}).
 *
 * <p>Format: UTF-8 (a byte order mark is skipped), CRLF or LF line ends, comma separated, values
 * optionally in double quotes with {@code ""} for a quote inside. Blank lines, lines of empty
 * values only and lines starting with {@code #} are skipped. The first other line is the header; it
 * must name the columns {@code payer_id, procedure_code, modifier, allowed_amount, effective_from,
 * effective_to} in any order and case, and may name the optional provider columns {@code
 * billing_npi, billing_tin} (empty = every provider); further columns are ignored. Each following
 * line is one {@link ContractRate}: the allowed amount per unit is a plain decimal (no currency
 * sign, no thousands separators), dates are {@code yyyy-MM-dd} and inclusive, an empty date is
 * open-ended and an empty modifier means any.
 *
 * <p>Every problem is a {@link ContractFileException} naming the file, the line, the column and the
 * value.
 */
public final class ContractFiles {
  static final String HEADER =
      "payer_id,procedure_code,modifier,allowed_amount,effective_from,effective_to";
  private static final List<String> COLUMNS = List.of(HEADER.split(","));

  /** Optional columns: the billing provider a rate is for (empty = every provider). */
  static final List<String> PROVIDER_COLUMNS = List.of("billing_npi", "billing_tin");

  private static final Pattern TIN = Pattern.compile("[0-9]{2}-?[0-9]{7}");
  private static final Pattern PROCEDURE = Pattern.compile("[A-Z0-9]{1,48}");
  private static final Pattern MODIFIER = Pattern.compile("[A-Z0-9]{2}");
  private static final Pattern AMOUNT = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  private ContractFiles() {}

  /**
   * Loads the rates of one file, or of every {@code *.csv} file directly in a directory (not its
   * subdirectories; hidden files skipped) in order of file name.
   *
   * <p>A directory that does not exist gives an empty schedule; a file that does not exist (a path
   * ending in {@code .csv}) is an error.
   *
   * @throws ContractFileException when a file cannot be read, has a bad header or value, or two
   *     rates overlap
   */
  public static ContractSchedule load(Path fileOrDirectory) {
    Objects.requireNonNull(fileOrDirectory, "contracts file or directory");
    if (Files.isDirectory(fileOrDirectory)) {
      List<ContractRate> rates = new ArrayList<>();
      for (Path file : csvFiles(fileOrDirectory)) {
        rates.addAll(read(file));
      }
      return schedule(fileOrDirectory, rates);
    }
    if (!Files.exists(fileOrDirectory) && !isCsv(fileOrDirectory)) {
      return ContractSchedule.empty();
    }
    return schedule(fileOrDirectory, read(fileOrDirectory));
  }

  private static ContractSchedule schedule(Path where, List<ContractRate> rates) {
    try {
      return ContractSchedule.of(rates);
    } catch (IllegalArgumentException e) {
      throw new ContractFileException(where + ": " + e.getMessage(), e);
    }
  }

  private static boolean isCsv(Path path) {
    Path name = path.getFileName();
    return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".csv");
  }

  private static List<Path> csvFiles(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(f -> isCsv(f) && !f.getFileName().toString().startsWith("."))
          .filter(Files::isRegularFile)
          .sorted(Comparator.comparing(f -> f.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      throw new ContractFileException(directory + ": cannot list contract files: " + e, e);
    }
  }

  /** The rates of one file, in line order. */
  static List<ContractRate> read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ContractFileException(file + ": contract file not found", e);
    } catch (IOException e) {
      throw new ContractFileException(file + ": cannot read contract file: " + e, e);
    }
    String text = Csv.decode(file, bytes, ContractFileException::new);
    Path name = file.getFileName();
    return parse(file.toString(), name == null ? file.toString() : name.toString(), text);
  }

  /**
   * Rates from CSV text.
   *
   * @param label the file as named in messages
   * @param fileName the file name for {@link ContractRate#source()}
   */
  static List<ContractRate> parse(String label, String fileName, String text) {
    Csv csv = new Csv(label, text, ContractFileException::new);
    Csv.Row header = csv.next();
    if (header == null) {
      throw new ContractFileException(label + ": no header line; expected the columns " + HEADER);
    }
    Map<String, Integer> positions = new HashMap<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < header.fields().size(); i++) {
      String column = header.fields().get(i).toLowerCase(Locale.ROOT);
      names.add(column);
      if ((COLUMNS.contains(column) || PROVIDER_COLUMNS.contains(column))
          && positions.putIfAbsent(column, i) != null) {
        throw new ContractFileException(
            label + " line " + header.line() + ": column " + column + " appears twice");
      }
    }
    List<String> missing = COLUMNS.stream().filter(c -> !positions.containsKey(c)).toList();
    if (!missing.isEmpty()) {
      throw new ContractFileException(
          label
              + " line "
              + header.line()
              + ": the header lacks the column"
              + (missing.size() == 1 ? " " : "s ")
              + String.join(", ", missing)
              + " (required: "
              + HEADER
              + ")");
    }
    csv.columnNames(names);
    List<ContractRate> rates = new ArrayList<>();
    for (Csv.Row row = csv.next(); row != null; row = csv.next()) {
      if (row.fields().stream().allMatch(String::isEmpty)) {
        continue;
      }
      rates.add(new RowReader(label, fileName, row, names, positions).rate());
    }
    return rates;
  }

  /** How a reader reports a bad value: column, value, problem. */
  interface BadValue {
    RuntimeException of(String column, String value, String problem);
  }

  /**
   * The provider columns {@code billing_npi} and {@code billing_tin} (shared by contracts and
   * {@code networks.csv}): an NPI is 10 digits with a valid check digit, a TIN 9 digits (a dash
   * after the second is allowed); both empty = every provider.
   */
  static ProviderScope providerScope(String npi, String tin, BadValue bad) {
    if (!npi.isEmpty() && !ProviderScope.isNpi(npi)) {
      throw bad.of("billing_npi", npi, "is not an NPI (10 digits with a valid check digit)");
    }
    if (!tin.isEmpty() && !TIN.matcher(tin).matches()) {
      throw bad.of("billing_tin", tin, "is not a TIN (9 digits, e.g. 371234567 or 37-1234567)");
    }
    return new ProviderScope(npi, tin);
  }

  /** One data line turned into a rate, with messages naming file, line, column and value. */
  private record RowReader(
      String label,
      String fileName,
      Csv.Row row,
      List<String> names,
      Map<String, Integer> positions) {
    ContractRate rate() {
      for (int i = names.size(); i < row.fields().size(); i++) {
        if (!row.fields().get(i).isEmpty()) {
          throw bad("column " + (i + 1), row.fields().get(i), "is beyond the header's columns");
        }
      }
      String payerId = value("payer_id");
      if (payerId.isEmpty()) {
        throw bad("payer_id", payerId, "is empty; every rate needs a payer id");
      }
      String procedure = value("procedure_code");
      if (!PROCEDURE.matcher(procedure.toUpperCase(Locale.ROOT)).matches()) {
        throw bad(
            "procedure_code",
            procedure,
            procedure.isEmpty()
                ? "is empty; every rate needs a procedure code"
                : "is not a procedure code (letters and digits only; modifiers go in modifier)");
      }
      String modifier = value("modifier");
      if (!modifier.isEmpty() && !MODIFIER.matcher(modifier.toUpperCase(Locale.ROOT)).matches()) {
        throw bad("modifier", modifier, "is not a modifier (two letters or digits; empty = any)");
      }
      BigDecimal amount = amount();
      LocalDate from = date("effective_from");
      LocalDate to = date("effective_to");
      if (from != null && to != null && to.isBefore(from)) {
        throw bad("effective_to", value("effective_to"), "is before effective_from " + from);
      }
      ProviderScope provider =
          providerScope(optional("billing_npi"), optional("billing_tin"), this::bad);
      try {
        return new ContractRate(
            payerId, procedure, modifier, amount, from, to, fileName + ":" + row.line(), provider);
      } catch (IllegalArgumentException e) {
        throw new ContractFileException(label + " line " + row.line() + ": " + e.getMessage(), e);
      }
    }

    private String value(String column) {
      int i = positions.get(column);
      if (i >= row.fields().size()) {
        throw new ContractFileException(
            label
                + " line "
                + row.line()
                + ", "
                + column
                + ": missing (the line has "
                + row.fields().size()
                + " values, the header "
                + names.size()
                + ")");
      }
      return row.fields().get(i);
    }

    /** An optional column's value, "" when the header does not name it. */
    private String optional(String column) {
      return positions.containsKey(column) ? value(column) : "";
    }

    private BigDecimal amount() {
      String text = value("allowed_amount");
      if (text.isEmpty()) {
        throw bad("allowed_amount", text, "is empty; every rate needs an allowed amount");
      }
      if (!AMOUNT.matcher(text).matches()) {
        throw bad("allowed_amount", text, "is not a decimal amount");
      }
      BigDecimal amount = new BigDecimal(text);
      if (amount.signum() < 0) {
        throw bad("allowed_amount", text, "is negative");
      }
      return amount;
    }

    private LocalDate date(String column) {
      String text = value(column);
      try {
        return Csv.isoDate(text);
      } catch (IllegalArgumentException e) {
        throw bad(column, text, e.getMessage());
      }
    }

    private ContractFileException bad(String column, String value, String problem) {
      return new ContractFileException(
          label + " line " + row.line() + ", " + column + ": \"" + value + "\" " + problem);
    }
  }
}
