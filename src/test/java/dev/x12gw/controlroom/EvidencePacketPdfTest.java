package dev.x12gw.controlroom;

import static dev.x12gw.controlroom.EvidencePacketSamples.AS_OF;
import static dev.x12gw.controlroom.EvidencePacketSamples.co197Denial;
import static dev.x12gw.controlroom.EvidencePacketSamples.date;
import static dev.x12gw.controlroom.EvidencePacketSamples.nsaUnderpayment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.domain.classification.DenialFamily;
import dev.x12gw.domain.classification.RecoveryPathway;
import dev.x12gw.domain.classification.RootCause;
import dev.x12gw.domain.codes.CodeKind;
import dev.x12gw.domain.controlroom.EvidencePacket;
import dev.x12gw.domain.controlroom.EvidencePacket.CodeLine;
import dev.x12gw.domain.controlroom.EvidencePacket.Deadline;
import dev.x12gw.domain.controlroom.EvidencePacket.Decision;
import dev.x12gw.domain.controlroom.EvidencePacket.Payer;
import dev.x12gw.domain.controlroom.EvidencePacket.Provider;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The evidence PDF read back as text: everything a payer needs is on it, on the page. */
class EvidencePacketPdfTest {
  private final EvidencePacketPdf pdf = new EvidencePacketPdf();

  @Test
  void aDenialPacketShowsTheClaimTheDecisionTheCodesTheDeadlineAndBothX12Parts()
      throws IOException {
    EvidencePacket p = co197Denial();
    byte[] bytes = pdf.render(p);
    assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      String firstPage = text(doc, 1, 1);
      assertThat(firstPage)
          .contains("Appeal evidence \u2014 Claim denial")
          .contains("ACME HEALTH PLAN (payer ID 87726)")
          .contains("GOOD HEALTH CLINIC")
          .contains("NPI 1234567893, TIN 371234567")
          .contains("PCN4001")
          .contains("ACME26012001")
          .contains("2026-10-05")
          .contains("The whole claim (claim-level finding)");
      // amounts: right-aligned, grouped, two decimals; the line under the header holds them all
      assertThat(firstPage)
          .containsPattern("1,450\\.00 0\\.00 1,450\\.00 652\\.50 60\\.00 592\\.50");
      assertThat(firstPage)
          .contains("Authorization")
          .contains("Payer behavior")
          .contains("Appeal: ask the payer to reconsider")
          .contains("AUTH-ON-CLAIM")
          .contains("appeal with the authorization on file.")
          .contains("\u2022 RARC N54")
          .contains("\u2022 claim: the 837 claim carries a REF*G1 prior authorization");
      assertThat(oneLine(firstPage))
          .contains(
              "CARC 197 Precertification/authorization/notification/pre-treatment absent."
                  + " 1,450.00")
          .contains("RARC N54 Claim information is inconsistent with pre-certified/authorized")
          .contains("Group CO Contractual Obligation");
      assertThat(firstPage)
          .contains("Appeal deadline (payment 2026-10-23 + 180 days) 2027-04-21 135 days");
      assertThat(firstPage).doesNotContain("No Surprises Act");

      String all = text(doc, 1, doc.getNumberOfPages());
      String compact = noSpace(all);
      assertThat(all).contains("Attachment A \u2014 837 claim as submitted (30 segments)");
      assertThat(all).contains("Attachment B \u2014 835 remittance as received (24 segments)");
      for (String segment : p.claimSegments()) {
        assertThat(compact).contains(noSpace(segment) + "~");
      }
      for (String segment : p.remittanceSegments()) {
        assertThat(compact).contains(noSpace(segment) + "~");
      }
      assertThat(all).contains("CLM*PCN4001*1450***11:B:1*Y*A*Y*Y~").contains("CAS*CO*197*1450~");
      assertFooters(doc, p.recordId());
    }
  }

  @Test
  void anNsaPacketShowsTheIdrInitiationFieldsAndTheClock() throws IOException {
    EvidencePacket p = nsaUnderpayment();
    try (PDDocument doc = Loader.loadPDF(pdf.render(p))) {
      String first = text(doc, 1, 1);
      String all = text(doc, 1, doc.getNumberOfPages());
      assertThat(first)
          .contains("No Surprises Act dispute evidence \u2014 Underpayment")
          .contains("Line 1, 99285 (line-level finding)");
      assertThat(first).containsPattern("1,200\\.00 320\\.00 730\\.00 292\\.00 200\\.00 92\\.00");
      assertThat(oneLine(all))
          .contains("CARC 45 Charge exceeds fee schedule/maximum allowable")
          .contains("CARC 45 Charge exceeds fee schedule/maximum allowable or 730.00")
          .contains("(Use only with Group Codes PR or CO depending upon liability)")
          .contains("RARC N877 Alert:This initial payment is provided in accordance")
          .contains("Open negotiation deadline 2026-12-21 14 days")
          .contains("Federal IDR initiation, latest 2027-02-09 64 days")
          .contains("target 1,200.00 for 99285 \u00d7 1 unit")
          .contains("No Surprises Act \u2014 federal IDR initiation")
          .contains(
              "Initiating party CITYWIDE EMERGENCY PHYSICIANS \u2014 NPI 1582036418, TIN 364455667")
          .contains("Non-initiating party SUMMIT MUTUAL HEALTH (payer ID 54771)")
          .contains("Item or service 99285 on 2026-10-05, place of service 23")
          .contains("Network status Out of network")
          .contains("Initial payment or denial 2026-11-06")
          .contains("Qualifying payment amount 780.00 (qpa.csv:5)")
          .contains("\u2022 EMERGENCY_PLACE_OF_SERVICE 23")
          .contains("Dispute batch key 920c484b-3276-8a2b-b6ee-c6ecb496c0bc")
          .contains("NSA-INITIAL-PAYMENT");
      assertThat(noSpace(all))
          .contains("CLP*PCN5301*1*1200*320*150*CI*SM26013301*23*1~")
          .contains("SV1*HC:99285*1200*UN*1***1**Y~");
      assertFooters(doc, p.recordId());
    }
  }

  @Test
  void aPassedDeadlineIsMarkedAndTheLastDayIsSaid() throws IOException {
    EvidencePacket p =
        withDeadlines(
            co197Denial(),
            List.of(
                new Deadline("Appeal deadline", date("2026-12-03")),
                new Deadline("Corrected claim deadline", AS_OF),
                new Deadline("Second-level appeal", date("2026-12-08"))));
    try (PDDocument doc = Loader.loadPDF(pdf.render(p))) {
      assertThat(text(doc, 1, doc.getNumberOfPages()))
          .contains("Appeal deadline 2026-12-03 -4 days (PASSED 4 days ago)")
          .contains("Corrected claim deadline 2026-12-07 0 days (last day today)")
          .contains("Second-level appeal 2026-12-08 1 day");
    }
  }

  @Test
  void threeHundredLongSegmentsRunOverSeveralPagesAndEveryOneIsThere() throws IOException {
    List<String> segments = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      segments.add(
          String.format("NTE*ADD*SEGMENT %04d X*", i)
              + "ABCDEFGHIJKLMNOPQRSTUVWXYZ*0123456789*".repeat(4 + i % 3));
    }
    EvidencePacket p = withSegments(co197Denial(), segments, segments);
    try (PDDocument doc = Loader.loadPDF(pdf.render(p))) {
      // 600 segments of two or three lines at about 70 lines a page
      assertThat(doc.getNumberOfPages()).isGreaterThan(10);
      String compact = noSpace(text(doc, 1, doc.getNumberOfPages()));
      for (String segment : segments) {
        String s = noSpace(segment) + "~";
        int first = compact.indexOf(s);
        assertThat(first).as(segment).isNotNegative();
        assertThat(compact.indexOf(s, first + 1)).as("the 835 copy of " + segment).isPositive();
      }
      assertFooters(doc, p.recordId());
    }
  }

  @Test
  void longTextWrapsWithinThePage() throws IOException {
    EvidencePacket p = longText();
    try (PDDocument doc = Loader.loadPDF(pdf.render(p))) {
      assertThat(doc.getNumberOfPages()).isGreaterThan(3);
      assertFooters(doc, p.recordId());
      String compact = noSpace(body(doc));
      assertThat(compact).contains(noSpace(p.decision().rationale()));
      for (String e : p.decision().evidence()) {
        assertThat(compact).contains(noSpace(e));
      }
    }
  }

  /** The denial with a rationale of 60 sentences and a 400-letter word, and 80 evidence lines. */
  private static EvidencePacket longText() {
    EvidencePacket base = co197Denial();
    Decision d = base.decision();
    List<String> evidence = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      evidence.add("evidence line " + i + ": " + "a fact the rule used, ".repeat(6));
    }
    return withDecision(
        base,
        new Decision(
            d.denialFamily(),
            d.rootCause(),
            d.preventable(),
            d.recoveryPathway(),
            d.ruleId(),
            "The payer denied the claim again. ".repeat(60) + "X".repeat(400),
            evidence));
  }

  @Test
  void oddCharactersNeverStopTheRendering() throws IOException {
    EvidencePacket base = co197Denial();
    Decision d = base.decision();
    String odd =
        "paid \u2192 0.00 \u2265 nothing \u2264 all \u2212 5 \u201cquoted\u201d \u2018single\u2019"
            + " \u2026 \u2013 \u2014 \u00d7 2 \uD83D\uDE91 ambulance \u60a3\u8005 caf\u0065\u0301"
            + " tab\there \u0000 nul \u200b zero-width \uFFFD";
    EvidencePacket p =
        new EvidencePacket(
            base.recordId(),
            base.recordType(),
            base.asOf(),
            new Payer("87726", "ACME \u4fdd\u9669 \uD83D\uDE00"),
            new Provider("GOOD HEALTH CLINIC \u2192 \u00c9LAN", "1234567893", null),
            base.claim(),
            base.amounts(),
            new Decision(
                d.denialFamily(),
                d.rootCause(),
                d.preventable(),
                d.recoveryPathway(),
                "RULE\u2192X",
                odd,
                List.of(odd, "line\nbreak")),
            List.of(new CodeLine(CodeKind.RARC, "N\u00b054", odd, null)),
            odd,
            List.of(new Deadline("Appeal \u2265 deadline \uD83D\uDE91", date("2027-01-01"))),
            null,
            List.of("NM1*QC*1*M\u00dcLLER*\u5f20\u4e09*\uD83D\uDE91"),
            List.of("REF*EA*\u2192\u2265"),
            null);
    try (PDDocument doc = Loader.loadPDF(pdf.render(p))) {
      String all = text(doc, 1, doc.getNumberOfPages());
      assertThat(all)
          .contains("paid -> 0.00 >= nothing <= all - 5 \u201cquoted\u201d \u2018single\u2019")
          .contains("\u2026 \u2013 \u2014 \u00d7 2 ? ambulance ?? caf\u00e9 tab here ? nul")
          .contains("ACME ?? ? (payer ID 87726)")
          .contains("GOOD HEALTH CLINIC -> \u00c9LAN")
          .contains("NPI 1234567893, TIN not known")
          .contains("RULE->X")
          .contains("Appeal >= deadline ?")
          .contains("NM1*QC*1*M\u00dcLLER*??*?~")
          .contains("REF*EA*->>=~");
    }
  }

  @Test
  void documentPropertiesNameThePacketAndTheSamePacketGivesTheSameBytes() throws IOException {
    EvidencePacket p = nsaUnderpayment();
    byte[] bytes = pdf.render(p);
    assertThat(pdf.render(nsaUnderpayment())).isEqualTo(bytes);
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      PDDocumentInformation info = doc.getDocumentInformation();
      assertThat(info.getTitle())
          .isEqualTo(
              "No Surprises Act dispute evidence \u2014 Underpayment \u2014 record "
                  + p.recordId());
      assertThat(info.getSubject()).contains("underpayment record " + p.recordId());
      Calendar created = info.getCreationDate();
      created.setTimeZone(TimeZone.getTimeZone("UTC"));
      assertThat(created.get(Calendar.YEAR)).isEqualTo(2026);
      assertThat(created.get(Calendar.MONTH)).isEqualTo(Calendar.DECEMBER);
      assertThat(created.get(Calendar.DAY_OF_MONTH)).isEqualTo(7);
    }
  }

  @Test
  void aClaimTheGatewayHasNotSeenSaysSo() throws IOException {
    EvidencePacket p = withSegments(co197Denial(), List.of(), co197Denial().remittanceSegments());
    try (PDDocument doc = Loader.loadPDF(pdf.render(p))) {
      assertThat(text(doc, 1, doc.getNumberOfPages()))
          .contains("The gateway has not received the 837 claim for this finding.")
          .contains("Attachment B \u2014 835 remittance as received (24 segments)");
    }
  }

  @Test
  void titlesFollowThePathway() {
    EvidencePacket denial = co197Denial();
    assertThat(EvidencePacketPdf.title(denial)).isEqualTo("Appeal evidence \u2014 Claim denial");
    assertThat(EvidencePacketPdf.title(nsaUnderpayment()))
        .isEqualTo("No Surprises Act dispute evidence \u2014 Underpayment");
    Decision d = denial.decision();
    EvidencePacket resubmit =
        withDecision(
            denial,
            new Decision(
                DenialFamily.AUTHORIZATION,
                RootCause.PRE_SERVICE,
                true,
                RecoveryPathway.CORRECT_AND_RESUBMIT,
                d.ruleId(),
                d.rationale(),
                d.evidence()));
    assertThat(EvidencePacketPdf.title(resubmit))
        .isEqualTo("Corrected claim evidence \u2014 Claim denial");
  }

  /**
   * Writes the sample packets (PDF, ZIP and the first pages as PNG) to the directory named by
   * {@code -Dpacket.png=}, to look at.
   */
  @Test
  @EnabledIfSystemProperty(named = "packet.png", matches = ".+")
  void writeSamplesToLookAt() throws IOException {
    Path dir = Path.of(System.getProperty("packet.png"));
    Files.createDirectories(dir);
    List<String> longSegments = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      longSegments.add(
          String.format("NTE*ADD*SEGMENT %04d X*", i)
              + "ABCDEFGHIJKLMNOPQRSTUVWXYZ*0123456789*".repeat(4 + i % 3));
    }
    EvidencePacket passed =
        withDeadlines(
            co197Denial(),
            List.of(
                new Deadline("Appeal deadline", date("2026-12-03")),
                new Deadline("Corrected claim deadline", AS_OF),
                new Deadline("Second-level appeal", date("2027-04-21"))));
    for (var e :
        java.util.Map.of(
                "denial",
                co197Denial(),
                "nsa",
                nsaUnderpayment(),
                "long",
                withSegments(nsaUnderpayment(), longSegments, longSegments),
                "passed",
                passed,
                "wrap",
                longText())
            .entrySet()) {
      byte[] rendered = pdf.render(e.getValue());
      Files.write(dir.resolve("packet-" + e.getKey() + ".pdf"), rendered);
      Files.write(
          dir.resolve("packet-" + e.getKey() + ".zip"),
          new EvidencePacketZip().write(e.getValue()));
      try (PDDocument doc = Loader.loadPDF(rendered)) {
        PDFRenderer renderer = new PDFRenderer(doc);
        int pages = Math.min(doc.getNumberOfPages(), 4);
        for (int i = 0; i < pages; i++) {
          BufferedImage image = renderer.renderImageWithDPI(i, 80);
          ImageIO.write(
              image, "png", dir.resolve("packet-" + e.getKey() + "-" + (i + 1) + ".png").toFile());
        }
      }
    }
  }

  // -- helpers ------------------------------------------------------------------------------------

  /** Fails when a glyph is drawn outside the page's printable area (the margins). */
  private static final class PositionCheck extends PDFTextStripper {
    @Override
    protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions)
        throws IOException {
      for (org.apache.pdfbox.text.TextPosition t : positions) {
        // within the margins left and right, and clear of the page's edge (header, footer)
        assertThat(t.getXDirAdj()).as(text).isGreaterThanOrEqualTo(54f);
        assertThat(t.getXDirAdj() + t.getWidthDirAdj()).as(text).isLessThanOrEqualTo(612f - 54f);
        assertThat(t.getYDirAdj()).as(text).isBetween(24f, 792f - 24f);
      }
      super.writeString(text, positions);
    }
  }

  private static void assertFooters(PDDocument doc, String recordId) throws IOException {
    int pages = doc.getNumberOfPages();
    for (int i = 1; i <= pages; i++) {
      String page = text(doc, i, i);
      assertThat(page)
          .contains(recordId + " \u2014 page " + i + " of " + pages)
          .contains("Generated 2026-12-07");
    }
    Matcher m = Pattern.compile("page 1 of (\\d+)").matcher(text(doc, 1, 1));
    assertThat(m.find()).isTrue();
    assertThat(Integer.parseInt(m.group(1))).isEqualTo(pages);
    // and nothing runs off the page
    new PositionCheck().getText(doc);
  }

  private static String text(PDDocument doc, int from, int to) throws IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setSortByPosition(true);
    stripper.setStartPage(from);
    stripper.setEndPage(to);
    return stripper.getText(doc);
  }

  /** The text of every page without its running header and footer. */
  private static String body(PDDocument doc) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < doc.getNumberOfPages(); i++) {
      PDFTextStripperByArea stripper = new PDFTextStripperByArea();
      stripper.setSortByPosition(true);
      // below the running header (its rule is 40 pt from the top), above the footer (50 pt up)
      stripper.addRegion("body", new Rectangle2D.Float(0, 44, 612, 792 - 44 - 54));
      stripper.extractRegions(doc.getPage(i));
      b.append(stripper.getTextForRegion("body"));
    }
    return b.toString();
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ");
  }

  private static String noSpace(String text) {
    return text.replaceAll("\\s+", "");
  }

  private static EvidencePacket withDeadlines(EvidencePacket p, List<Deadline> deadlines) {
    return new EvidencePacket(
        p.recordId(),
        p.recordType(),
        p.asOf(),
        p.payer(),
        p.provider(),
        p.claim(),
        p.amounts(),
        p.decision(),
        p.codes(),
        p.contractBasis(),
        deadlines,
        p.nsaDispute(),
        p.claimSegments(),
        p.remittanceSegments(),
        p.recordJson());
  }

  private static EvidencePacket withSegments(
      EvidencePacket p, List<String> claim, List<String> remittance) {
    return new EvidencePacket(
        p.recordId(),
        p.recordType(),
        p.asOf(),
        p.payer(),
        p.provider(),
        p.claim(),
        p.amounts(),
        p.decision(),
        p.codes(),
        p.contractBasis(),
        p.deadlines(),
        p.nsaDispute(),
        claim,
        remittance,
        p.recordJson());
  }

  private static EvidencePacket withDecision(EvidencePacket p, Decision decision) {
    return new EvidencePacket(
        p.recordId(),
        p.recordType(),
        p.asOf(),
        p.payer(),
        p.provider(),
        p.claim(),
        p.amounts(),
        decision,
        p.codes(),
        p.contractBasis(),
        p.deadlines(),
        p.nsaDispute(),
        p.claimSegments(),
        p.remittanceSegments(),
        p.recordJson());
  }
}
