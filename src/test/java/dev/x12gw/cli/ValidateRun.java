package dev.x12gw.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code x12gw validate} run in-process, for tests of other packages. */
public final class ValidateRun {
  private static final Pattern DEFECT =
      Pattern.compile("(ERROR|WARNING) ([A-Z0-9_]+) ISA13=\\S+(?: GS06=\\S+)?(?: ST02=(\\S+))?");

  private ValidateRun() {}

  /** What {@code x12gw validate FILE} prints. */
  public static String output(Path file) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    X12gw.run(
        new String[] {"validate", file.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * "SEVERITY CODE ST02" of each defect validate prints inside an interchange (ST02 "null" when the
   * defect belongs to no transaction set).
   */
  public static List<String> defects(Path file) throws Exception {
    Matcher m = DEFECT.matcher(output(file));
    List<String> found = new ArrayList<>();
    while (m.find()) {
      found.add(m.group(1) + " " + m.group(2) + " " + m.group(3));
    }
    return found;
  }
}
