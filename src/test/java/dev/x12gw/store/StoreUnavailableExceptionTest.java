package dev.x12gw.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class StoreUnavailableExceptionTest {
  @Test
  void failuresThatPassMeanTheStoreIsUnavailable() {
    assertThat(StoreUnavailableException.isCause(new SQLTransientConnectionException("pool")))
        .isTrue();
    assertThat(StoreUnavailableException.isCause(new SQLTimeoutException("lock", "HYT00")))
        .isTrue();
    assertThat(StoreUnavailableException.isCause(new SQLException("refused", "08001"))).isTrue();
    assertThat(
            StoreUnavailableException.isCause(
                new java.sql.BatchUpdateException("lock timeout in a batch", "HYT00", new int[0])))
        .as("H2's lock timeout in a batch")
        .isTrue();
    assertThat(StoreUnavailableException.isCause(new SQLException("deadlock", "40P01"))).isTrue();
    assertThat(StoreUnavailableException.isCause(new SQLException("out of shared memory", "53200")))
        .isTrue();
    assertThat(StoreUnavailableException.isCause(new SQLException("serialization", "40001")))
        .isTrue();
    assertThat(
            StoreUnavailableException.isCause(
                new StoreException("cannot commit", new SQLException("lost", "08006"))))
        .as("found among the causes")
        .isTrue();
  }

  @Test
  void failuresOfTheWorkItselfDoNot() {
    assertThat(StoreUnavailableException.isCause(new SQLException("duplicate key", "23505")))
        .isFalse();
    assertThat(StoreUnavailableException.isCause(new SQLException("no state"))).isFalse();
    assertThat(StoreUnavailableException.isCause(new IllegalStateException("defect"))).isFalse();
    assertThat(
            StoreUnavailableException.isCause(
                new StoreException("cannot store", new SQLException("too long", "22001"))))
        .isFalse();
  }
}
