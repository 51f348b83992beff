package dev.x12gw.store;

import static dev.x12gw.domain.Fixtures.claim;
import static dev.x12gw.domain.Fixtures.payment;
import static dev.x12gw.domain.Fixtures.remit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.domain.port.ClaimRepository.Placement;
import org.junit.jupiter.api.Test;

class InMemoryClaimRepositoryTest {
  private final InMemoryClaimRepository store = new InMemoryClaimRepository();

  @Test
  void rollbackUndoesClaimsPaymentsAndMergesSinceBegin() {
    Placement kept = store.saveClaim(claim("A", "87726"));
    Placement waiting = store.savePayment(remit("87726", "T"), payment("B", "1", "10", "10"));
    store.begin();
    Placement again = store.saveClaim(claim("A", "87726"));
    store.saveClaim(claim("C", "87726"));
    Placement merged = store.saveClaim(claim("B", "87726"));
    store.savePayment(remit("87726", "T2"), payment("D", "1", "10", "10"));
    assertThat(again.caseId()).isEqualTo(kept.caseId());
    assertThat(merged.caseId()).isEqualTo(waiting.caseId());
    assertThat(store.loadCase(kept.caseId()).claims()).hasSize(2);
    assertThat(store.isDuplicate(remit("87726", "T2"))).isTrue();
    store.rollback();
    assertThat(store.loadCase(kept.caseId()).claims()).hasSize(1);
    assertThat(store.loadCase(waiting.caseId()).claims()).isEmpty();
    assertThat(store.loadCase(waiting.caseId()).payments()).hasSize(1);
    assertThat(store.claimCount()).isEqualTo(1);
    assertThat(store.isDuplicate(remit("87726", "T2"))).isFalse();
    assertThat(store.isDuplicate(remit("87726", "T"))).isTrue();
  }

  @Test
  void commitKeepsChanges() {
    store.begin();
    store.saveClaim(claim("C", "87726"));
    store.commit();
    store.begin();
    store.rollback();
    assertThat(store.claimCount()).isEqualTo(1);
  }

  @Test
  void casesWithoutAClaimAreDroppedOnceNoClaimCanArrive() {
    Placement claimed = store.saveClaim(claim("A", "87726"));
    store.stopWaitingForClaims();
    store.begin();
    Placement alone = store.savePayment(remit("87726", "T"), payment("B", "1", "10", "10"));
    Placement matched = store.savePayment(remit("87726", "T"), payment("A", "1", "10", "10"));
    store.commit();
    assertThat(matched.caseId()).isEqualTo(claimed.caseId());
    assertThat(store.loadCase(claimed.caseId()).payments()).hasSize(1);
    assertThat(store.currentFindings(alone.caseId())).isEmpty();
    assertThat(store.loadCase(alone.caseId()).payments()).isEmpty();
  }
}
