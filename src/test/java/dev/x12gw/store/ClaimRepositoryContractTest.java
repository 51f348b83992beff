package dev.x12gw.store;

import static dev.x12gw.domain.Fixtures.claim;
import static dev.x12gw.domain.Fixtures.claimAdj;
import static dev.x12gw.domain.Fixtures.payment;
import static dev.x12gw.domain.Fixtures.remit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.domain.Fixtures;
import dev.x12gw.domain.finding.Finding;
import dev.x12gw.domain.finding.RecordType;
import dev.x12gw.domain.finding.Recoupment;
import dev.x12gw.domain.port.ClaimRepository;
import dev.x12gw.domain.port.FindingSink;
import dev.x12gw.domain.reconcile.PaymentResult;
import dev.x12gw.domain.reconcile.Reconciler;
import dev.x12gw.domain.reconcile.ReconciliationPolicy;
import dev.x12gw.domain.reconcile.Withdrawal;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.RemittanceHeader;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Matching behaves the same over the store, H2 or PostgreSQL (gateway), and in memory (analyze).
 */
class ClaimRepositoryContractTest {
  private static final List<AutoCloseable> OPEN = new ArrayList<>();

  static Stream<Arguments> stores() {
    Supplier<ClaimRepository> memory = InMemoryClaimRepository::new;
    Stream<Arguments> jdbc =
        TestStore.backends().stream()
            .map(b -> Arguments.of(b.name().toLowerCase(Locale.ROOT), jdbc(b)));
    return Stream.concat(Stream.of(Arguments.of("memory", memory)), jdbc);
  }

  private static Supplier<ClaimRepository> jdbc(TestStore.Backend backend) {
    return () -> {
      try {
        TestStore store = backend.open();
        OPEN.add(store);
        Connection c = store.database().begin();
        OPEN.add(0, c);
        long fileId = IntakeFiles.start(c, "f".repeat(64), "test.x12", "test");
        return new JdbcClaimRepository(c, fileId);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : OPEN) {
      c.close();
    }
    OPEN.clear();
  }

  private final List<Finding> findings = new ArrayList<>();
  private final List<String> superseded = new ArrayList<>();
  private final List<Withdrawal> withdrawn = new ArrayList<>();

  private Reconciler reconciler(ClaimRepository repo) {
    return new Reconciler(
        repo,
        ReconciliationPolicy.none(),
        new FindingSink() {
          @Override
          public void accept(long caseId, Finding f, String old) {
            findings.add(f);
            if (old != null) {
              superseded.add(old);
            }
          }

          @Override
          public void withdraw(Withdrawal w) {
            withdrawn.add(w);
          }
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void claimThenRemitMatches(String name, Supplier<ClaimRepository> store) {
    Reconciler r = reconciler(store.get());
    assertThat(r.acceptClaim(claim("PCN1", "87726"))).isZero();
    assertThat(
            r.acceptPayment(
                remit("87726", "T1"),
                payment("PCN1", "4", "250", "0", claimAdj("CO", "197", "250"))))
        .isEqualTo(PaymentResult.MATCHED);
    assertThat(findings).extracting(Finding::type).containsExactly(RecordType.CLAIM_DENIAL);
    assertThat(findings.get(0).claim().billingProvider().npi()).isEqualTo("1234567893");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void remitBeforeItsClaimIsUnmatchedUntilTheClaimArrives(
      String name, Supplier<ClaimRepository> store) {
    ClaimRepository repo = store.get();
    Reconciler r = reconciler(repo);
    assertThat(r.acceptPayment(remit("87726", "T1"), payment("PCN1", "1", "250", "250")))
        .isEqualTo(PaymentResult.UNMATCHED);
    assertThat(findings).extracting(Finding::type).containsExactly(RecordType.UNMATCHED_REMIT);
    ClaimRepository.Placement at = repo.saveClaim(claim("PCNX", "87726"));
    assertThat(repo.currentFindings(at.caseId())).isEmpty();
    assertThat(r.acceptClaim(claim("PCN1", "87726"))).isEqualTo(1);
    // the claim arrived: nothing new to say, and the unmatched finding is withdrawn
    assertThat(findings).hasSize(1);
    assertThat(withdrawn).hasSize(1);
    assertThat(withdrawn.get(0).withdrawnRecordId()).isEqualTo(findings.get(0).recordId());
    assertThat(withdrawn.get(0).withdrawnType()).isEqualTo(RecordType.UNMATCHED_REMIT);
    assertThat(withdrawn.get(0).patientControlNumber()).isEqualTo("PCN1");
    assertThat(withdrawn.get(0).detection().rationale()).contains("has been received");
    long caseId = repo.saveClaim(claim("PCN1", "87726")).caseId();
    assertThat(repo.currentFindings(caseId)).isEmpty();
    assertThat(repo.loadCase(caseId).payments()).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void aDenialSeenBeforeItsClaimIsRepublishedWithTheClaimAndSupersedesTheFirstRecord(
      String name, Supplier<ClaimRepository> store) {
    Reconciler r = reconciler(store.get());
    r.acceptPayment(
        remit("87726", "T1"), payment("PCN1", "4", "250", "0", claimAdj("CO", "197", "250")));
    assertThat(findings)
        .extracting(Finding::type)
        .containsExactly(RecordType.CLAIM_DENIAL, RecordType.UNMATCHED_REMIT);
    String first = findings.get(0).recordId();
    r.acceptClaim(claim("PCN1", "87726"));
    assertThat(findings).hasSize(3);
    assertThat(findings.get(2).type()).isEqualTo(RecordType.CLAIM_DENIAL);
    assertThat(findings.get(2).claim()).isNotNull();
    assertThat(findings.get(2).findingKey()).isEqualTo(findings.get(0).findingKey());
    assertThat(superseded).containsExactly(first);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void samePatientControlNumberAtAnotherPayerDoesNotMatch(
      String name, Supplier<ClaimRepository> store) {
    Reconciler r = reconciler(store.get());
    r.acceptClaim(claim("PCN1", "60054"));
    assertThat(r.acceptPayment(remit("87726", "T1"), payment("PCN1", "1", "250", "250")))
        .isEqualTo(PaymentResult.UNMATCHED);
    assertThat(r.acceptClaim(claim("PCN1", "11111"))).isZero();
    assertThat(r.acceptClaim(claim("PCN1", "87726"))).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void aRemittanceTakenInBeforeIsADuplicate(String name, Supplier<ClaimRepository> store) {
    ClaimRepository repo = store.get();
    Reconciler r = reconciler(repo);
    assertThat(r.acceptPayment(remit("87726", "T1"), payment("PCN1", "1", "250", "250")))
        .isEqualTo(PaymentResult.UNMATCHED);
    assertThat(
            reconciler(repo)
                .acceptPayment(remit("87726", "T1"), payment("PCN1", "1", "250", "250")))
        .isEqualTo(PaymentResult.DUPLICATE);
    assertThat(findings).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void aReplacementClaimJoinsTheCaseOfThePaymentItNames(
      String name, Supplier<ClaimRepository> store) {
    ClaimRepository repo = store.get();
    long original = repo.saveClaim(claim("PCN1", "87726")).caseId();
    ClaimPayment paid = payment("PCN1", "1", "250", "250");
    assertThat(repo.savePayment(remit("87726", "T1"), paid).caseId()).isEqualTo(original);
    ClaimRepository.Placement corrected =
        repo.saveClaim(
            Fixtures.claimWith(
                "PCN1-NEW",
                "7",
                paid.payerClaimControlNumber(),
                null,
                Fixtures.line(1, "L1", "99213", "250")));
    assertThat(corrected.caseId()).isEqualTo(original);
    assertThat(corrected.alone()).isFalse();
    assertThat(repo.loadCase(original).claims()).hasSize(2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void aReversalWaitsForItsCorrectionWithinAWindowOfPayments(
      String name, Supplier<ClaimRepository> store) {
    Reconciler r = reconciler(store.get());
    RemittanceHeader later = paidThenReversed(r);
    assertThat(findings).isEmpty(); // the reversal waits for its correction
    for (int i = 0; i < Reconciler.REVERSAL_WINDOW - 1; i++) {
      r.acceptPayment(later, payment("OTHER" + i, "1", "10", "10"));
    }
    assertThat(findings).extracting(Finding::type).doesNotContain(RecordType.RECOUPMENT);
    r.acceptPayment(later, payment("OTHER", "1", "10", "10"));
    assertThat(findings).filteredOn(f -> f.type() == RecordType.RECOUPMENT).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void aReversalAndItsCorrectionInOneTransactionSetGiveOneNetRecord(
      String name, Supplier<ClaimRepository> store) {
    Reconciler r = reconciler(store.get());
    RemittanceHeader later = paidThenReversed(r);
    r.acceptPayment(later, payment("PCN1", "1", "250", "150", claimAdj("CO", "45", "100")));
    r.endTransaction();
    assertThat(findings).extracting(Finding::type).containsExactly(RecordType.RECOUPMENT);
    assertThat(((Recoupment) findings.get(0)).amount()).isEqualByComparingTo("50.00");
    assertThat(withdrawn).isEmpty();
  }

  /** PCN1 claimed and paid 200.00 (trace T1), then reversed on 2026-12-01 (trace T2, returned). */
  private static RemittanceHeader paidThenReversed(Reconciler r) {
    r.acceptClaim(claim("PCN1", "87726"));
    r.acceptPayment(
        remit("87726", "T1"), payment("PCN1", "1", "250", "200", claimAdj("CO", "45", "50")));
    RemittanceHeader later = Fixtures.remitOn("T2", java.time.LocalDate.of(2026, 12, 1));
    r.acceptPayment(later, payment("PCN1", "22", "-250", "-200", claimAdj("CO", "45", "-50")));
    return later;
  }
}
