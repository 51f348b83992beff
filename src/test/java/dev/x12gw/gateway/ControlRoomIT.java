package dev.x12gw.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control room's REST API served by a running gateway over files it took in from its SFTP drop:
 * the KPIs and worklist match those {@code x12gw report} computes over the same files ({@code
 * ReportCommandTest}), bad parameters answer 400, and a login guards it when configured.
 */
class ControlRoomIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> SCENARIOS =
      List.of(
          "denied-co197-auth-never-sent-ortho",
          "denied-then-overturned-after-resubmission",
          "denied-co22-other-payer-primary",
          "line-denial-co97-bundled",
          "plb-wo-overpayment-recovery");

  @TempDir Path var;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void kpisAndWorklistOfTheFilesTakenIn() throws Exception {
    try (GatewayHarness gw = GatewayHarness.start(var, Map.of())) {
      gw.takeInScenarios(SCENARIOS, WAIT);
      String base = "http://127.0.0.1:" + gw.gateway.controlRoomPort();

      HttpResponse<String> kpis = get(base + "/api/v1/kpis?by=payer&asOf=2026-12-07", null);
      assertThat(kpis.statusCode()).isEqualTo(200);
      assertThat(kpis.headers().firstValue("Content-Type"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
      JsonNode k = JSON.readTree(kpis.body());
      // as ReportCommandTest: 6 claims first adjudicated, 4 denied in full or in part
      JsonNode initial = k.path("total").path("kpis").path("initial-denial-rate");
      assertThat(initial.path("numerator").asInt()).isEqualTo(4);
      assertThat(initial.path("denominator").asInt()).isEqualTo(6);
      assertThat(initial.path("value").decimalValue()).isEqualByComparingTo("0.6667");
      JsonNode acme = null;
      for (JsonNode seg : k.path("segments")) {
        if ("87726".equals(seg.path("segment").asText())) {
          acme = seg;
        }
      }
      assertThat(acme).isNotNull();
      assertThat(acme.path("kpis").path("initial-denial-rate").path("value").decimalValue())
          .isEqualByComparingTo("0.6000");
      assertThat(k.path("metrics").path("clean-claim-rate").path("formula").asText())
          .contains("first adjudicated");

      HttpResponse<String> work = get(base + "/api/v1/worklist?asOf=2026-12-10&limit=2", null);
      assertThat(work.statusCode()).isEqualTo(200);
      JsonNode w = JSON.readTree(work.body());
      // open: PCN3901, PCN4601, PCN2101's line, PCN3002's PLB recoupment
      assertThat(w.path("total").asInt()).isEqualTo(4);
      assertThat(w.path("items")).hasSize(2);
      JsonNode top = w.path("items").get(0);
      assertThat(top.path("claimRef").asText()).isEqualTo("PCN3901");
      assertThat(top.path("appealDeadline").asText()).isEqualTo("2027-04-20");
      assertThat(top.path("appealDeadlineDaysLeft").asLong()).isEqualTo(131);

      // the top finding's evidence packet: the record, its 837 claim and 835 payment as received
      String recordId = top.path("recordId").asText();
      HttpResponse<byte[]> pdf =
          getBytes(base + "/api/v1/findings/" + recordId + "/packet.pdf?asOf=2026-12-10");
      assertThat(pdf.statusCode()).isEqualTo(200);
      assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
      assertThat(pdf.headers().firstValue("Content-Disposition"))
          .hasValue("attachment; filename=\"evidence-" + recordId + ".pdf\"");
      String text;
      try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
        text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        // what a biller sees, to look at: target/evidence-packet-<page>.png
        var renderer = new org.apache.pdfbox.rendering.PDFRenderer(doc);
        for (int i = 0; i < doc.getNumberOfPages(); i++) {
          javax.imageio.ImageIO.write(
              renderer.renderImageWithDPI(i, 80),
              "png",
              Path.of("target", "evidence-packet-" + (i + 1) + ".png").toFile());
        }
      }
      assertThat(text)
          .contains("PCN3901", "Appeal deadline 2027-04-20 131 days", "TIN 371234567")
          .containsPattern("CLM\\*PCN3901\\*")
          .containsPattern("CLP\\*PCN3901\\*");
      HttpResponse<byte[]> zip =
          getBytes(base + "/api/v1/findings/" + recordId + "/packet.zip?asOf=2026-12-10");
      assertThat(zip.statusCode()).isEqualTo(200);
      assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
      Map<String, String> entries = new java.util.TreeMap<>();
      try (var in =
          new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip.body()))) {
        for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
          entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
        }
      }
      assertThat(entries).containsKeys("packet.json", "record.json", "evidence.pdf");
      assertThat(entries.get("claim-837.x12")).contains("CLM*PCN3901*").contains("NM1*85*");
      assertThat(entries.get("remittance-835.x12")).contains("CLP*PCN3901*").contains("BPR*");
      assertThat(JSON.readTree(entries.get("record.json")).path("recordId").asText())
          .isEqualTo(recordId);
      HttpResponse<String> unknown =
          get(base + "/api/v1/findings/00000000-0000-0000-0000-000000000000/packet.pdf", null);
      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(JSON.readTree(unknown.body()).path("error").asText())
          .contains("no classified finding");
      assertThat(get(base + "/api/v1/findings/abc/packet.zip", null).statusCode()).isEqualTo(400);

      HttpResponse<String> bad = get(base + "/api/v1/worklist?limit=abc", null);
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(bad.body()).path("error").asText())
          .isEqualTo("limit must be a whole number: 'abc'");
      assertThat(bad.headers().map()).doesNotContainKey("limit");
      assertThat(get(base + "/api/v1/kpis?by=planet", null).statusCode()).isEqualTo(400);
    }
  }

  @Test
  void aLoginGuardsTheControlRoomWhenConfigured() throws Exception {
    try (GatewayHarness gw =
        GatewayHarness.start(
            var,
            Map.of(
                "control-room.user", "leader",
                "control-room.password", "s3cret",
                "control-room.token", "tok-123"))) {
      String url = "http://127.0.0.1:" + gw.gateway.controlRoomPort() + "/api/v1/kpis";
      HttpResponse<String> none = get(url, null);
      assertThat(none.statusCode()).isEqualTo(401);
      assertThat(none.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
      assertThat(get(url, "Bearer wrong").statusCode()).isEqualTo(401);
      assertThat(get(url, "Bearer tok-123").statusCode()).isEqualTo(200);
      assertThat(get(url, basic("leader", "wrong")).statusCode()).isEqualTo(401);
      assertThat(get(url, basic("leader", "s3cret")).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void anAddressBeyondLoopbackWithoutLoginIsRefused() {
    assertThatThrownBy(() -> new ControlRoomServer("0.0.0.0", 0, "", "", ""))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CONTROL_ROOM_USER");
    assertThatThrownBy(() -> new ControlRoomServer("127.0.0.1", 0, "leader", "", ""))
        .isInstanceOf(IllegalStateException.class);
    new ControlRoomServer("0.0.0.0", 0, "", "", "tok"); // a token is a login
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<byte[]> getBytes(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<String> get(String url, String authorization) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
