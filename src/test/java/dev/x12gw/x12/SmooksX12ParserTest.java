package dev.x12gw.x12;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.TestFiles;
import dev.x12gw.domain.claim.Adjustment;
import dev.x12gw.domain.claim.AdjustmentLevel;
import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.RemittanceHeader;
import dev.x12gw.domain.remittance.ServicePayment;
import dev.x12gw.x12.smooks.SmooksX12Parser;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SmooksX12ParserTest {
  private static SmooksX12Parser parser;

  @BeforeAll
  static void open() throws Exception {
    parser = new SmooksX12Parser(TestFiles.mapping());
  }

  @AfterAll
  static void close() {
    parser.close();
  }

  static Parsed parse(Path file) throws Exception {
    return Parsed.read(parser, file);
  }

  private static BigDecimal amount(String s) {
    return new BigDecimal(s);
  }

  @Test
  void bindsProfessionalClaimsWithTheirPayerProviderAndLines() throws Exception {
    Parsed p = parse(TestFiles.testdata("claims-professional-3.837"));
    assertThat(p.result().problems()).isEmpty();
    assertThat(p.result().transactionsAccepted()).isEqualTo(1);
    assertThat(p.claims())
        .extracting(SubmittedClaim::patientControlNumber)
        .containsExactly("PCN1001", "PCN1002", "PCN1003");
    SubmittedClaim c = p.claims().get(0);
    assertThat(c.transactionType()).isEqualTo("837P");
    assertThat(c.totalCharge()).isEqualTo(amount("250.00"));
    assertThat(c.payer().id()).isEqualTo("87726");
    assertThat(c.payer().name()).isEqualTo("ACME HEALTH PLAN");
    assertThat(c.billingProvider().npi()).isEqualTo("1234567893");
    assertThat(c.facilityCode()).isEqualTo("11");
    assertThat(c.frequencyCode()).isEqualTo("1");
    assertThat(c.statementFrom()).isEqualTo(LocalDate.of(2026, 10, 15));
    assertThat(c.lines()).hasSize(2);
    assertThat(c.lines().get(1).procedure().code()).isEqualTo("97110");
    assertThat(c.lines().get(1).procedure().modifiers()).containsExactly("GP");
    assertThat(c.lines().get(1).units()).isEqualTo(amount("2"));
    assertThat(c.lines().get(1).lineControlNumber()).isEqualTo("LINE1001B");
    assertThat(c.source().interchangeControlNumber()).isEqualTo("000000101");
    assertThat(c.source().groupControlNumber()).isEqualTo("101");
    assertThat(c.source().transactionControlNumber()).isEqualTo("0001");
    assertThat(p.claims().get(1).priorAuthorization()).isEqualTo("AUTH5566");
    assertThat(p.claims().get(2).payer().id()).isEqualTo("60054");
  }

  @Test
  void bindsRemittanceHeaderClaimPaymentsLinesAdjustmentsAndRemarks() throws Exception {
    Parsed p = parse(TestFiles.testdata("denied-co197-no-auth.835"));
    assertThat(p.result().problems()).isEmpty();
    RemittanceHeader h = p.headers().get(0);
    assertThat(h.traceNumber()).isEqualTo("EFT20261120001");
    assertThat(h.paymentDate()).isEqualTo(LocalDate.of(2026, 11, 20));
    assertThat(h.paymentAmount()).isEqualTo(amount("144.00"));
    assertThat(h.payer().id()).isEqualTo("87726");
    assertThat(h.payerKeys()).contains("87726", "1123456789", "123456789");
    assertThat(h.payee().npi()).isEqualTo("1234567893");
    assertThat(p.payments())
        .extracting(ClaimPayment::patientControlNumber)
        .containsExactly("PCN1001", "PCN1002", "PCN1003");
    ClaimPayment denied = p.payments().get(0);
    assertThat(denied.statusCode()).isEqualTo("4");
    assertThat(denied.paidAmount()).isEqualTo(amount("0.00"));
    assertThat(denied.payerClaimControlNumber()).isEqualTo("ACME26110001");
    assertThat(denied.remarkCodes()).containsExactly("M62");
    assertThat(denied.statementFrom()).isEqualTo(LocalDate.of(2026, 10, 15));
    assertThat(denied.lines()).hasSize(2);
    ServicePayment line = denied.lines().get(1);
    assertThat(line.procedure().toString()).isEqualTo("97110-GP");
    assertThat(line.lineControlNumber()).isEqualTo("LINE1001B");
    assertThat(line.adjustments())
        .containsExactly(new Adjustment(AdjustmentLevel.LINE, "CO", "197", amount("100"), null));
    ClaimPayment paid = p.payments().get(1);
    assertThat(paid.patientResponsibilityAmount()).isEqualTo(amount("36.00"));
    assertThat(paid.lines().get(0).allowedAmount()).isEqualTo(amount("180.00"));
    assertThat(p.payments().get(2).adjustments())
        .containsExactly(new Adjustment(AdjustmentLevel.CLAIM, "CO", "31", amount("95"), null));
  }

  @Test
  void allDelimiterVariantsBindTheSameData() throws Exception {
    Parsed pipes = parse(TestFiles.testdata("pipe-separators-newlines.835"));
    assertThat(pipes.result().problems()).isEmpty();
    ClaimPayment p = pipes.payments().get(0);
    assertThat(p.patientControlNumber()).isEqualTo("PCN1003");
    assertThat(p.lines().get(0).procedure().code()).isEqualTo("99212");
    assertThat(p.lines().get(0).adjustments().get(0).code()).isEqualTo("PR-1");

    Parsed crlf = parse(TestFiles.testdata("crlf-line-endings.837"));
    assertThat(crlf.result().problems()).isEmpty();
    assertThat(crlf.claims().get(0).lines())
        .extracting(l -> l.procedure().toString())
        .containsExactly("29125", "73100-RT");

    Parsed newline = parse(TestFiles.testdata("newline-terminator-bom.835"));
    assertThat(newline.result().problems()).isEmpty();
    assertThat(newline.payments().get(0).allRemarkCodes()).containsExactly("MA130", "N382");
    assertThat(newline.payments().get(0).lines())
        .extracting(ServicePayment::lineControlNumber)
        .containsExactly("LINE2001A", "LINE2001B");
  }

  @Test
  void severalInterchangesEachWithItsOwnDelimiters() throws Exception {
    Parsed p = parse(TestFiles.testdata("two-interchanges-own-delimiters.835"));
    assertThat(p.result().problems()).isEmpty();
    assertThat(p.result().transactionsAccepted()).isEqualTo(3);
    assertThat(p.payments())
        .extracting(ClaimPayment::patientControlNumber)
        .containsExactly("PCN3001", "PCN3002", "PCN3003");
    assertThat(p.headers().get(2).source().interchangeControlNumber()).isEqualTo("000000321");
    assertThat(p.payments().get(2).lines().get(0).remarkCodes()).containsExactly("N115");
  }

  @Test
  void aBadTransactionIsQuarantinedAloneWithItsPlace() throws Exception {
    Parsed p = parse(TestFiles.testdata("bad-amount-one-transaction-quarantined.835"));
    assertThat(p.result().transactionsRejected()).isEqualTo(1);
    assertThat(p.result().transactionsAccepted()).isEqualTo(1);
    assertThat(p.payments())
        .extracting(ClaimPayment::patientControlNumber)
        .containsExactly("PCN5002");
    X12Problem e = p.result().problems().get(0);
    assertThat(e.code()).isEqualTo("INVALID_NUMBER");
    assertThat(e.transactionControlNumber()).isEqualTo("5001");
    assertThat(e.interchangeControlNumber()).isEqualTo("000000251");
    assertThat(e.groupControlNumber()).isEqualTo("251");
    assertThat(e.segmentId()).isEqualTo("CLP");
    assertThat(e.segmentPosition()).isEqualTo(8);
    assertThat(e.elementPosition()).isEqualTo(3);
  }

  @Test
  void aTruncatedTransactionIsQuarantinedAndTheCompleteOneKept() throws Exception {
    Parsed p = parse(TestFiles.testdata("truncated-second-transaction.835"));
    assertThat(p.payments())
        .extracting(ClaimPayment::patientControlNumber)
        .containsExactly("PCN4001");
    assertThat(p.problemCodes()).containsExactly("MISSING_SE", "MISSING_GE", "MISSING_IEA");
    assertThat(p.result().quarantined()).isTrue();
  }

  @Test
  void defectsRealSendersMakeAreAcceptedWithWarnings() throws Exception {
    Parsed se01 = parse(TestFiles.testdata("wrong-se01-count.835"));
    assertThat(se01.problemCodes()).containsExactly("SE01_COUNT");
    assertThat(se01.payments()).hasSize(1);
    assertThat(se01.result().quarantined()).isFalse();

    Parsed mismatch = parse(TestFiles.testdata("component-separator-mismatch.835"));
    assertThat(mismatch.problemCodes()).containsExactly("COMPONENT_SEPARATOR_MISMATCH");
    assertThat(mismatch.payments().get(0).lines().get(0).procedure().toString())
        .isEqualTo("99204-25");
  }

  @Test
  void somethingThatIsNotX12IsUnreadable() throws Exception {
    Parsed p = parse(TestFiles.testdata("not-x12.txt"));
    assertThat(p.result().unreadable()).isTrue();
    assertThat(p.problemCodes()).containsExactly("NOT_X12");
    assertThat(p.result().problems().get(0).message()).contains("offset 0");
  }

  @Test
  void anEmptyFileIsUnreadable(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.835"));
    Parsed p = parse(empty);
    assertThat(p.result().unreadable()).isTrue();
    assertThat(p.result().problems().get(0).message()).contains("empty");
  }

  @Test
  void transactionSetsWithoutAMappingAreQuarantined(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path f = dir.resolve("ack.999");
    Files.writeString(
        f,
        "ISA*00*          *00*          *ZZ*A              *ZZ*B              *261101*1200*^*00501*000000001*0*T*:~"
            + "GS*FA*A*B*20261101*1200*1*X*005010X231A1~ST*999*0001*005010X231A1~AK1*HC*1*005010X222A1~"
            + "SE*3*0001~GE*1*1~IEA*1*000000001~");
    Parsed p = parse(f);
    assertThat(p.problemCodes()).containsExactly("UNSUPPORTED_TRANSACTION");
    assertThat(p.result().problems().get(0).message()).contains("999");
  }

  @Test
  void recordsStreamAndAQuarantinedTransactionIsAnnouncedForUndo() throws Exception {
    List<String> events = new ArrayList<>();
    parser.parse(
        TestFiles.testdata("bad-amount-late-in-transaction.835"),
        "late.835",
        new BindingSink() {
          @Override
          public void beginTransaction(Transaction transaction) {
            events.add("begin " + transaction.controlNumber());
          }

          @Override
          public void claim(SubmittedClaim claim) {
            events.add("claim");
          }

          @Override
          public void payment(RemittanceHeader remittance, ClaimPayment payment) {
            events.add(payment.patientControlNumber());
          }

          @Override
          public void endTransaction(boolean accepted) {
            events.add(accepted ? "commit" : "rollback");
          }
        });
    assertThat(events)
        .containsExactly(
            "begin 8001", "PCN8001", "PCN8002", "rollback", "begin 8002", "PCN8004", "commit");
  }

  @Test
  void loopsArriveAsOneSmooksEventEachWithExactPositions() throws Exception {
    Parsed p = parse(TestFiles.testdata("bad-amount-late-in-transaction.835"));
    X12Problem e = p.result().problems().get(0);
    assertThat(e.segmentId()).isEqualTo("CAS");
    assertThat(e.segmentPosition()).isEqualTo(14);
    assertThat(e.fileSegmentPosition()).isEqualTo(16);
    assertThat(e.elementPosition()).isEqualTo(3);
  }

  @Test
  void aFailureOfTheRecordsTargetReachesTheCallerInsteadOfQuarantiningTheFile() {
    // as the store's failures come: unchecked around a checked SQLException
    IllegalStateException storeDown =
        new IllegalStateException("store unavailable", new java.sql.SQLException("lock timeout"));
    BindingSink failing =
        new BindingSink() {
          @Override
          public void claim(SubmittedClaim claim) {
            throw storeDown;
          }

          @Override
          public void payment(RemittanceHeader remittance, ClaimPayment payment) {
            throw storeDown;
          }
        };
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                parser.parse(
                    TestFiles.testdata("claims-professional-3.837"),
                    "claims-professional-3.837",
                    failing))
        .isSameAs(storeDown);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                parser.parse(
                    TestFiles.testdata("denied-co197-no-auth.835"),
                    "denied-co197-no-auth.835",
                    failing))
        .isSameAs(storeDown);
  }
}
