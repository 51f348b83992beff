package dev.x12gw.x12;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.TestFiles;
import dev.x12gw.domain.claim.EntityName;
import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.ProviderAdjustment;
import dev.x12gw.domain.remittance.RemittanceHeader;
import dev.x12gw.domain.remittance.RemittanceTrailer;
import dev.x12gw.domain.remittance.ServicePayment;
import dev.x12gw.domain.remittance.SummaryFigure;
import dev.x12gw.x12.smooks.SmooksX12Parser;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every 835 segment the gateway binds, from {@code testdata/every-remittance-segment.835}. */
class RemittanceFidelityTest {
  private static SmooksX12Parser parser;
  private static final List<ClaimPayment> payments = new ArrayList<>();
  private static final List<RemittanceTrailer> trailers = new ArrayList<>();
  private static RemittanceHeader header;
  private static ReadResult result;

  @BeforeAll
  static void read() throws Exception {
    parser = new SmooksX12Parser(TestFiles.mapping());
    result =
        parser.parse(
            TestFiles.testdata("every-remittance-segment.835"),
            "every.835",
            new BindingSink() {
              @Override
              public void claim(SubmittedClaim claim) {}

              @Override
              public void payment(RemittanceHeader remittance, ClaimPayment payment) {
                header = remittance;
                payments.add(payment);
              }

              @Override
              public void remittanceEnd(RemittanceTrailer trailer) {
                trailers.add(trailer);
              }
            });
  }

  @AfterAll
  static void close() {
    parser.close();
  }

  private static BigDecimal amount(String s) {
    return new BigDecimal(s);
  }

  @Test
  void readsWithoutProblems() {
    assertThat(result.problems()).isEmpty();
    assertThat(payments).hasSize(2);
  }

  @Test
  void headerPayerAndPayee() {
    assertThat(header.handlingCode()).isEqualTo("I");
    assertThat(header.creditDebit()).isEqualTo("C");
    assertThat(header.paymentMethod()).isEqualTo("ACH");
    assertThat(header.paymentAmount()).isEqualTo(amount("1043.95"));
    assertThat(header.paymentDate()).isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(header.productionDate()).isEqualTo(LocalDate.of(2026, 11, 29));
    assertThat(header.traceNumber()).isEqualTo("EFT20261130777");
    assertThat(header.payer().id()).isEqualTo("87726");
    assertThat(header.payerKeys()).contains("87726", "ACME01", "1123456789", "123456789");
    assertThat(header.payerReferences())
        .containsEntry("2U", "87726")
        .containsEntry("NF", "NAIC123");
    assertThat(header.payee().npi()).isEqualTo("1234567893");
    assertThat(header.payee().taxId()).isEqualTo("371234567");
    assertThat(header.payeeIdQualifier()).isEqualTo("XX");
    assertThat(header.payeeReferences())
        .containsEntry("TJ", "371234567")
        .containsEntry("PQ", "PAYEE42");
  }

  @Test
  void claimPaymentWithEveryElementAndItsLoopSegments() {
    ClaimPayment c = payments.get(0);
    assertThat(c.patientControlNumber()).isEqualTo("PCN9001");
    assertThat(c.claimFilingIndicator()).isEqualTo("MA");
    assertThat(c.facilityCode()).isEqualTo("13");
    assertThat(c.frequencyCode()).isEqualTo("1");
    assertThat(c.patientStatusCode()).isEqualTo("01");
    assertThat(c.drgCode()).isEqualTo("470");
    assertThat(c.drgWeight()).isEqualTo(amount("1.2345"));
    assertThat(c.dischargeFraction()).isEqualTo(amount("0.5"));
    assertThat(c.adjustments())
        .extracting(a -> a.code() + " " + a.amount())
        .containsExactly("CO-45 3500.00", "CO-A2 250.00", "PR-1 250.00");
    assertThat(c.entities())
        .extracting(EntityName::role)
        .containsExactly("QC", "IL", "74", "82", "TT", "PR");
    assertThat(c.entity("82").orElseThrow().npi()).isEqualTo("1999999984");
    assertThat(c.entity("TT").orElseThrow().lastOrOrganization()).isEqualTo("MEDIGAP PLUS");
    assertThat(c.entity("QC").orElseThrow().middle()).isEqualTo("Q");
    assertThat(c.inpatientAdjudication().amounts())
        .containsEntry(1, amount("3"))
        .containsEntry(4, amount("1000.00"));
    assertThat(c.inpatientAdjudication().remarkCodes()).containsExactly("MA15", "MA28", "N16");
    assertThat(c.remarkCodes()).containsExactly("MA15", "MA28", "N16");
    assertThat(c.statementFrom()).isEqualTo(LocalDate.of(2026, 10, 1));
    assertThat(c.statementTo()).isEqualTo(LocalDate.of(2026, 10, 4));
    assertThat(c.receivedDate()).isEqualTo(LocalDate.of(2026, 10, 10));
    assertThat(c.amounts())
        .containsEntry("AU", amount("1250.00"))
        .containsEntry("I", amount("4.50"));
    assertThat(c.quantities()).containsEntry("CA", amount("3"));
    assertThat(c.references()).containsEntry("1L", "GRP777").containsEntry("EA", "MR-555");
  }

  @Test
  void servicePaymentWithOriginalCodeDatesReferencesAmountsAndRemarks() {
    ClaimPayment c = payments.get(1);
    assertThat(c.outpatientAdjudication().amounts())
        .containsEntry(1, amount("0.8"))
        .containsEntry(2, amount("44.00"))
        .containsEntry(8, amount("7.00"))
        .containsEntry(9, amount("3.00"));
    assertThat(c.outpatientAdjudication().remarkCodes()).containsExactly("MA01", "N130");
    ServicePayment line = c.lines().get(0);
    assertThat(line.procedure().toString()).isEqualTo("99214-25");
    assertThat(line.revenueCode()).isEqualTo("0450");
    assertThat(line.submittedProcedure().code()).isEqualTo("99215");
    assertThat(line.submittedUnits()).isEqualTo(amount("1"));
    assertThat(line.serviceDate()).isEqualTo(LocalDate.of(2026, 10, 15));
    assertThat(line.serviceDateTo()).isEqualTo(LocalDate.of(2026, 10, 16));
    assertThat(line.adjustments())
        .extracting(a -> a.code() + " " + a.amount() + " " + a.quantity())
        .containsExactly("CO-45 100.00 1", "CO-253 0.90 null", "OA-23 55.15 null");
    assertThat(line.lineControlNumber()).isEqualTo("LINE9002A");
    assertThat(line.references())
        .containsEntry("LU", "11")
        .containsEntry("1S", "APG7")
        .containsEntry("G1", "AUTH9002");
    assertThat(line.allowedAmount()).isEqualTo(amount("100.00"));
    assertThat(line.amounts()).containsEntry("KH", amount("1.10"));
    assertThat(line.quantities()).containsEntry("ZK", amount("1"));
    assertThat(line.remarkCodes()).containsExactly("N130");
    assertThat(line.rxRejectCodes()).containsExactly("70");
  }

  @Test
  void providerSummaryAndEveryPlbPair() {
    RemittanceTrailer t = trailers.get(0);
    assertThat(t.claimPayments()).isEqualTo(2);
    assertThat(t.summaries())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.headerNumber()).isEqualTo("1");
              assertThat(s.claimCount()).isEqualTo(amount("2"));
              assertThat(s.totalCharge()).isEqualTo(amount("5200.00"));
              assertThat(s.figures())
                  .extracting(SummaryFigure::element, SummaryFigure::value)
                  .containsExactly(
                      org.assertj.core.groups.Tuple.tuple("TS313", amount("150.00")),
                      org.assertj.core.groups.Tuple.tuple("TS201", amount("4000.00")),
                      org.assertj.core.groups.Tuple.tuple("TS202", amount("3200.00")),
                      org.assertj.core.groups.Tuple.tuple("TS216", new BigDecimal("1.2345")));
            });
    assertThat(t.adjustments())
        .extracting(
            ProviderAdjustment::reason, ProviderAdjustment::reference, ProviderAdjustment::amount)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("WO", "ACME26110001", amount("-12.34")),
            org.assertj.core.groups.Tuple.tuple("L6", "", amount("-1.05")),
            org.assertj.core.groups.Tuple.tuple("72", "ACME26110002", amount("2.00")));
    assertThat(t.adjustments().get(0).providerId()).isEqualTo("1234567893");
    assertThat(t.adjustments().get(0).fiscalPeriodEnd()).isEqualTo(LocalDate.of(2026, 12, 31));
  }
}
