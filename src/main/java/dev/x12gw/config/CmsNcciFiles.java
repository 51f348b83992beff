package dev.x12gw.config;

import dev.x12gw.domain.scrub.PtpEdit;
import dev.x12gw.domain.scrub.UnitLimit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The CMS NCCI tables as CMS publishes them, dropped into the scrubber's folder unconverted: the
 * quarterly practitioner procedure-to-procedure files (tab-delimited text: column 1, column 2, "in
 * existence prior to 1996", effective date and deletion date as yyyymmdd, {@code *} for no
 * deletion, modifier indicator 0/1/9, PTP edit rationale) and the practitioner MUE file (CSV or
 * tab-delimited: HCPCS/CPT code, MUE value, MUE adjudication indicator, MUE rationale). The
 * copyright notice and the column titles above the rows are skipped: a row is a line whose first
 * fields are procedure codes; such a line that does not parse is an error naming its file and line.
 * Read as ISO-8859-1, which never fails on CMS's Windows text.
 */
public final class CmsNcciFiles {
  private static final Pattern CODE = Pattern.compile("[0-9A-Z]{5}");
  private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

  private CmsNcciFiles() {}

  /**
   * The PTP edits of one CMS practitioner PTP text file. CMS's deletion date is the first day the
   * edit no longer applies, so the edit's last day is the day before; an edit deleted on the day it
   * took effect never applied and is left out.
   */
  public static List<PtpEdit> ptp(Path file) {
    List<PtpEdit> out = new ArrayList<>();
    List<String> lines = lines(file);
    for (int i = 0; i < lines.size(); i++) {
      String[] f = lines.get(i).split("\t", -1);
      if (f.length < 2 || !isCode(f[0]) || !isCode(f[1])) {
        continue; // the notice and the column titles
      }
      String where = file + ":" + (i + 1) + ": ";
      if (f.length < 6) {
        throw new ConfigFileException(
            where
                + "a CMS PTP row has 7 tab-separated fields (column 1, column 2, prior to 1996,"
                + " effective, deletion, modifier, rationale); this has "
                + f.length);
      }
      LocalDate effective = date(where, "effective date", f[3]);
      String del = f[4].strip();
      LocalDate deletion = del.isEmpty() || del.equals("*") ? null : date(where, "deletion", del);
      if (deletion != null && !deletion.isAfter(effective)) {
        continue;
      }
      int modifier;
      try {
        modifier = Integer.parseInt(f[5].strip());
      } catch (NumberFormatException e) {
        throw new ConfigFileException(where + "modifier indicator '" + f[5] + "' is not 0, 1 or 9");
      }
      String rationale = f.length > 6 ? f[6].strip() : "";
      try {
        out.add(
            new PtpEdit(
                f[0].strip(),
                f[1].strip(),
                effective,
                deletion == null ? null : deletion.minusDays(1),
                modifier,
                rationale.isEmpty() ? "CMS NCCI PTP edit" : "CMS NCCI PTP: " + rationale));
      } catch (IllegalArgumentException e) {
        throw new ConfigFileException(where + e.getMessage());
      }
    }
    if (out.isEmpty()) {
      throw new ConfigFileException(
          file + ": no PTP edit in CMS's layout (a tab-separated row starting with two codes)");
    }
    return List.copyOf(out);
  }

  /**
   * The unit limits of one CMS practitioner MUE file. A code whose MUE value is 0 (not payable for
   * practitioners) has no unit limit to check and is left out.
   */
  public static List<UnitLimit> mue(Path file) {
    List<UnitLimit> out = new ArrayList<>();
    List<String> lines = lines(file);
    for (int i = 0; i < lines.size(); i++) {
      List<String> f = fields(lines.get(i));
      if (f.isEmpty() || !isCode(f.get(0))) {
        continue;
      }
      String where = file + ":" + (i + 1) + ": ";
      if (f.size() < 2) {
        throw new ConfigFileException(where + "a CMS MUE row has the code and its MUE value");
      }
      int value;
      try {
        value = Integer.parseInt(f.get(1).strip());
      } catch (NumberFormatException e) {
        throw new ConfigFileException(
            where + "MUE value '" + f.get(1) + "' of " + f.get(0) + " is not a whole number");
      }
      if (value < 0) {
        throw new ConfigFileException(where + "MUE value " + value + " is negative");
      }
      if (value == 0) {
        continue;
      }
      String indicator = f.size() > 2 ? f.get(2).strip() : "";
      String rationale = f.size() > 3 ? f.get(3).strip() : "";
      out.add(
          new UnitLimit(
              f.get(0).strip(),
              value,
              "CMS MUE"
                  + (indicator.isEmpty() ? "" : ", adjudication indicator " + indicator)
                  + (rationale.isEmpty() ? "" : ": " + rationale)));
    }
    if (out.isEmpty()) {
      throw new ConfigFileException(
          file + ": no MUE row in CMS's layout (a code, then its MUE value)");
    }
    return List.copyOf(out);
  }

  private static boolean isCode(String s) {
    return CODE.matcher(s.strip().replace("\"", "")).matches();
  }

  private static LocalDate date(String where, String what, String s) {
    try {
      return LocalDate.parse(s.strip(), YYYYMMDD);
    } catch (DateTimeParseException e) {
      throw new ConfigFileException(where + what + " '" + s + "' is not yyyymmdd");
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new ConfigFileException(file + ": cannot read: " + e, e);
    }
  }

  /** One line's fields: tab-separated, else comma-separated with double quotes. */
  static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    if (line.indexOf('\t') >= 0) {
      for (String f : line.split("\t", -1)) {
        out.add(f.strip().replace("\"", ""));
      }
      return out;
    }
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (c == ',' && !quoted) {
        out.add(cur.toString().strip());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString().strip());
    return out;
  }
}
