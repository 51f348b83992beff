package dev.x12gw.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Several gateway nodes on one PostgreSQL store: two transactions that put items of one claim case
 * in the store at once (a claim on one node, its remittance on another) run one after the other, in
 * the database (advisory locks on the match keys, row locks on the cases), so the second sees the
 * first's case instead of making another or missing its items.
 */
class CaseLocksTest {
  @Test
  void aSecondTransactionJoiningByAKeyOfAnUncommittedCaseWaitsAndThenMeetsIt() throws Exception {
    try (TestStore store = TestStore.Backend.POSTGRESQL.open();
        Connection first = store.database().begin();
        Connection second = store.database().begin()) {
      Cases.Joined claim = Cases.join(first, List.of("pcn:A1", "ref:X1"));
      assertThat(claim.alone()).isTrue();
      CompletableFuture<Cases.Joined> payment =
          CompletableFuture.supplyAsync(() -> join(second, List.of("pcn:A1", "trace:T9")));
      assertThatThrownBy(() -> payment.get(700, TimeUnit.MILLISECONDS))
          .as("waits for the first transaction")
          .isInstanceOf(TimeoutException.class);
      first.commit();
      Cases.Joined joined = payment.get(20, TimeUnit.SECONDS);
      assertThat(joined.caseId()).isEqualTo(claim.caseId());
      assertThat(joined.alone()).isFalse();
      second.commit();
    }
  }

  @Test
  void twoTransactionsJoiningOneCaseByDifferentKeysRunOneAfterTheOther() throws Exception {
    try (TestStore store = TestStore.Backend.POSTGRESQL.open()) {
      long caseId =
          store.database().inTransaction(c -> Cases.join(c, List.of("k:1", "k:2")).caseId());
      try (Connection first = store.database().begin();
          Connection second = store.database().begin()) {
        assertThat(Cases.join(first, List.of("k:1")).caseId()).isEqualTo(caseId);
        CompletableFuture<Cases.Joined> other =
            CompletableFuture.supplyAsync(() -> join(second, List.of("k:2")));
        assertThatThrownBy(() -> other.get(700, TimeUnit.MILLISECONDS))
            .as("the case's row is locked by the first transaction")
            .isInstanceOf(TimeoutException.class);
        first.commit();
        assertThat(other.get(20, TimeUnit.SECONDS).caseId()).isEqualTo(caseId);
        second.commit();
      }
    }
  }

  @Test
  void aSetWhoseKeysOverflowTheServersLockTableLeavesItsFileToBeTriedAgain() throws Exception {
    // 8,000 claims of 5 keys: 40,000 key locks, more than the test server's lock table holds
    // (64 per connection x 200 connections): PostgreSQL says "out of shared memory" (53200), which
    // keeps the file on the drop to be tried again (with a larger max_locks_per_transaction)
    try (TestStore store = TestStore.Backend.POSTGRESQL.open();
        Connection c = store.database().begin()) {
      assertThatThrownBy(
              () -> {
                for (int claim = 0; claim < 8000; claim++) {
                  List<String> keys = new java.util.ArrayList<>();
                  for (int k = 0; k < 5; k++) {
                    keys.add("big:" + claim + ":" + k);
                  }
                  Cases.join(c, keys);
                }
              })
          .satisfies(e -> assertThat(StoreUnavailableException.isCause(e)).isTrue())
          .hasMessageContaining("shared memory");
      c.rollback();
    }
  }

  private static Cases.Joined join(Connection c, List<String> keys) {
    try {
      return Cases.join(c, keys);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
