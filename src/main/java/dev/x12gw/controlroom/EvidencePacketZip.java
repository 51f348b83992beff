package dev.x12gw.controlroom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.x12gw.domain.controlroom.EvidencePacket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The evidence packet of one finding as a ZIP a biller downloads and attaches to an appeal or
 * dispute portal:
 *
 * <ul>
 *   <li>{@code packet.json}: the packet (dates as ISO strings, amounts as plain decimals), each
 *       deadline with its {@code daysLeft} from the as-of date; without the record JSON, which is
 *       {@code record.json};
 *   <li>{@code claim-837.x12}: the 837 claim's segments, each ended by {@code ~} and a line break
 *       (left out when the gateway has not seen the claim);
 *   <li>{@code remittance-835.x12}: the 835 remittance's segments, the same way (left out when
 *       none);
 *   <li>{@code record.json}: the published record (left out when the packet has none);
 *   <li>{@code evidence.pdf}: the PDF of {@link EvidencePacketPdf}.
 * </ul>
 *
 * <p>Every entry is dated the packet's as-of day, so the same packet always gives the same bytes.
 */
public final class EvidencePacketZip {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          // records are written by their components only
          .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
          // 20.00 stays 20.00 through the tree, not 2E+1
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private final EvidencePacketPdf pdf;

  public EvidencePacketZip() {
    this(new EvidencePacketPdf());
  }

  public EvidencePacketZip(EvidencePacketPdf pdf) {
    this.pdf = pdf;
  }

  /** The ZIP of the packet. */
  public byte[] write(EvidencePacket p) {
    LocalDateTime stamp = p.asOf().atStartOfDay();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      entry(zip, "packet.json", json(p), stamp);
      if (!p.claimSegments().isEmpty()) {
        entry(zip, "claim-837.x12", x12(p.claimSegments()), stamp);
      }
      if (!p.remittanceSegments().isEmpty()) {
        entry(zip, "remittance-835.x12", x12(p.remittanceSegments()), stamp);
      }
      if (p.recordJson() != null) {
        entry(zip, "record.json", p.recordJson().getBytes(StandardCharsets.UTF_8), stamp);
      }
      entry(zip, "evidence.pdf", pdf.render(p), stamp);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the evidence packet ZIP", e);
    }
    return bytes.toByteArray();
  }

  /** The packet as JSON: every component, deadlines with their days left, no record JSON. */
  static byte[] json(EvidencePacket p) {
    ObjectNode tree = JSON.valueToTree(p);
    tree.remove("recordJson");
    ArrayNode deadlines = (ArrayNode) tree.get("deadlines");
    for (int i = 0; i < deadlines.size(); i++) {
      ((ObjectNode) deadlines.get(i)).put("daysLeft", p.daysLeft(p.deadlines().get(i)));
    }
    try {
      return JSON.writeValueAsBytes((JsonNode) tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize the evidence packet", e);
    }
  }

  /** Segments as an X12 file: each ended by {@code ~} and a line break. */
  static byte[] x12(List<String> segments) {
    StringBuilder b = new StringBuilder();
    for (String s : segments) {
      b.append(s).append("~\n");
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void entry(ZipOutputStream zip, String name, byte[] content, LocalDateTime stamp)
      throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setTimeLocal(stamp);
    zip.putNextEntry(e);
    zip.write(content);
    zip.closeEntry();
  }
}
