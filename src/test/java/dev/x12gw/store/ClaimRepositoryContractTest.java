package dev.x12gw.store;

import static dev.x12gw.domain.Fixtures.claim;
import static dev.x12gw.domain.Fixtures.claimAdj;
import static dev.x12gw.domain.Fixtures.payment;
import static dev.x12gw.domain.Fixtures.remit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.domain.ClaimRepository;
import dev.x12gw.domain.DenialDetector;
import dev.x12gw.domain.Finding;
import dev.x12gw.domain.Reconciler;
import dev.x12gw.domain.RecordType;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Matching behaves the same over the H2 store (gateway) and in memory (analyze). */
class ClaimRepositoryContractTest {
  private static final List<AutoCloseable> OPEN = new ArrayList<>();

  static Stream<Arguments> stores() {
    Supplier<ClaimRepository> memory = InMemoryClaimRepository::new;
    Supplier<ClaimRepository> h2 =
        () -> {
          try {
            Database db =
                Database.open(
                    "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 2);
            Connection c = db.begin();
            OPEN.add(c);
            OPEN.add(db);
            long fileId = IntakeFiles.start(c, "f".repeat(64), "test.x12", "test");
            return new JdbcClaimRepository(c, fileId);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        };
    return Stream.of(Arguments.of("memory", memory), Arguments.of("h2", h2));
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : OPEN) {
      c.close();
    }
    OPEN.clear();
  }

  private final List<Finding> findings = new ArrayList<>();

  private Reconciler reconciler(ClaimRepository repo) {
    return new Reconciler(repo, new DenialDetector(), findings::add);
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
        .isTrue();
    assertThat(findings).extracting(Finding::type).containsExactly(RecordType.CLAIM_DENIAL);
    assertThat(findings.get(0).claim().billingProvider().npi()).isEqualTo("1234567893");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void remitBeforeItsClaimWaitsAndIsMatchedWhenTheClaimArrives(
      String name, Supplier<ClaimRepository> store) {
    ClaimRepository repo = store.get();
    Reconciler r = reconciler(repo);
    assertThat(r.acceptPayment(remit("87726", "T1"), payment("PCN1", "1", "250", "250"))).isFalse();
    assertThat(findings).extracting(Finding::type).containsExactly(RecordType.UNMATCHED_REMIT);
    assertThat(repo.findUnmatchedPayments("PCN1", "87726")).hasSize(1);
    assertThat(r.acceptClaim(claim("PCN1", "87726"))).isEqualTo(1);
    assertThat(repo.findUnmatchedPayments("PCN1", "87726")).isEmpty();
    assertThat(r.acceptClaim(claim("PCN1", "87726"))).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void samePatientControlNumberAtAnotherPayerDoesNotMatch(
      String name, Supplier<ClaimRepository> store) {
    ClaimRepository repo = store.get();
    Reconciler r = reconciler(repo);
    r.acceptClaim(claim("PCN1", "60054"));
    assertThat(r.acceptPayment(remit("87726", "T1"), payment("PCN1", "1", "250", "250"))).isFalse();
    assertThat(r.acceptClaim(claim("PCN1", "11111"))).isZero();
    assertThat(r.acceptClaim(claim("PCN1", "87726"))).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void theLatestClaimWins(String name, Supplier<ClaimRepository> store) {
    ClaimRepository repo = store.get();
    long first = repo.saveClaim(claim("PCN1", "87726"));
    long second = repo.saveClaim(claim("PCN1", "87726"));
    assertThat(repo.findClaim("PCN1", java.util.Set.of("87726")).orElseThrow().id())
        .isEqualTo(second)
        .isNotEqualTo(first);
    assertThat(repo.findClaim("PCN1", java.util.Set.of("99999"))).isEmpty();
    assertThat(repo.findClaim("PCN1", java.util.Set.of())).isEmpty();
  }
}
