package dev.x12gw.controlroom;

import static dev.x12gw.controlroom.EvidencePacketSamples.co197Denial;
import static dev.x12gw.controlroom.EvidencePacketSamples.nsaUnderpayment;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.x12gw.domain.controlroom.EvidencePacket;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The evidence ZIP: the packet as JSON, the X12 as sent, the record and the PDF, reproducibly. */
class EvidencePacketZipTest {
  private final EvidencePacketZip zip = new EvidencePacketZip();
  private final ObjectMapper json =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  @Test
  void holdsThePacketTheX12TheRecordAndThePdf() throws IOException {
    EvidencePacket p = nsaUnderpayment();
    Map<String, byte[]> entries = unzip(zip.write(p));
    assertThat(entries.keySet())
        .containsExactly(
            "packet.json", "claim-837.x12", "remittance-835.x12", "record.json", "evidence.pdf");

    JsonNode packet = json.readTree(entries.get("packet.json"));
    assertThat(packet.get("recordId").asText()).isEqualTo("960e5db2-0253-8545-bee4-d6e2feaf4363");
    assertThat(packet.get("recordType").asText()).isEqualTo("UNDERPAYMENT");
    assertThat(packet.get("asOf").asText()).isEqualTo("2026-12-07");
    assertThat(packet.at("/payer/id").asText()).isEqualTo("54771");
    assertThat(packet.at("/provider/npi").asText()).isEqualTo("1582036418");
    assertThat(packet.at("/claim/patientControlNumber").asText()).isEqualTo("PCN5301");
    assertThat(packet.at("/claim/serviceFrom").asText()).isEqualTo("2026-10-05");
    assertThat(packet.at("/claim/lineNumber").asInt()).isEqualTo(1);
    assertThat(packet.at("/decision/recoveryPathway").asText()).isEqualTo("ESCALATE_DISPUTE");
    assertThat(packet.at("/decision/ruleId").asText()).isEqualTo("NSA-INITIAL-PAYMENT");
    assertThat(packet.at("/codes/1/kind").asText()).isEqualTo("CARC");
    assertThat(packet.at("/codes/1/code").asText()).isEqualTo("45");
    assertThat(packet.at("/nsaDispute/network").asText()).isEqualTo("OUT_OF_NETWORK");
    assertThat(packet.at("/nsaDispute/idrInitiationOuterDeadline").asText())
        .isEqualTo("2027-02-09");
    assertThat(packet.at("/nsaDispute/initiatingParty/tin").asText()).isEqualTo("364455667");
    assertThat(packet.at("/deadlines/0/date").asText()).isEqualTo("2026-12-21");
    assertThat(packet.at("/deadlines/0/daysLeft").asLong()).isEqualTo(14);
    assertThat(packet.at("/deadlines/2/daysLeft").asLong()).isEqualTo(89);
    assertThat(packet.at("/claimSegments").size()).isEqualTo(p.claimSegments().size());
    // the record is record.json, not a string inside the packet
    assertThat(packet.has("recordJson")).isFalse();
    // amounts as plain decimals, exactly as held
    String packetText = new String(entries.get("packet.json"), StandardCharsets.UTF_8);
    assertThat(packetText)
        .contains("\"atStake\" : 730.00")
        .contains("\"qpa\" : 780.00")
        .contains("\"billed\" : 1200.00");
    assertThat(packet.at("/amounts/atStake").decimalValue()).isEqualByComparingTo("730.00");

    assertThat(text(entries, "claim-837.x12"))
        .startsWith("ISA*00*          *00*          *ZZ*CITYWIDEEP     *")
        .contains("~\nCLM*PCN5301*1200***23:B:1*Y*A*Y*Y~\n")
        .endsWith("~\nIEA*1*000003037~\n");
    assertThat(text(entries, "claim-837.x12").split("~\n")).hasSize(p.claimSegments().size());
    assertThat(text(entries, "remittance-835.x12"))
        .contains("~\nCLP*PCN5301*1*1200*320*150*CI*SM26013301*23*1~\nNM1*QC*1*")
        .endsWith("~\nIEA*1*000004044~\n");
    assertThat(text(entries, "record.json")).isEqualTo(p.recordJson());
    assertThat(json.readTree(entries.get("record.json")).get("recordId").asText())
        .isEqualTo(p.recordId());

    try (PDDocument doc = Loader.loadPDF(entries.get("evidence.pdf"))) {
      assertThat(new PDFTextStripper().getText(doc))
          .contains("No Surprises Act dispute evidence")
          .contains("PCN5301");
    }
  }

  @Test
  void theSamePacketGivesTheSameBytesAndEveryEntryIsDatedItsDay() throws IOException {
    byte[] first = zip.write(co197Denial());
    byte[] second = new EvidencePacketZip().write(co197Denial());
    assertThat(second).isEqualTo(first);
    assertThat(zip.write(nsaUnderpayment())).isNotEqualTo(first);
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(first))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        assertThat(e.getTimeLocal()).as(e.getName()).isEqualTo(LocalDateTime.of(2026, 12, 7, 0, 0));
      }
    }
  }

  @Test
  void partsThePacketDoesNotHaveAreLeftOut() throws IOException {
    EvidencePacket d = co197Denial();
    EvidencePacket bare =
        new EvidencePacket(
            d.recordId(),
            d.recordType(),
            d.asOf(),
            d.payer(),
            d.provider(),
            d.claim(),
            d.amounts(),
            d.decision(),
            d.codes(),
            d.contractBasis(),
            d.deadlines(),
            d.nsaDispute(),
            List.of(),
            d.remittanceSegments(),
            null);
    Map<String, byte[]> entries = unzip(zip.write(bare));
    assertThat(entries.keySet())
        .containsExactly("packet.json", "remittance-835.x12", "evidence.pdf");
    JsonNode packet = json.readTree(entries.get("packet.json"));
    assertThat(packet.get("nsaDispute").isNull()).isTrue();
    assertThat(packet.get("contractBasis").isNull()).isTrue();
    assertThat(packet.at("/amounts/billed").decimalValue()).isEqualByComparingTo("1450.00");
    assertThat(packet.at("/claim/lineNumber").isNull()).isTrue();
    assertThat(packet.get("claimSegments").isEmpty()).isTrue();
  }

  private static Map<String, byte[]> unzip(byte[] bytes) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.put(e.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  private static String text(Map<String, byte[]> entries, String name) {
    return new String(entries.get(name), StandardCharsets.UTF_8);
  }
}
