package dev.x12gw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.x12gw.TestFiles;
import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.RemittanceHeader;
import dev.x12gw.x12.BindingSink;
import dev.x12gw.x12.ReadResult;
import dev.x12gw.x12.smooks.SmooksX12Parser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scrubber in the claims' path, through the gateway's SFTP drop: an outgoing 837 dropped into
 * {@code inbound/837-outgoing} is scrubbed; its claims with a hard stop are held (a {@code
 * CLAIM_HELD} record each on {@code x12.prebill}, listed by the REST API) and the others are taken
 * in as submitted in the same read and go out in a fresh, valid 837 to {@code outbound/837}; a held
 * claim released over REST is taken in and goes out alone the same way, once; a remittance of the
 * claims that went out meets them; a later file that sends a service that went out again is held as
 * a duplicate.
 */
class PrebillIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> HELD =
      Set.of(
          "PCN-BALANCE",
          "PCN-NPI",
          "PCN-PROCEDURE",
          "PCN-DIAGNOSIS",
          "PCN-PLACE",
          "PCN-DATE",
          "PCN-POINTER",
          "PCN-DUPLICATE",
          "PCN-BUNDLED",
          "PCN-UNITS",
          "PCN-AUTH",
          "PCN-LATE",
          "PCN-MEMBER",
          "PCN-ANESTHESIA");

  @TempDir Path var;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void cleanClaimsGoOutHeldOnesArePublishedAndAReleasedOneGoesOutAlone() throws Exception {
    Path rules = TestFiles.scrubberRulesWithExamples(var.resolve("rules"));
    try (GatewayHarness gw =
        GatewayHarness.start(
            var, Map.of("scrubber.dir", rules.toString(), "prebill.forward-interval-ms", "200"))) {
      Path defects = TestFiles.testdata("scrubber").resolve("defect-per-rule.837");
      gw.upload("inbound/837-outgoing", "defect-per-rule.837", defects);

      // every claim with a hard stop is held and published once; the one forwarded with a warning
      // is published too
      List<GatewayHarness.Received> published = new ArrayList<>();
      Awaitility.await()
          .atMost(WAIT)
          .until(
              () -> {
                GatewayHarness.Received r = gw.receiveNow("x12.prebill");
                if (r != null) {
                  published.add(r);
                }
                return published.size() >= HELD.size() + 1;
              });
      List<GatewayHarness.Received> held =
          published.stream().filter(r -> r.recordType().equals("CLAIM_HELD")).toList();
      List<GatewayHarness.Received> scrubbed =
          published.stream().filter(r -> r.recordType().equals("CLAIM_SCRUBBED")).toList();
      assertThat(scrubbed).hasSize(1);
      assertThat(scrubbed.get(0).text("patientControlNumber")).isEqualTo("PCN-NO-RECORD-NUMBER");
      assertThat(scrubbed.get(0).text("heldClaimId")).isNull();
      assertThat(scrubbed.get(0).body().path("findings").get(0).path("severity").asText())
          .isEqualTo("WARNING");
      Set<String> heldClaims = new TreeSet<>();
      for (GatewayHarness.Received r : held) {
        heldClaims.add(r.text("patientControlNumber"));
        assertThat(r.body().path("findings").size()).isPositive();
        assertThat(r.body().path("source").path("interchangeControlNumber").asText())
            .isEqualTo("000000301");
      }
      assertThat(heldClaims).isEqualTo(new TreeSet<>(HELD));
      gw.processed("inbound/837-outgoing", "defect-per-rule.837");

      // the one claim with a warning only goes out in a fresh 837 (and nothing into the 837 intake:
      // it was taken in as submitted when scrubbed)
      Path out = gw.sftpRoot().resolve("outbound/837");
      Path first = forwarded(out, 1).get(0);
      assertThat(claimsOf(first)).containsExactly("PCN-NO-RECORD-NUMBER");
      String text = Files.readString(first);
      assertThat(text).doesNotContain("000000301").contains("ST*837*0001*005010X222A1");
      assertThat(gw.sftpRoot().resolve("inbound/837").resolve(first.getFileName())).doesNotExist();

      String base = "http://127.0.0.1:" + gw.gateway.controlRoomPort();
      JsonNode list = JSON.readTree(send("GET", base + "/api/v1/held-claims?status=held").body());
      assertThat(list.path("items").size()).isEqualTo(HELD.size());
      long auth = -1;
      for (JsonNode item : list.path("items")) {
        if (item.path("claimRef").asText().equals("PCN-AUTH")) {
          auth = item.path("id").asLong();
          assertThat(item.path("findings").get(0).path("carc").asText()).isEqualTo("197");
        }
      }
      assertThat(auth).isPositive();

      // released (the authorization was obtained by phone): it goes out alone, once
      HttpResponse<String> released =
          send("POST", base + "/api/v1/held-claims/" + auth + "/release?note=auth%20obtained");
      assertThat(released.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(released.body()).path("status").asText()).isEqualTo("RELEASED");
      List<Path> both = forwarded(out, 2);
      Path second = both.get(1);
      assertThat(claimsOf(second)).containsExactly("PCN-AUTH");
      assertThat(send("POST", base + "/api/v1/held-claims/" + auth + "/release").statusCode())
          .isEqualTo(409);
      assertThat(send("POST", base + "/api/v1/held-claims/999999/release").statusCode())
          .isEqualTo(404);

      // the payer's remittance of both meets the claims as submitted: PCN-AUTH paid in full (no
      // record), PCN-NO-RECORD-NUMBER denied, with the 837's billing provider; none unmatched
      gw.upload(
          "inbound/835",
          "remit-of-forwarded.835",
          TestFiles.testdata("scrubber").resolve("remit-of-forwarded.835"));
      GatewayHarness.Received denial = gw.receive("x12.denials", WAIT);
      assertThat(denial).isNotNull();
      assertThat(denial.recordType()).isEqualTo("CLAIM_DENIAL");
      assertThat(denial.text("patientControlNumber")).isEqualTo("PCN-NO-RECORD-NUMBER");
      assertThat(denial.body().path("provider").path("npi").asText()).isEqualTo("1234567893");
      gw.processed("inbound/835", "remit-of-forwarded.835");
      assertThat(gw.receive("x12.remits.unmatched", Duration.ofSeconds(2))).isNull();

      // a later file sending the service that went out again is held as a duplicate
      gw.upload(
          "inbound/837-outgoing",
          "duplicate-of-forwarded.837",
          TestFiles.testdata("scrubber").resolve("duplicate-of-forwarded.837"));
      GatewayHarness.Received duplicate = gw.receive("x12.prebill", WAIT);
      assertThat(duplicate).isNotNull();
      assertThat(duplicate.text("patientControlNumber")).isEqualTo("PCN-RESENT");
      assertThat(duplicate.body().path("findings").get(0).path("ruleId").asText())
          .isEqualTo("DUPLICATE-LINE");
      assertThat(duplicate.body().path("findings").get(0).path("carc").asText()).isEqualTo("18");
      gw.processed("inbound/837-outgoing", "duplicate-of-forwarded.837");

      // a bad transaction set is quarantined with its reason, as by the intake
      gw.upload(
          "inbound/837-outgoing",
          "old-version.837",
          TestFiles.testdata("version-4010-unsupported.837"));
      gw.quarantined("inbound/837-outgoing", "old-version.837");
      GatewayHarness.Received error = gw.receive("x12.errors", WAIT);
      assertThat(error).isNotNull();
      assertThat(error.recordType()).isEqualTo("INTAKE_ERROR");
      assertThat(error.text("fileName")).isEqualTo("old-version.837");
      assertThat(error.text("transactionControlNumber")).isNotEmpty();

      // the same content dropped again is not scrubbed again
      gw.upload("inbound/837-outgoing", "defect-per-rule-again.837", defects);
      gw.processed("inbound/837-outgoing", "defect-per-rule-again.837");
      assertThat(gw.receive("x12.prebill", Duration.ofSeconds(2))).isNull();
      assertThat(forwarded(out, 2)).hasSize(2);

      // a claim the 837 intake took in as submitted (not through the scrubber) makes the same
      // service in a later outgoing file a duplicate
      gw.upload("inbound/837", "claims.837", TestFiles.testdata("claims-professional-3.837"));
      gw.processed("inbound/837", "claims.837");
      Path resent = var.resolve("resent.837");
      Files.writeString(
          resent,
          Files.readString(TestFiles.testdata("claims-professional-3.837"))
              .replace("*000000", "*000008"));
      gw.upload("inbound/837-outgoing", "resent.837", resent);
      gw.processed("inbound/837-outgoing", "resent.837");
      Set<String> duplicates = new TreeSet<>();
      for (int i = 0; i < 3; i++) {
        GatewayHarness.Received r = gw.receive("x12.prebill", WAIT);
        assertThat(r).isNotNull();
        assertThat(r.recordType()).isEqualTo("CLAIM_HELD");
        for (JsonNode f : r.body().path("findings")) {
          if (f.path("ruleId").asText().equals("DUPLICATE-LINE")) {
            duplicates.add(r.text("patientControlNumber"));
          }
        }
      }
      assertThat(duplicates).containsExactly("PCN1001", "PCN1002", "PCN1003");

      // a set quarantined after one of its claims was read: the file's other sets go out and are
      // taken in; the quarantined set's claim neither goes out nor makes the next set's same
      // service a duplicate
      gw.upload(
          "inbound/837-outgoing",
          "second-set-quarantined.837",
          TestFiles.testdata("scrubber").resolve("second-set-quarantined.837"));
      gw.quarantined("inbound/837-outgoing", "second-set-quarantined.837");
      GatewayHarness.Received quarantine = gw.receive("x12.errors", WAIT);
      assertThat(quarantine).isNotNull();
      assertThat(quarantine.text("transactionControlNumber")).isEqualTo("0002");
      assertThat(quarantine.text("disposition")).isEqualTo("TRANSACTION_QUARANTINED");
      Path third = forwarded(out, 3).get(2);
      assertThat(claimsOf(third)).containsExactly("PCN-GOOD-1", "PCN-AFTER");
      assertThat(gw.receive("x12.prebill", Duration.ofSeconds(2))).isNull();

      // a void that goes out withdraws the services it voids: the service billed again in a
      // later file goes out, and billed once more in that file it is held as a duplicate
      gw.upload(
          "inbound/837-outgoing",
          "billed-then-voided.837",
          TestFiles.testdata("scrubber").resolve("billed-then-voided.837"));
      gw.processed("inbound/837-outgoing", "billed-then-voided.837");
      assertThat(claimsOf(forwarded(out, 4).get(3))).containsExactly("PCN-VOIDED", "PCN-VOIDED");
      gw.upload(
          "inbound/837-outgoing",
          "void-then-billed-again.837",
          TestFiles.testdata("scrubber").resolve("void-then-billed-again.837"));
      gw.processed("inbound/837-outgoing", "void-then-billed-again.837");
      assertThat(claimsOf(forwarded(out, 5).get(4)))
          .containsExactly("PCN-VOIDED", "PCN-VOIDED", "PCN-REBILLED");
      List<String> heldAgain = new ArrayList<>();
      for (GatewayHarness.Received r = gw.receive("x12.prebill", Duration.ofSeconds(5));
          r != null;
          r = gw.receive("x12.prebill", Duration.ofSeconds(2))) {
        if (r.recordType().equals("CLAIM_HELD")) {
          heldAgain.add(
              r.text("patientControlNumber")
                  + " "
                  + r.body().path("findings").get(0).path("ruleId").asText());
        }
      }
      assertThat(heldAgain).containsExactly("PCN-REBILLED-AGAIN DUPLICATE-LINE");
    }
  }

  /** The forwarded 837s in {@code dir}, by name, once there are at least {@code n}. */
  private static List<Path> forwarded(Path dir, int n) {
    List<Path> found = new ArrayList<>();
    Awaitility.await()
        .atMost(WAIT)
        .until(
            () -> {
              found.clear();
              if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                  s.filter(p -> p.getFileName().toString().startsWith("x12gw-837-"))
                      .sorted()
                      .forEach(found::add);
                }
              }
              return found.size() >= n;
            });
    return found;
  }

  /** The CLM01s of an 837, which must read without a defect. */
  private static List<String> claimsOf(Path file) throws Exception {
    List<String> claims = new ArrayList<>();
    try (SmooksX12Parser parser = new SmooksX12Parser(TestFiles.mapping())) {
      ReadResult r =
          parser.parse(
              file,
              file.getFileName().toString(),
              new BindingSink() {
                @Override
                public void claim(SubmittedClaim claim) {
                  claims.add(claim.patientControlNumber());
                }

                @Override
                public void payment(RemittanceHeader remittance, ClaimPayment payment) {}
              });
      assertThat(r.problems()).as("defects of %s", file).isEmpty();
      assertThat(r.transactionsRejected()).isZero();
    }
    return claims;
  }

  private HttpResponse<String> send(String method, String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
