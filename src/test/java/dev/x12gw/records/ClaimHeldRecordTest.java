package dev.x12gw.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.x12gw.TestFiles;
import dev.x12gw.config.ScrubberFiles;
import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.RemittanceHeader;
import dev.x12gw.domain.scrub.ScrubFinding;
import dev.x12gw.domain.scrub.Scrubber;
import dev.x12gw.domain.scrub.ServiceHistory;
import dev.x12gw.x12.BindingSink;
import dev.x12gw.x12.Delimiters;
import dev.x12gw.x12.ScrubClaims;
import dev.x12gw.x12.smooks.SmooksX12Parser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code CLAIM_HELD} record: its fields, its queue, its id, and conformance to the schema. */
class ClaimHeldRecordTest {
  @TempDir Path rules;

  @Test
  void theRecordCarriesTheClaimAndItsFindingsAndConformsToTheSchema() throws Exception {
    TestFiles.scrubberRulesWithExamples(rules);
    Scrubber scrubber = new Scrubber(ScrubberFiles.load(rules));
    List<SubmittedClaim> claims = new ArrayList<>();
    List<List<ScrubFinding>> findings = new ArrayList<>();
    Path file = TestFiles.testdata("scrubber").resolve("defect-per-rule.837");
    java.util.Set<String> seen = new java.util.HashSet<>();
    ServiceHistory history = (claimRef, key) -> !seen.add(key);
    try (SmooksX12Parser parser = new SmooksX12Parser(TestFiles.mapping())) {
      parser.parse(
          file,
          "defect-per-rule.837",
          new BindingSink() {
            @Override
            public void claim(SubmittedClaim claim) {}

            @Override
            public void claim(
                SubmittedClaim claim, List<String> segments, int[] positions, Delimiters d) {
              claims.add(claim);
              findings.add(
                  scrubber.scrub(
                      ScrubClaims.of(claim, segments, positions, d),
                      history,
                      LocalDate.of(2026, 11, 1)));
            }

            @Override
            public void payment(RemittanceHeader remittance, ClaimPayment payment) {}
          });
    }
    int auth = 10; // PCN-AUTH, the eleventh claim
    assertThat(claims.get(auth).patientControlNumber()).isEqualTo("PCN-AUTH");
    RecordFactory factory = new RecordFactory(QueueNames.defaults());
    OutboundRecord r =
        factory.claimHeld(
            "ab".repeat(32), auth, 3, "ENFORCE", claims.get(auth), findings.get(auth));
    assertThat(r.recordType()).isEqualTo("CLAIM_HELD");
    assertThat(r.queue()).isEqualTo("x12.prebill");
    assertThat(r.payerId()).isEqualTo("60054");
    assertThat(r.recordId())
        .isEqualTo(
            factory
                .claimHeld(
                    "ab".repeat(32), auth, 9, "ENFORCE", claims.get(auth), findings.get(auth))
                .recordId())
        .isNotEqualTo(
            factory
                .claimHeld(
                    "ab".repeat(32),
                    auth + 1,
                    3,
                    "ENFORCE",
                    claims.get(auth + 1),
                    findings.get(auth + 1))
                .recordId());
    JsonNode o = new ObjectMapper().readTree(r.json());
    assertThat(o.path("heldClaimId").asLong()).isEqualTo(3);
    assertThat(o.path("totalCharge").decimalValue()).isEqualByComparingTo("900");
    assertThat(o.path("serviceDate").asText()).isEqualTo("2026-10-15");
    JsonNode f = o.path("findings").get(0);
    assertThat(f.path("ruleId").asText()).isEqualTo("EX-AUTH-MRI");
    assertThat(f.path("carc").asText()).isEqualTo("197");
    assertThat(f.path("element").asText()).isEqualTo("REF*G1");
    assertThat(f.path("segmentPosition").asInt()).isEqualTo(131);

    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(
                Files.readString(
                    TestFiles.projectDir().resolve("docs/records-v1.schema.json"),
                    StandardCharsets.UTF_8),
                InputFormat.JSON);
    assertThat(schema.validate(r.json(), InputFormat.JSON)).isEmpty();
    assertThat(schema.validate(r.json().replace("\"heldClaimId\"", "\"heldId\""), InputFormat.JSON))
        .isNotEmpty();

    // a claim forwarded with a warning: the same shape, no held claim
    int warned = 14; // PCN-NO-RECORD-NUMBER
    OutboundRecord w =
        factory.claimScrubbed(
            "ab".repeat(32), warned, "ENFORCE", claims.get(warned), findings.get(warned));
    assertThat(w.recordType()).isEqualTo("CLAIM_SCRUBBED");
    assertThat(w.queue()).isEqualTo("x12.prebill");
    assertThat(new ObjectMapper().readTree(w.json()).path("heldClaimId").isNull()).isTrue();
    assertThat(schema.validate(w.json(), InputFormat.JSON)).isEmpty();
  }
}
