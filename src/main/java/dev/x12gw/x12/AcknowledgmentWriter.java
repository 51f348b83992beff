package dev.x12gw.x12;

import dev.x12gw.x12.EnvelopeReport.Group;
import dev.x12gw.x12.EnvelopeReport.Interchange;
import dev.x12gw.x12.EnvelopeReport.TransactionSet;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Writes the acknowledgments of what was received: for each interchange an interchange back to its
 * sender, holding a TA1 (when the sender asked for one in ISA14 or the interchange had defects)
 * and, in one FA functional group, a 005010X231A1 999 for every functional group received: AK1, AK2
 * per transaction set with IK3/IK4 segment and element detail and IK5 (A accepted, E accepted with
 * errors noted, R rejected), AK9 for the group (A, E, P, R). Delimiters: {@code * : ^ ~}, a line
 * break after each segment.
 */
public final class AcknowledgmentWriter {
  private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
  private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");
  private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

  /** Gateway defect code to IK304 segment syntax error code. */
  private static final Map<String, String> SEGMENT_ERRORS =
      Map.of(
          "INVALID_SEGMENT_ID", "1",
          "SEGMENT_OUT_OF_PLACE", "2",
          "MISSING_SEGMENT", "3");

  /** Gateway defect code to IK403 element syntax error code. */
  private static final Map<String, String> ELEMENT_ERRORS =
      Map.of(
          "MISSING_ELEMENT", "1",
          "INVALID_NUMBER", "6",
          "INVALID_CONTENT", "6",
          "COMPONENT_SEPARATOR_MISMATCH", "6",
          "INVALID_CODE", "7",
          "INVALID_DATE", "8");

  /** Gateway defect code to IK502 transaction set syntax error code. */
  private static final Map<String, String> TRANSACTION_ERRORS =
      Map.of(
          "UNSUPPORTED_TRANSACTION", "1",
          "MISSING_SE", "2",
          "SE02_MISMATCH", "3",
          "SE01_COUNT", "4");

  /** Gateway defect code to AK905 functional group syntax error code. */
  private static final Map<String, String> GROUP_ERRORS =
      Map.of(
          "MISSING_GE", "3",
          "GE02_MISMATCH", "4",
          "GE01_COUNT", "5");

  /** Gateway defect code to TA105 interchange note code. */
  private static final Map<String, String> INTERCHANGE_NOTES =
      Map.of(
          "IEA02_MISMATCH", "001",
          "ISA13_INVALID", "018",
          "IEA01_COUNT", "021",
          "ISA_LENGTH", "022",
          "MISSING_IEA", "023");

  private final LongSupplier controlNumbers;

  /**
   * @param controlNumbers gives a new number for each acknowledgment interchange (ISA13, GS06)
   */
  public AcknowledgmentWriter(LongSupplier controlNumbers) {
    this.controlNumbers = controlNumbers;
  }

  /** The acknowledgments of a whole file ("" when it held no interchange). */
  public String write(EnvelopeReport report, LocalDateTime now) {
    StringBuilder out = new StringBuilder();
    for (Interchange ic : report.interchanges()) {
      write(ic, now, out);
    }
    return out.toString();
  }

  private void write(Interchange ic, LocalDateTime now, StringBuilder out) {
    String control = String.format("%09d", controlNumbers.getAsLong() % 1_000_000_000L);
    List<String> segments = new ArrayList<>();
    segments.add(
        String.join(
            "*",
            "ISA",
            "00",
            "          ",
            "00",
            "          ",
            pad(ic.isa(7), 2),
            pad(ic.isa(8), 15),
            pad(ic.isa(5), 2),
            pad(ic.isa(6), 15),
            now.format(YYMMDD),
            now.format(HHMM),
            "^",
            "00501",
            control,
            "0",
            ic.isa(15).isEmpty() ? "P" : ic.isa(15),
            ":"));
    if ("1".equals(ic.isa(14)) || !ic.problems().isEmpty()) {
      segments.add(ta1(ic));
    }
    List<Group> groups = ic.groups();
    if (!groups.isEmpty()) {
      Group first = groups.get(0);
      segments.add(
          String.join(
              "*",
              "GS",
              "FA",
              first.gs(3),
              first.gs(2),
              now.format(CCYYMMDD),
              now.format(HHMM),
              Long.toString(Long.parseLong(control)),
              "X",
              "005010X231A1"));
      int st = 0;
      for (Group g : groups) {
        st++;
        ack999(g, String.format("%04d", st), segments);
      }
      segments.add("GE*" + st + "*" + Long.parseLong(control));
    }
    segments.add("IEA*" + (groups.isEmpty() ? 0 : 1) + "*" + control);
    for (String s : segments) {
      out.append(s).append("~\n");
    }
  }

  private static String ta1(Interchange ic) {
    String note = "000";
    boolean errors = false;
    for (X12Problem p : ic.problems()) {
      String code = INTERCHANGE_NOTES.get(p.code());
      if (code != null) {
        errors = true;
        if ("000".equals(note)) {
          note = code;
        }
      }
    }
    String status = errors ? "E" : "A";
    return String.join("*", "TA1", ic.controlNumber(), ic.isa(9), ic.isa(10), status, note);
  }

  private static void ack999(Group g, String control, List<String> segments) {
    int start = segments.size();
    segments.add("ST*999*" + control + "*005010X231A1");
    segments.add(String.join("*", "AK1", g.gs(1), g.gs(6), g.gs(8)));
    int accepted = 0;
    int errorsNoted = 0;
    for (TransactionSet tx : g.transactions()) {
      segments.add(
          tx.version().isEmpty()
              ? String.join("*", "AK2", tx.setId(), tx.controlNumber())
              : String.join("*", "AK2", tx.setId(), tx.controlNumber(), tx.version()));
      Set<String> txCodes = new LinkedHashSet<>();
      for (X12Problem p : tx.problems()) {
        String txCode = TRANSACTION_ERRORS.get(p.code());
        if (txCode != null) {
          txCodes.add(txCode);
          continue;
        }
        if (p.segmentPosition() <= 0 || p.segmentId().isEmpty()) {
          continue;
        }
        String segmentError = SEGMENT_ERRORS.getOrDefault(p.code(), "8");
        segments.add(
            String.join(
                "*",
                "IK3",
                p.segmentId().length() > 3 ? p.segmentId().substring(0, 3) : p.segmentId(),
                Integer.toString(p.segmentPosition()),
                "",
                segmentError));
        if ("8".equals(segmentError) && p.elementPosition() > 0) {
          segments.add(
              String.join(
                  "*",
                  "IK4",
                  Integer.toString(p.elementPosition()),
                  "",
                  ELEMENT_ERRORS.getOrDefault(p.code(), "6")));
        }
        if (p.isError()) {
          txCodes.add("5");
        }
      }
      String status;
      if (!tx.accepted()) {
        status = "R";
        if (txCodes.isEmpty()) {
          txCodes.add("5");
        }
      } else if (!tx.problems().isEmpty()) {
        status = "E";
        errorsNoted++;
        accepted++;
      } else {
        status = "A";
        accepted++;
      }
      List<String> ik5 = new ArrayList<>(List.of("IK5", status));
      txCodes.stream().limit(5).forEach(ik5::add);
      segments.add(String.join("*", ik5));
    }
    int received = g.transactions().size();
    Set<String> groupCodes = new LinkedHashSet<>();
    g.problems()
        .forEach(
            p -> {
              String code = GROUP_ERRORS.get(p.code());
              if (code != null) {
                groupCodes.add(code);
              }
            });
    String status;
    if (accepted == 0 && received > 0) {
      status = "R";
    } else if (accepted < received) {
      status = "P";
    } else if (errorsNoted > 0 || !groupCodes.isEmpty()) {
      status = "E";
    } else {
      status = "A";
    }
    List<String> ak9 =
        new ArrayList<>(
            List.of(
                "AK9",
                status,
                Integer.toString(received),
                Integer.toString(received),
                Integer.toString(accepted)));
    groupCodes.stream().limit(5).forEach(ak9::add);
    segments.add(String.join("*", ak9));
    segments.add("SE*" + (segments.size() - start + 1) + "*" + control);
  }

  private static String pad(String value, int width) {
    if (value.length() >= width) {
      return value.substring(0, width);
    }
    return value + " ".repeat(width - value.length());
  }
}
