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
 * errors noted, R rejected), AK9 for the group (A, E, P, R). The TA1, IK5 and AK9 codes of envelope
 * defects come from {@link EnvelopeDefects}; an interchange whose transaction sets were refused for
 * an ISA defect gets a TA1 with status R and no 999.
 *
 * <p>Written with the sender's delimiters (element, component and repetition separator, segment
 * terminator, control characters included), so the sender reads it as it writes; a line break
 * follows each segment when the terminator is a printable character. An interchange without a
 * repetition separator (ISA11 'U' before 00402) gets the first of {@code ^ { } ! `} it does not
 * use.
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

  private static final EnvelopeDefects DEFECTS = EnvelopeDefects.standard();

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
    Delimiters d = ic.delimiters();
    char e = d.element();
    String control = String.format("%09d", controlNumbers.getAsLong() % 1_000_000_000L);
    List<String> segments = new ArrayList<>();
    segments.add(
        join(
            e,
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
            String.valueOf(repetition(d)),
            "00501",
            control,
            "0",
            "T".equals(ic.isa(15)) ? "T" : "P",
            String.valueOf(d.component())));
    Ta1 ta1 = ta1(ic, e, now);
    boolean refused = "R".equals(ta1.status());
    if ("1".equals(ic.isa(14)) || !ic.problems().isEmpty() || !"A".equals(ta1.status())) {
      segments.add(ta1.segment());
    }
    List<Group> groups = refused ? List.of() : ic.groups();
    if (!groups.isEmpty()) {
      Group first = groups.get(0);
      segments.add(
          join(
              e,
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
        ack999(g, String.format("%04d", st), e, segments);
      }
      segments.add(join(e, "GE", Integer.toString(st), Long.toString(Long.parseLong(control))));
    }
    segments.add(join(e, "IEA", groups.isEmpty() ? "0" : "1", control));
    String terminator =
        d.newlineTerminated()
            ? "\n"
            : d.segment() >= ' ' && d.segment() < 0x7f
                ? d.segment() + "\n"
                : String.valueOf(d.segment());
    for (String s : segments) {
      out.append(s).append(terminator);
    }
  }

  /** The sender's repetition separator, or the first candidate its delimiters leave free. */
  private static char repetition(Delimiters d) {
    if (d.repetition() != Delimiters.NONE) {
      return d.repetition();
    }
    for (char c : new char[] {'^', '{', '}', '!', '`'}) {
      if (c != d.element() && c != d.component() && c != d.segment()) {
        return c;
      }
    }
    throw new IllegalStateException("no free repetition separator"); // five candidates, three taken
  }

  private static String join(char separator, String... parts) {
    return String.join(String.valueOf(separator), parts);
  }

  /** A TA1 segment and its TA104 status. */
  private record Ta1(String segment, String status) {}

  /**
   * The TA1 of an interchange (status A, E or R and the first note code); interchange defects are
   * those of the interchange and those its transaction sets were refused with.
   */
  private static Ta1 ta1(Interchange ic, char e, LocalDateTime now) {
    List<X12Problem> problems = new ArrayList<>(ic.problems());
    for (Group g : ic.groups()) {
      for (TransactionSet tx : g.transactions()) {
        for (X12Problem p : tx.problems()) {
          DEFECTS
              .find(p.code())
              .filter(d -> d.scope() == EnvelopeDefects.Scope.INTERCHANGE)
              .ifPresent(d -> problems.add(p));
        }
      }
    }
    X12Problem noted = null;
    for (X12Problem p : problems) {
      EnvelopeDefects.Defect d = DEFECTS.find(p.code()).orElse(null);
      if (d == null || d.ta1().isEmpty()) {
        continue;
      }
      if (noted == null
          || (p.isError() && !noted.isError())
          || (p.isError() == noted.isError()
              && DEFECTS.rank(p.code()) < DEFECTS.rank(noted.code()))) {
        noted = p;
      }
    }
    boolean errors = noted != null;
    boolean refused = errors && noted.isError();
    String note = errors ? DEFECTS.get(noted.code()).ta1() : "000";
    String status = refused ? "R" : errors ? "E" : "A";
    return new Ta1(
        join(
            e,
            "TA1",
            ic.controlNumber(),
            ta1Date(ic.isa(9), now),
            ta1Time(ic.isa(10), now),
            status,
            note),
        status);
  }

  /** ISA09 as TA102 needs it (YYMMDD): an 8-digit CCYYMMDD loses its century. */
  private static String ta1Date(String isa09, LocalDateTime now) {
    if (isa09.matches("\\d{6}")) {
      return isa09;
    }
    return isa09.matches("\\d{8}") ? isa09.substring(2) : now.format(YYMMDD);
  }

  /** ISA10 as TA103 needs it (HHMM); a time that is none is answered with the time of writing. */
  private static String ta1Time(String isa10, LocalDateTime now) {
    String hhmm = isa10.matches("\\d{6}") ? isa10.substring(0, 4) : isa10;
    return hhmm.matches("([01]\\d|2[0-3])[0-5]\\d") ? hhmm : now.format(HHMM);
  }

  private static void ack999(Group g, String control, char e, List<String> segments) {
    int start = segments.size();
    segments.add(join(e, "ST", "999", control, "005010X231A1"));
    segments.add(join(e, "AK1", g.gs(1), g.gs(6), g.gs(8)));
    int accepted = 0;
    int errorsNoted = 0;
    for (TransactionSet tx : g.transactions()) {
      segments.add(
          tx.version().isEmpty()
              ? join(e, "AK2", tx.setId(), tx.controlNumber())
              : join(e, "AK2", tx.setId(), tx.controlNumber(), tx.version()));
      Set<String> txCodes = new LinkedHashSet<>();
      for (X12Problem p : tx.problems()) {
        EnvelopeDefects.Defect defect = DEFECTS.find(p.code()).orElse(null);
        if (defect != null && !defect.ik502().isEmpty()) {
          txCodes.add(defect.ik502());
          continue;
        }
        if (defect != null && defect.scope() == EnvelopeDefects.Scope.INTERCHANGE) {
          continue; // told by the TA1
        }
        if (p.segmentPosition() <= 0 || p.segmentId().isEmpty()) {
          continue;
        }
        String segmentError = SEGMENT_ERRORS.getOrDefault(p.code(), "8");
        segments.add(
            join(
                e,
                "IK3",
                p.segmentId().length() > 3 ? p.segmentId().substring(0, 3) : p.segmentId(),
                Integer.toString(p.segmentPosition()),
                "",
                segmentError));
        if ("8".equals(segmentError) && p.elementPosition() > 0) {
          segments.add(
              join(
                  e,
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
      segments.add(String.join(String.valueOf(e), ik5));
    }
    int received = g.transactions().size();
    Set<String> groupCodes = new LinkedHashSet<>();
    g.problems()
        .forEach(
            p ->
                DEFECTS
                    .find(p.code())
                    .filter(d -> !d.ak905().isEmpty())
                    .ifPresent(d -> groupCodes.add(d.ak905())));
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
    segments.add(String.join(String.valueOf(e), ak9));
    segments.add(join(e, "SE", Integer.toString(segments.size() - start + 1), control));
  }

  private static String pad(String value, int width) {
    if (value.length() >= width) {
      return value.substring(0, width);
    }
    return value + " ".repeat(width - value.length());
  }
}
