package dev.x12gw.controlroom;

import dev.x12gw.domain.classification.RecoveryPathway;
import dev.x12gw.domain.classification.RootCause;
import dev.x12gw.domain.codes.CodeKind;
import dev.x12gw.domain.controlroom.EvidencePacket;
import dev.x12gw.domain.controlroom.EvidencePacket.ClaimRef;
import dev.x12gw.domain.controlroom.EvidencePacket.CodeLine;
import dev.x12gw.domain.controlroom.EvidencePacket.Deadline;
import dev.x12gw.domain.controlroom.EvidencePacket.Decision;
import dev.x12gw.domain.controlroom.EvidencePacket.NsaDispute;
import dev.x12gw.domain.controlroom.EvidencePacket.Payer;
import dev.x12gw.domain.controlroom.EvidencePacket.Provider;
import dev.x12gw.domain.finding.RecordType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The evidence packet of one finding as a PDF a biller mails to the payer: page 1 sums up the
 * claim, the amounts, the decision, the codes and the deadlines (and, for a No Surprises Act case,
 * what a federal IDR initiation asks for); the original 837 and 835 segments follow as attachments.
 *
 * <p>Uses the Standard 14 fonts only (nothing embedded): Helvetica for text, Courier for X12. Their
 * WinAnsi encoding cannot show every character, so text is mapped first ({@link #winAnsi}): the
 * common typographic characters to ASCII, anything else unencodable to {@code ?}; rendering never
 * fails on odd input. The same packet always gives the same bytes (the dates come from the packet's
 * as-of date, not the clock).
 */
public final class EvidencePacketPdf {
  private static final PDRectangle PAGE = PDRectangle.LETTER;
  private static final float MARGIN = 54;
  private static final float LEFT = MARGIN;
  private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;
  private static final float TOP = PAGE.getHeight() - MARGIN;

  /** Content never goes below this; the footer sits under it. */
  private static final float BOTTOM = 64;

  private static final float FOOTER_RULE = 50;
  private static final float FOOTER_TEXT = 38;
  private static final float HEADER_TEXT = PAGE.getHeight() - 34;
  private static final float HEADER_RULE = PAGE.getHeight() - 40;

  private static final float[] BLACK = {0.10f, 0.10f, 0.12f};
  private static final float[] NAVY = {0.09f, 0.20f, 0.40f};
  private static final float[] GREY = {0.40f, 0.42f, 0.46f};
  private static final float[] LIGHT = {0.80f, 0.82f, 0.86f};
  private static final float[] SHADE = {0.93f, 0.94f, 0.96f};
  private static final float[] RED = {0.72f, 0.09f, 0.09f};
  private static final float[] AMBER = {0.66f, 0.38f, 0.00f};

  /** A deadline this close is shown in amber. */
  private static final long URGENT_DAYS = 7;

  private static final float KEY_WIDTH = 150;
  private static final float BULLET_INDENT = 11;
  private static final float MONO_SIZE = 8;
  private static final float MONO_LEADING = 10.4f;
  private static final float GUTTER = 30;

  /** A section no taller than this is not split across pages. */
  private static final float KEEP_TOGETHER = 200;

  private static final String DASH = "\u2014";

  /** The PDF of the packet. */
  public byte[] render(EvidencePacket p) {
    try (PDDocument doc = new PDDocument()) {
      Fonts fonts = new Fonts();
      Layout out = new Layout(doc);
      out.newPage();
      new Sections(p, out, fonts).write();
      out.close();
      decorate(doc, p, fonts);
      properties(doc, p);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      doc.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the evidence packet as PDF", e);
    }
  }

  /**
   * The document's title by what the biller does with it and what was found, e.g. {@code Appeal
   * evidence — Claim denial}, {@code No Surprises Act dispute evidence — Underpayment}.
   */
  public static String title(EvidencePacket p) {
    String purpose =
        switch (p.decision().recoveryPathway()) {
          case APPEAL -> "Appeal evidence";
          case CORRECT_AND_RESUBMIT -> "Corrected claim evidence";
          case ESCALATE_DISPUTE ->
              p.nsaDispute() != null ? "No Surprises Act dispute evidence" : "Dispute evidence";
          case CLOSE_OUT -> "Close-out evidence";
        };
    return purpose + " " + DASH + " " + typeLabel(p.recordType());
  }

  private static String typeLabel(RecordType type) {
    return switch (type) {
      case CLAIM_DENIAL -> "Claim denial";
      case LINE_DENIAL -> "Line denial";
      case UNDERPAYMENT -> "Underpayment";
      case RECOUPMENT -> "Recoupment";
      default -> words(type.name());
    };
  }

  private static String rootCauseLabel(RootCause cause) {
    return switch (cause) {
      case FRONT_DESK -> "Front desk (registration, eligibility, coordination of benefits)";
      case PRE_SERVICE -> "Pre-service (authorization, referral, medical necessity)";
      case CLINICAL_DOCUMENTATION -> "Clinical documentation";
      case CODING -> "Coding (procedure, diagnosis, modifiers)";
      case BILLING -> "Billing (timely filing, duplicates, claim edits, enrollment)";
      case PAYER_BEHAVIOR -> "Payer behavior (payer policy or pricing)";
    };
  }

  private static String pathwayLabel(RecoveryPathway pathway) {
    return switch (pathway) {
      case CORRECT_AND_RESUBMIT -> "Correct and resubmit the claim";
      case APPEAL -> "Appeal: ask the payer to reconsider, with this evidence";
      case ESCALATE_DISPUTE ->
          "Escalate: No Surprises Act open negotiation, then federal IDR if it fails";
      case CLOSE_OUT -> "Close out: write off or bill the patient";
    };
  }

  private static String codeKindLabel(CodeKind kind) {
    return switch (kind) {
      case CARC -> "CARC";
      case RARC -> "RARC";
      case GROUP -> "Group";
      case PLB_REASON -> "PLB";
    };
  }

  /** {@code COORDINATION_OF_BENEFITS} as {@code Coordination of benefits}. */
  static String words(String constant) {
    String s = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** An amount with grouping and two decimals (more when the payer sent more), or a dash. */
  static String money(BigDecimal amount) {
    if (amount == null) {
      return DASH;
    }
    DecimalFormat f =
        new DecimalFormat("#,##0.00####", DecimalFormatSymbols.getInstance(Locale.US));
    return f.format(amount);
  }

  private static String dates(LocalDate from, LocalDate to) {
    if (from == null) {
      return "not known";
    }
    return from.equals(to) ? from.toString() : from + " to " + to;
  }

  /** How far off a deadline is, e.g. {@code 134 days}, {@code last day today}, {@code passed}. */
  static String daysLeft(long days) {
    if (days > 1) {
      return days + " days";
    }
    if (days == 1) {
      return "1 day";
    }
    if (days == 0) {
      return "0 days (last day today)";
    }
    return days + " days (PASSED " + -days + (days == -1 ? " day ago)" : " days ago)");
  }

  // ---------------------------------------------------------------------------------------------
  // Text the Standard 14 fonts can show
  // ---------------------------------------------------------------------------------------------

  /** Characters WinAnsi lacks, as what a reader expects to see. */
  private static final Map<Integer, String> REPLACEMENTS =
      Map.ofEntries(
          Map.entry(0x2212, "-"), // minus sign
          Map.entry(0x2010, "-"), // hyphen
          Map.entry(0x2011, "-"), // non-breaking hyphen
          Map.entry(0x2012, "-"), // figure dash
          Map.entry(0x2015, "\u2014"), // horizontal bar
          Map.entry(0x2192, "->"),
          Map.entry(0x2190, "<-"),
          Map.entry(0x2194, "<->"),
          Map.entry(0x21D2, "=>"),
          Map.entry(0x2265, ">="),
          Map.entry(0x2264, "<="),
          Map.entry(0x2260, "!="),
          Map.entry(0x2248, "~"),
          Map.entry(0x2032, "'"), // prime
          Map.entry(0x2033, "\""), // double prime
          Map.entry(0x2044, "/"), // fraction slash
          Map.entry(0x2215, "/"), // division slash
          Map.entry(0x2217, "*"), // asterisk operator
          Map.entry(0x2027, "\u00b7"), // hyphenation point
          Map.entry(0x00A0, " "), // no-break space
          Map.entry(0x2002, " "),
          Map.entry(0x2003, " "),
          Map.entry(0x2007, " "),
          Map.entry(0x2009, " "),
          Map.entry(0x202F, " "),
          Map.entry(0x00AD, ""), // soft hyphen
          Map.entry(0x200B, ""), // zero-width space
          Map.entry(0x200C, ""),
          Map.entry(0x200D, ""),
          Map.entry(0xFEFF, ""), // byte order mark
          Map.entry(0x2713, "v"), // check mark
          Map.entry(0x2714, "v"));

  private static final PDFont PROBE = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private static final PDFont PROBE_MONO = new PDType1Font(Standard14Fonts.FontName.COURIER);
  private static final Map<Integer, Boolean> ENCODABLE = new ConcurrentHashMap<>();

  /**
   * {@code s} as text Helvetica and Courier can show (WinAnsi): composed (NFC), the characters of
   * {@link #REPLACEMENTS} replaced, tabs and line breaks as spaces, anything else they cannot show
   * as {@code ?}.
   */
  static String winAnsi(String s) {
    if (s == null) {
      return "";
    }
    String composed = Normalizer.normalize(s, Normalizer.Form.NFC);
    StringBuilder b = new StringBuilder(composed.length());
    composed
        .codePoints()
        .forEach(
            cp -> {
              String replacement = REPLACEMENTS.get(cp);
              if (replacement != null) {
                b.append(replacement);
              } else if (cp == '\t' || cp == '\n' || cp == '\r') {
                b.append(' ');
              } else if (cp >= 0x20 && cp < 0x7F) {
                b.append((char) cp);
              } else if (cp > 0x9F && ENCODABLE.computeIfAbsent(cp, EvidencePacketPdf::encodable)) {
                b.appendCodePoint(cp);
              } else {
                b.append('?');
              }
            });
    return b.toString();
  }

  private static boolean encodable(int cp) {
    String c = new String(Character.toChars(cp));
    try {
      PROBE.encode(c);
      PROBE_MONO.encode(c);
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Sections
  // ---------------------------------------------------------------------------------------------

  private static final class Sections {
    private final EvidencePacket p;
    private final Layout out;
    private final Fonts f;

    Sections(EvidencePacket p, Layout out, Fonts fonts) {
      this.p = p;
      this.out = out;
      this.f = fonts;
    }

    void write() throws IOException {
      titleBlock();
      summary();
      amounts();
      deadlines();
      decision();
      codes();
      contract();
      nsa();
      out.newPage();
      x12(
          "Attachment A " + DASH + " 837 claim as submitted",
          p.claimSegments(),
          "The gateway has not received the 837 claim for this finding.");
      out.gap(10);
      x12(
          "Attachment B " + DASH + " 835 remittance as received",
          p.remittanceSegments(),
          "No 835 segments are stored for this finding.");
    }

    private void titleBlock() throws IOException {
      Style title = new Style(f.bold, 18, NAVY);
      for (String line : out.wrap(EvidencePacketPdf.title(p), title, WIDTH)) {
        out.line(line, title, LEFT, 23);
      }
      out.gap(2);
      Style sub = new Style(f.regular, 9, GREY);
      String subtitle =
          "Record "
              + p.recordId()
              + "  \u00b7  "
              + typeLabel(p.recordType())
              + "  \u00b7  prepared "
              + p.asOf();
      for (String line : out.wrap(subtitle, sub, WIDTH)) {
        out.line(line, sub, LEFT, 12);
      }
      out.gap(6);
      out.rule(LEFT, LEFT + WIDTH, out.y, 1.5f, NAVY);
      out.gap(4);
    }

    private void summary() throws IOException {
      ClaimRef c = p.claim();
      List<String[]> rows = new ArrayList<>();
      rows.add(row("Payer", payer(p.payer())));
      rows.add(row("Billing provider", provider(p.provider())));
      rows.add(row("Patient control number", orUnknown(c.patientControlNumber())));
      rows.add(row("Payer claim number", orUnknown(c.payerClaimNumber())));
      rows.add(row("Dates of service", dates(c.serviceFrom(), c.serviceTo())));
      String service;
      if (c.lineNumber() != null) {
        service =
            "Line "
                + c.lineNumber()
                + (c.serviceCode() != null ? ", " + c.serviceCode() : "")
                + " (line-level finding)";
      } else if (c.serviceCode() != null) {
        service = c.serviceCode();
      } else {
        service = "The whole claim (claim-level finding)";
      }
      rows.add(row("Service", service));
      keyValues("Claim", rows);
    }

    private void amounts() throws IOException {
      EvidencePacket.Amounts a = p.amounts();
      String[] labels = {
        "Billed", "Paid", "At stake", "Expected recovery", "Labor cost", "Priority"
      };
      BigDecimal[] values = {
        a.billed(), a.paid(), a.atStake(), a.expectedRecovery(), a.laborCost(), a.priority()
      };
      float[] widths = new float[labels.length];
      boolean[] right = new boolean[labels.length];
      List<Cell> header = new ArrayList<>();
      List<Cell> row = new ArrayList<>();
      for (int i = 0; i < labels.length; i++) {
        // "Expected recovery" on one line
        widths[i] = i == 3 ? 104 : (WIDTH - 104) / (labels.length - 1);
        right[i] = true;
        header.add(Cell.text(labels[i], headerStyle()));
        row.add(
            Cell.text(
                money(values[i]),
                i == 2 ? new Style(f.bold, 10, BLACK) : new Style(f.regular, 10, BLACK)));
      }
      table("Amounts (USD)", widths, right, header, List.of(row));
    }

    private void decision() throws IOException {
      Decision d = p.decision();
      List<List<Cell>> rows = new ArrayList<>();
      rows.add(kv("Denial family", words(d.denialFamily().name())));
      rows.add(kv("Root cause", rootCauseLabel(d.rootCause())));
      rows.add(kv("Preventable", d.preventable() ? "Yes" : "No"));
      rows.add(kv("Recovery pathway", pathwayLabel(d.recoveryPathway())));
      rows.add(kv("Rule", d.ruleId()));
      if (!d.rationale().isEmpty()) {
        rows.add(kv("Rationale", d.rationale()));
      }
      if (!d.evidence().isEmpty()) {
        rows.add(List.of(keyCell("Evidence"), Cell.bullets(d.evidence(), valueStyle())));
      }
      table(
          "Decision", new float[] {KEY_WIDTH, WIDTH - KEY_WIDTH}, new boolean[2], null, rows, true);
    }

    private void codes() throws IOException {
      if (p.codes().isEmpty()) {
        return;
      }
      List<List<Cell>> rows = new ArrayList<>();
      for (CodeLine c : p.codes()) {
        rows.add(
            List.of(
                Cell.text(codeKindLabel(c.kind()), valueStyle()),
                Cell.text(c.code(), new Style(f.bold, 9.5f, BLACK)),
                c.description() != null
                    ? Cell.text(c.description(), valueStyle())
                    : Cell.text("(not in the code tables)", new Style(f.italic, 9.5f, GREY)),
                Cell.text(c.amount() != null ? money(c.amount()) : "", valueStyle())));
      }
      table(
          "Adjustment and remark codes",
          new float[] {48, 52, WIDTH - 48 - 52 - 84, 84},
          new boolean[] {false, false, false, true},
          List.of(
              Cell.text("Kind", headerStyle()),
              Cell.text("Code", headerStyle()),
              Cell.text("Description", headerStyle()),
              Cell.text("Amount", headerStyle())),
          rows);
    }

    private void deadlines() throws IOException {
      if (p.deadlines().isEmpty()) {
        return;
      }
      List<List<Cell>> rows = new ArrayList<>();
      for (Deadline d : p.deadlines()) {
        long days = p.daysLeft(d);
        // passed in red, the last week in amber
        Style plain =
            days < 0
                ? new Style(f.bold, 9.5f, RED)
                : days <= URGENT_DAYS ? new Style(f.bold, 9.5f, AMBER) : valueStyle();
        rows.add(
            List.of(
                Cell.text(d.name(), plain),
                Cell.text(d.date().toString(), plain),
                Cell.text(daysLeft(days), plain)));
      }
      table(
          "Deadlines",
          new float[] {WIDTH - 90 - 150, 90, 150},
          new boolean[] {false, false, true},
          List.of(
              Cell.text("Deadline", headerStyle()),
              Cell.text("Date", headerStyle()),
              Cell.text("Days left from " + p.asOf(), headerStyle())),
          rows);
    }

    private void contract() throws IOException {
      if (p.contractBasis() == null) {
        return;
      }
      String title =
          p.nsaDispute() != null ? "Target the payment was measured against" : "Contract";
      List<String> lines = out.wrap(p.contractBasis(), valueStyle(), WIDTH - 2 * Table.PAD_X);
      heading(title, Math.min(lines.size(), 3) * valueStyle().leading());
      paragraph(p.contractBasis(), valueStyle());
    }

    private void nsa() throws IOException {
      NsaDispute n = p.nsaDispute();
      if (n == null) {
        return;
      }
      List<List<Cell>> rows = new ArrayList<>();
      rows.add(kv("Initiating party", provider(n.initiatingParty())));
      rows.add(kv("Non-initiating party", payer(n.nonInitiatingParty())));
      rows.add(
          kv(
              "Item or service",
              n.serviceCode()
                  + " on "
                  + n.serviceDate()
                  + (n.placeOfService() != null
                      ? ", place of service " + n.placeOfService()
                      : ", place of service not known")));
      rows.add(kv("Network status", words(n.network().name())));
      rows.add(kv("Initial payment or denial", n.initialDecisionDate().toString()));
      rows.add(
          kv(
              "Open negotiation deadline",
              n.openNegotiationDeadline()
                  + " ("
                  + daysLeft(n.openNegotiationDeadline().toEpochDay() - p.asOf().toEpochDay())
                  + ")"));
      rows.add(
          kv(
              "IDR initiation, latest",
              n.idrInitiationOuterDeadline()
                  + " ("
                  + daysLeft(n.idrInitiationOuterDeadline().toEpochDay() - p.asOf().toEpochDay())
                  + ")"));
      rows.add(
          kv(
              "Qualifying payment amount",
              n.qpa() == null
                  ? "not known"
                  : money(n.qpa()) + (n.qpaSource() != null ? " (" + n.qpaSource() + ")" : "")));
      if (!n.basis().isEmpty()) {
        rows.add(List.of(keyCell("Why it qualifies"), Cell.bullets(n.basis(), valueStyle())));
      }
      if (n.disputeBatchKey() != null) {
        rows.add(kv("Dispute batch key", n.disputeBatchKey()));
      }
      table(
          "No Surprises Act " + DASH + " federal IDR initiation",
          new float[] {KEY_WIDTH, WIDTH - KEY_WIDTH},
          new boolean[2],
          null,
          rows,
          true);
    }

    private void x12(String title, List<String> segments, String none) throws IOException {
      heading(
          title + (segments.isEmpty() ? "" : " (" + segments.size() + " segments)"),
          3 * MONO_LEADING);
      if (segments.isEmpty()) {
        paragraph(none, new Style(f.italic, 9.5f, GREY));
        return;
      }
      Style mono = new Style(f.mono, MONO_SIZE, BLACK);
      Style number = new Style(f.mono, MONO_SIZE, GREY);
      int perLine = (int) ((WIDTH - GUTTER) / (MONO_SIZE * 0.6f));
      int n = 0;
      for (String segment : segments) {
        n++;
        List<String> lines = monoWrap(winAnsi(segment) + "~", perLine);
        if (lines.size() <= 4) {
          out.ensure(lines.size() * MONO_LEADING);
        }
        for (int i = 0; i < lines.size(); i++) {
          out.ensure(MONO_LEADING);
          float baseline = out.y - MONO_LEADING + 2.5f;
          if (i == 0) {
            String num = Integer.toString(n);
            out.text(LEFT + GUTTER - 6 - Layout.width(num, number), baseline, num, number);
          }
          out.text(LEFT + GUTTER, baseline, lines.get(i), mono);
          out.y -= MONO_LEADING;
        }
      }
    }

    // -- building blocks ------------------------------------------------------------------------

    /** A section heading, on the page where the first {@code keep} points of what follows fit. */
    private void heading(String text, float keep) throws IOException {
      Style h = new Style(f.bold, 11.5f, NAVY);
      List<String> lines = out.wrap(text, h, WIDTH);
      out.ensure(14 + lines.size() * 15 + 6 + keep);
      if (out.y < TOP) {
        out.gap(14);
      }
      for (String line : lines) {
        out.line(line, h, LEFT, 15);
      }
      out.gap(2);
      out.rule(LEFT, LEFT + WIDTH, out.y, 0.6f, LIGHT);
      out.gap(4);
    }

    /** Text across the page, in line with the text of the tables. */
    private void paragraph(String text, Style style) throws IOException {
      out.gap(Table.PAD_Y_PLAIN);
      for (String line : out.wrap(text, style, WIDTH - 2 * Table.PAD_X)) {
        out.line(line, style, LEFT + Table.PAD_X, style.leading());
      }
    }

    private void keyValues(String title, List<String[]> rows) throws IOException {
      List<List<Cell>> cells = new ArrayList<>();
      for (String[] r : rows) {
        cells.add(kv(r[0], r[1]));
      }
      table(title, new float[] {KEY_WIDTH, WIDTH - KEY_WIDTH}, new boolean[2], null, cells, true);
    }

    private List<Cell> kv(String key, String value) {
      return List.of(keyCell(key), Cell.text(value, valueStyle()));
    }

    private Cell keyCell(String key) {
      return Cell.text(key, new Style(f.bold, 9, GREY));
    }

    private Style valueStyle() {
      return new Style(f.regular, 9.5f, BLACK);
    }

    private Style headerStyle() {
      return new Style(f.bold, 8.5f, GREY);
    }

    private void table(
        String title, float[] widths, boolean[] right, List<Cell> header, List<List<Cell>> rows)
        throws IOException {
      table(title, widths, right, header, rows, false);
    }

    /**
     * A section: its heading and a table. A short table stays with its heading on one page; a long
     * one starts where its first rows fit and continues on the next pages.
     */
    private void table(
        String title,
        float[] widths,
        boolean[] right,
        List<Cell> header,
        List<List<Cell>> rows,
        boolean plain)
        throws IOException {
      Table t = new Table(out, widths, right, header, plain);
      float height = t.tableHeight(rows);
      heading(title, height <= KEEP_TOGETHER ? height : 48);
      t.draw(rows);
    }

    private String payer(Payer payer) {
      return (payer.name().isEmpty() ? "(name not sent)" : payer.name())
          + " (payer ID "
          + payer.id()
          + ")";
    }

    private String provider(Provider provider) {
      return provider.name()
          + "  "
          + DASH
          + "  NPI "
          + orUnknown(provider.npi())
          + ", TIN "
          + orUnknown(provider.tin());
    }

    private static String orUnknown(String s) {
      return s == null ? "not known" : s;
    }

    private static String[] row(String key, String value) {
      return new String[] {key, value};
    }
  }

  /**
   * A segment in lines of at most {@code perLine} characters, broken after an element separator
   * near the end of a line when there is one, else at the limit; no character is lost.
   */
  static List<String> monoWrap(String segment, int perLine) {
    List<String> lines = new ArrayList<>();
    String rest = segment;
    while (rest.length() > perLine) {
      int cut = perLine;
      for (int i = perLine; i > perLine * 3 / 4; i--) {
        char c = rest.charAt(i - 1);
        if (c == '*' || c == ':' || c == '^' || c == '|') {
          cut = i;
          break;
        }
      }
      lines.add(rest.substring(0, cut));
      rest = rest.substring(cut);
    }
    lines.add(rest);
    return lines;
  }

  // ---------------------------------------------------------------------------------------------
  // Footer, running header, document properties
  // ---------------------------------------------------------------------------------------------

  private static void decorate(PDDocument doc, EvidencePacket p, Fonts f) throws IOException {
    int pages = doc.getNumberOfPages();
    Style small = new Style(f.regular, 8, GREY);
    String title = title(p);
    String who =
        (p.claim().patientControlNumber() != null
                ? "Claim " + p.claim().patientControlNumber() + "  \u00b7  "
                : "")
            + p.payer().name();
    for (int i = 0; i < pages; i++) {
      PDPage page = doc.getPage(i);
      try (PDPageContentStream cs =
          new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
        Layout.rule(cs, LEFT, LEFT + WIDTH, FOOTER_RULE, 0.5f, LIGHT);
        String left = p.recordId() + " " + DASH + " page " + (i + 1) + " of " + pages;
        Layout.text(cs, LEFT, FOOTER_TEXT, left, small);
        String right = "Generated " + p.asOf() + " by the x12 denial gateway";
        Layout.text(cs, LEFT + WIDTH - Layout.width(right, small), FOOTER_TEXT, right, small);
        if (i > 0) {
          Layout.rule(cs, LEFT, LEFT + WIDTH, HEADER_RULE, 0.5f, LIGHT);
          float whoWidth = Layout.width(who, small);
          String shownTitle = fit(title, small, WIDTH - whoWidth - 20);
          Layout.text(cs, LEFT, HEADER_TEXT, shownTitle, small);
          Layout.text(cs, LEFT + WIDTH - whoWidth, HEADER_TEXT, who, small);
        }
      }
    }
  }

  /** {@code s} cut with an ellipsis to fit {@code width}. */
  private static String fit(String s, Style style, float width) throws IOException {
    String t = winAnsi(s);
    if (Layout.width(t, style) <= width) {
      return t;
    }
    while (!t.isEmpty() && Layout.width(t + "\u2026", style) > width) {
      t = t.substring(0, t.length() - 1);
    }
    return t + "\u2026";
  }

  private static void properties(PDDocument doc, EvidencePacket p) {
    PDDocumentInformation info = doc.getDocumentInformation();
    info.setTitle(title(p) + " " + DASH + " record " + p.recordId());
    info.setSubject(
        "Evidence for "
            + typeLabel(p.recordType()).toLowerCase(Locale.ROOT)
            + " record "
            + p.recordId()
            + ": the 837 claim, the 835 payment, the rule and the deadlines");
    info.setCreator("x12 denial gateway");
    Calendar created = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
    created.clear();
    created.set(p.asOf().getYear(), p.asOf().getMonthValue() - 1, p.asOf().getDayOfMonth());
    info.setCreationDate(created);
    // the trailer's /ID is derived from this instead of the clock: same packet, same bytes
    doc.setDocumentId(((long) p.recordId().hashCode() << 32) ^ p.asOf().toEpochDay());
  }

  // ---------------------------------------------------------------------------------------------
  // Layout
  // ---------------------------------------------------------------------------------------------

  private static final class Fonts {
    final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    final PDFont italic = new PDType1Font(Standard14Fonts.FontName.HELVETICA_OBLIQUE);
    final PDFont mono = new PDType1Font(Standard14Fonts.FontName.COURIER);
  }

  private record Style(PDFont font, float size, float[] color) {
    float leading() {
      return size * 1.32f;
    }
  }

  /** A table cell: paragraphs (bulleted or not) in one style. */
  private record Cell(List<String> paragraphs, Style style, boolean bullets) {
    static Cell text(String text, Style style) {
      return new Cell(List.of(text == null ? "" : text), style, false);
    }

    static Cell bullets(List<String> items, Style style) {
      return new Cell(items, style, true);
    }
  }

  /** One wrapped line of a cell. */
  private record CellLine(String text, boolean bullet, float indent) {}

  /** The page being written, the position on it, and how text is wrapped and drawn. */
  private static final class Layout {
    private final PDDocument doc;
    private PDPageContentStream cs;

    /** The top of the free space on the page. */
    float y;

    Layout(PDDocument doc) {
      this.doc = doc;
    }

    void newPage() throws IOException {
      close();
      PDPage page = new PDPage(PAGE);
      doc.addPage(page);
      cs = new PDPageContentStream(doc, page);
      y = TOP;
    }

    void close() throws IOException {
      if (cs != null) {
        cs.close();
        cs = null;
      }
    }

    /** Starts a new page unless {@code height} fits above the bottom margin. */
    void ensure(float height) throws IOException {
      if (y - height < BOTTOM) {
        newPage();
      }
    }

    /** Vertical space; at the bottom of a page it is not carried over to the next one. */
    void gap(float height) throws IOException {
      if (y - height < BOTTOM) {
        newPage();
      } else {
        y -= height;
      }
    }

    /** One line of text in a box of {@code leading} height starting at {@link #y}. */
    void line(String text, Style style, float x, float leading) throws IOException {
      ensure(leading);
      text(x, baseline(y, style, leading), text, style);
      y -= leading;
    }

    static float baseline(float top, Style style, float leading) {
      // glyphs rise about 0.72 em above the baseline and drop 0.21 em below: centre them
      return top - leading / 2 - 0.255f * style.size();
    }

    void text(float x, float baseline, String text, Style style) throws IOException {
      text(cs, x, baseline, text, style);
    }

    static void text(PDPageContentStream cs, float x, float baseline, String text, Style style)
        throws IOException {
      cs.beginText();
      cs.setFont(style.font(), style.size());
      cs.setNonStrokingColor(style.color()[0], style.color()[1], style.color()[2]);
      cs.newLineAtOffset(x, baseline);
      cs.showText(winAnsi(text));
      cs.endText();
    }

    void rule(float x1, float x2, float at, float thickness, float[] color) throws IOException {
      rule(cs, x1, x2, at, thickness, color);
    }

    static void rule(
        PDPageContentStream cs, float x1, float x2, float at, float thickness, float[] color)
        throws IOException {
      cs.setStrokingColor(color[0], color[1], color[2]);
      cs.setLineWidth(thickness);
      cs.moveTo(x1, at);
      cs.lineTo(x2, at);
      cs.stroke();
    }

    void fill(float x, float top, float w, float h, float[] color) throws IOException {
      cs.setNonStrokingColor(color[0], color[1], color[2]);
      cs.addRect(x, top - h, w, h);
      cs.fill();
    }

    static float width(String text, Style style) throws IOException {
      return style.font().getStringWidth(winAnsi(text)) / 1000f * style.size();
    }

    /** Text in lines no wider than {@code width}: at spaces, else within a word too long. */
    List<String> wrap(String text, Style style, float width) throws IOException {
      List<String> lines = new ArrayList<>();
      for (String paragraph : (text == null ? "" : text).split("\r\n|\r|\n", -1)) {
        String[] words = winAnsi(paragraph).strip().split(" +");
        StringBuilder line = new StringBuilder();
        for (String word : words) {
          if (word.isEmpty()) {
            continue;
          }
          String candidate = line.length() == 0 ? word : line + " " + word;
          if (width(candidate, style) <= width) {
            line.setLength(0);
            line.append(candidate);
            continue;
          }
          if (line.length() > 0) {
            lines.add(line.toString());
            line.setLength(0);
          }
          String rest = word;
          while (width(rest, style) > width) {
            int cut = 1;
            while (cut < rest.length() && width(rest.substring(0, cut + 1), style) <= width) {
              cut++;
            }
            lines.add(rest.substring(0, cut));
            rest = rest.substring(cut);
          }
          line.append(rest);
        }
        lines.add(line.toString());
      }
      return lines;
    }

    List<CellLine> wrap(Cell cell, float width) throws IOException {
      List<CellLine> lines = new ArrayList<>();
      for (String paragraph : cell.paragraphs()) {
        if (cell.bullets()) {
          boolean first = true;
          for (String l : wrap(paragraph, cell.style(), width - BULLET_INDENT)) {
            lines.add(new CellLine(l, first, BULLET_INDENT));
            first = false;
          }
        } else {
          for (String l : wrap(paragraph, cell.style(), width)) {
            lines.add(new CellLine(l, false, 0));
          }
        }
      }
      return lines;
    }
  }

  /**
   * A table drawn row by row and, within a row, line by line: a row that does not fit continues on
   * the next page under the repeated header, so no text ever runs off a page.
   */
  private static final class Table {
    static final float PAD_X = 5;
    static final float PAD_Y_PLAIN = 1.6f;

    private final Layout out;
    private final float[] widths;
    private final boolean[] right;
    private final List<Cell> header;
    private final boolean plain;
    private final float padY;

    Table(Layout out, float[] widths, boolean[] right, List<Cell> header, boolean plain) {
      this.out = out;
      this.widths = widths;
      this.right = right;
      this.header = header;
      this.plain = plain;
      this.padY = plain ? PAD_Y_PLAIN : 4;
    }

    void draw(List<List<Cell>> rows) throws IOException {
      if (header != null) {
        // the header with at least a line of the first row
        out.ensure(height(header) + 2 * padY + 14);
        drawHeader();
      }
      for (List<Cell> row : rows) {
        drawRow(row);
      }
    }

    /** The height of the whole table: header and rows. */
    float tableHeight(List<List<Cell>> rows) throws IOException {
      float h = header != null ? height(header) + 2 * padY : 0;
      for (List<Cell> row : rows) {
        h += height(row) + 2 * padY;
      }
      return h;
    }

    private float height(List<Cell> row) throws IOException {
      return lines(row).stream().mapToInt(List::size).max().orElse(1) * leading(row);
    }

    private List<List<CellLine>> lines(List<Cell> row) throws IOException {
      List<List<CellLine>> lines = new ArrayList<>();
      for (int c = 0; c < row.size(); c++) {
        lines.add(out.wrap(row.get(c), widths[c] - 2 * PAD_X));
      }
      return lines;
    }

    private static float leading(List<Cell> row) {
      float leading = 0;
      for (Cell c : row) {
        leading = Math.max(leading, c.style().leading());
      }
      return leading;
    }

    private float totalWidth() {
      float w = 0;
      for (float x : widths) {
        w += x;
      }
      return w;
    }

    private void drawHeader() throws IOException {
      float h = height(header) + 2 * padY;
      out.fill(LEFT, out.y, totalWidth(), h, SHADE);
      drawLines(header, lines(header), 0, Integer.MAX_VALUE, leading(header), out.y - padY);
      out.y -= h;
      out.rule(LEFT, LEFT + totalWidth(), out.y, 0.6f, LIGHT);
    }

    private void drawRow(List<Cell> row) throws IOException {
      List<List<CellLine>> lines = lines(row);
      float leading = leading(row);
      int count = Math.max(1, lines.stream().mapToInt(List::size).max().orElse(1));
      // a short row stays together; a long one starts with at least three lines
      if (out.y - (Math.min(count, 3) * leading + 2 * padY) < BOTTOM) {
        continuePage();
      }
      out.y -= padY;
      int from = 0;
      while (from < count) {
        int fit = (int) Math.floor((out.y - padY - BOTTOM) / leading);
        if (fit < 1) {
          continuePage();
          out.y -= padY;
          continue;
        }
        int to = Math.min(count, from + fit);
        drawLines(row, lines, from, to, leading, out.y);
        out.y -= (to - from) * leading;
        from = to;
      }
      out.y -= padY;
      if (!plain) {
        out.rule(LEFT, LEFT + totalWidth(), out.y, 0.4f, LIGHT);
      }
    }

    private void continuePage() throws IOException {
      out.newPage();
      if (header != null) {
        drawHeader();
      }
    }

    private void drawLines(
        List<Cell> row, List<List<CellLine>> lines, int from, int to, float leading, float top)
        throws IOException {
      float x = LEFT;
      for (int c = 0; c < row.size(); c++) {
        Cell cell = row.get(c);
        List<CellLine> cellLines = lines.get(c);
        float lineTop = top;
        for (int i = from; i < Math.min(to, cellLines.size()); i++) {
          CellLine l = cellLines.get(i);
          float baseline = Layout.baseline(lineTop, cell.style(), leading);
          if (l.bullet()) {
            out.text(x + PAD_X, baseline, "\u2022", cell.style());
          }
          float tx =
              right[c]
                  ? x + widths[c] - PAD_X - Layout.width(l.text(), cell.style())
                  : x + PAD_X + l.indent();
          out.text(tx, baseline, l.text(), cell.style());
          lineTop -= leading;
        }
        x += widths[c];
      }
    }
  }
}
