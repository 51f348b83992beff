package dev.x12gw.store;

import static dev.x12gw.domain.Fixtures.claim;
import static dev.x12gw.domain.Fixtures.payment;
import static dev.x12gw.domain.Fixtures.remit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryClaimRepositoryTest {
  private final InMemoryClaimRepository store = new InMemoryClaimRepository();

  @Test
  void rollbackUndoesClaimsPaymentsAndLinksSinceBegin() {
    long kept = store.saveClaim(claim("A", "87726"));
    long waiting =
        store.savePayment(remit("87726", "T"), payment("B", "1", "10", "10"), Optional.empty());
    store.begin();
    store.saveClaim(claim("A", "87726"));
    store.saveClaim(claim("C", "87726"));
    store.linkPayment(waiting, kept);
    store.savePayment(remit("87726", "T"), payment("D", "1", "10", "10"), Optional.empty());
    store.rollback();
    assertThat(store.findClaim("A", Set.of("87726")).orElseThrow().id()).isEqualTo(kept);
    assertThat(store.findClaim("C", Set.of("87726"))).isEmpty();
    assertThat(store.findUnmatchedPayments("B", "87726")).containsExactly(waiting);
    assertThat(store.findUnmatchedPayments("D", "87726")).isEmpty();
  }

  @Test
  void commitKeepsChanges() {
    store.begin();
    store.saveClaim(claim("C", "87726"));
    store.commit();
    store.begin();
    store.rollback();
    assertThat(store.findClaim("C", Set.of("87726"))).isPresent();
  }

  @Test
  void paymentsStopWaitingOnceNoClaimCanArrive() {
    store.stopWaitingForClaims();
    store.savePayment(remit("87726", "T"), payment("B", "1", "10", "10"), Optional.empty());
    assertThat(store.findUnmatchedPayments("B", "87726")).isEmpty();
  }
}
