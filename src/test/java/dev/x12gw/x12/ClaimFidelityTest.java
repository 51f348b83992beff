package dev.x12gw.x12;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.TestFiles;
import dev.x12gw.domain.claim.Attachment;
import dev.x12gw.domain.claim.CodeValue;
import dev.x12gw.domain.claim.DateRange;
import dev.x12gw.domain.claim.EntityName;
import dev.x12gw.domain.claim.Note;
import dev.x12gw.domain.claim.OtherPayer;
import dev.x12gw.domain.claim.OtherPayerLine;
import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.claim.SubmittedLine;
import dev.x12gw.x12.smooks.SmooksX12Parser;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every 837 segment the gateway binds, from {@code testdata/every-claim-segment.837}. */
class ClaimFidelityTest {
  private static SmooksX12Parser parser;
  private static Parsed parsed;
  private static SubmittedClaim claim;

  @BeforeAll
  static void read() throws Exception {
    parser = new SmooksX12Parser(TestFiles.mapping());
    parsed = Parsed.read(parser, TestFiles.testdata("every-claim-segment.837"));
    claim = parsed.claims().get(0);
  }

  @AfterAll
  static void close() {
    parser.close();
  }

  private static BigDecimal amount(String s) {
    return new BigDecimal(s);
  }

  private static LocalDate day(int month, int day) {
    return LocalDate.of(2026, month, day);
  }

  @Test
  void readsWithoutProblems() {
    assertThat(parsed.result().problems()).isEmpty();
    assertThat(parsed.claims()).hasSize(1);
  }

  @Test
  void contextBatchPartiesAndTaxonomies() {
    assertThat(claim.batch()).isEqualTo("BATCH0199");
    assertThat(claim.batchDate()).isEqualTo(day(11, 5));
    assertThat(claim.batchType()).isEqualTo("CH");
    assertThat(claim.entities())
        .extracting(EntityName::role)
        .containsExactly("41", "40", "85", "87", "IL", "PR", "QC", "DN", "82", "77", "DQ");
    assertThat(claim.billingProvider().npi()).isEqualTo("1234567893");
    // loop 2010AA REF*EI: matched against contract and network rows
    assertThat(claim.billingProvider().taxId()).isEqualTo("371234567");
    assertThat(claim.entity("87").orElseThrow().lastOrOrganization())
        .isEqualTo("GOOD HEALTH BILLING LLC");
    assertThat(claim.entity("QC").orElseThrow().first()).isEqualTo("JANE");
    assertThat(claim.entity("DN").orElseThrow().npi()).isEqualTo("1888888889");
    assertThat(claim.entity("82").orElseThrow().npi()).isEqualTo("1999999984");
    assertThat(claim.taxonomies())
        .containsEntry("BI", "207Q00000X")
        .containsEntry("PE", "207X00000X");
    assertThat(claim.payer().id()).isEqualTo("60054");
    assertThat(claim.payerResponsibility()).isEqualTo("S");
    assertThat(claim.subscriberRelationship()).isEqualTo("01");
    assertThat(claim.groupNumber()).isEqualTo("GRP999");
    assertThat(claim.claimFilingIndicator()).isEqualTo("CI");
    assertThat(claim.patientRelationship()).isEqualTo("01");
  }

  @Test
  void claimElementsDatesReferencesCodesAttachmentsNotes() {
    assertThat(claim.frequencyCode()).isEqualTo("7");
    assertThat(claim.claimElements())
        .containsEntry("CLM06", "Y")
        .containsEntry("CLM07", "A")
        .containsEntry("CLM10", "P")
        .containsEntry("CLM11", "AA:OA:NY")
        .containsEntry("CLM12", "02")
        .containsEntry("CLM20", "8");
    assertThat(claim.dates())
        .containsEntry("431", DateRange.of(day(10, 1)))
        .containsEntry("439", DateRange.of(day(9, 30)));
    assertThat(claim.attachments()).containsExactly(new Attachment("09", "FX", "ATT5501"));
    assertThat(claim.amounts()).containsEntry("F5", amount("25.00"));
    assertThat(claim.priorAuthorization()).isEqualTo("AUTH5501");
    assertThat(claim.payerClaimControlNumber()).isEqualTo("BR26110099");
    assertThat(claim.references()).containsEntry("9F", "REF5501").containsEntry("D9", "CH5501");
    assertThat(claim.notes()).containsExactly(new Note("ADD", "PATIENT SEEN AFTER FALL"));
    assertThat(claim.codes())
        .containsExactly(
            new CodeValue("ABK", "S6290", null),
            new CodeValue("ABF", "W19XXXA", null),
            new CodeValue("ABF", "Y92009", null),
            new CodeValue("BH", "11", null),
            new CodeValue("BE", "80", amount("75.50")));
  }

  @Test
  void otherPayerLoops() {
    OtherPayer other = claim.otherPayers().get(0);
    assertThat(other.responsibility()).isEqualTo("P");
    assertThat(other.payer().id()).isEqualTo("87726");
    assertThat(other.subscriber().id()).isEqualTo("W123456789");
    assertThat(other.adjustments())
        .extracting(a -> a.code() + " " + a.amount())
        .containsExactly("PR-1 40.00", "PR-2 10.00", "CO-45 50.00");
    assertThat(other.amounts())
        .containsEntry("D", amount("200.00"))
        .containsEntry("EAF", amount("50.00"));
    assertThat(other.adjudicationDate()).isEqualTo(day(10, 20));
  }

  @Test
  void serviceLinesWithTheirLoops() {
    assertThat(claim.lines()).hasSize(2);
    SubmittedLine l = claim.lines().get(0);
    assertThat(l.procedure().toString()).isEqualTo("29125-RT");
    assertThat(l.unitBasis()).isEqualTo("UN");
    assertThat(l.placeOfService()).isEqualTo("11");
    assertThat(l.diagnosisPointers()).containsExactly("1", "2", "3");
    assertThat(l.emergency()).isEqualTo("Y");
    assertThat(l.serviceDate()).isEqualTo(day(10, 1));
    assertThat(l.serviceDateTo()).isEqualTo(day(10, 2));
    assertThat(l.lineControlNumber()).isEqualTo("LINE5501A");
    assertThat(l.references()).containsEntry("G1", "LAUTH5501");
    assertThat(l.notes()).containsExactly(new Note("ADD", "SPLINT"));
    assertThat(l.entities()).extracting(EntityName::npi).containsExactly("1555555556");
    OtherPayerLine svd = l.otherPayers().get(0);
    assertThat(svd.payerId()).isEqualTo("87726");
    assertThat(svd.paidAmount()).isEqualTo(amount("150.00"));
    assertThat(svd.procedure().toString()).isEqualTo("29125-RT");
    assertThat(svd.adjustments())
        .extracting(a -> a.code() + " " + a.amount())
        .containsExactly("CO-45 50.00", "PR-2 20.00");
    assertThat(svd.amounts()).containsEntry("EAF", amount("20.00"));
    assertThat(svd.adjudicationDate()).isEqualTo(day(10, 20));
    assertThat(claim.lines().get(1).otherPayers()).hasSize(1);
    assertThat(claim.statementFrom()).isEqualTo(day(10, 1));
  }
}
