package dev.x12gw.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.domain.classification.DenialFamily;
import dev.x12gw.domain.classification.PayerFamilyStat;
import dev.x12gw.domain.classification.PayerHistory.Observed;
import dev.x12gw.domain.classification.PayerStats.Entry;
import dev.x12gw.domain.classification.ServiceLine;
import dev.x12gw.domain.finding.RecordIds;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Folding: the findings of a dropped case keep only their totals. */
class InMemoryPayerStatsTest {
  private static Entry denial(String name, String amount) {
    return new Entry(
        RecordIds.of("key", name),
        RecordIds.of("record", name),
        "87726",
        DenialFamily.CODING,
        ServiceLine.OTHER,
        "DENIAL",
        new BigDecimal(amount),
        new BigDecimal("1.00"),
        LocalDate.of(2026, 1, 10));
  }

  private static String summary(InMemoryPayerStats stats) {
    List<PayerFamilyStat> rows = stats.summary();
    assertThat(rows).hasSizeLessThanOrEqualTo(1);
    return rows.isEmpty()
        ? "none"
        : rows.get(0).findings()
            + " "
            + rows.get(0).amount()
            + " "
            + rows.get(0).expectedRecovery();
  }

  @Test
  void foldedFindingsStillCountButAreNoLongerTracked() {
    InMemoryPayerStats stats = new InMemoryPayerStats();
    stats.begin();
    stats.classified(denial("a", "10.00"));
    stats.classified(denial("b", "20.00"));
    stats.fold(List.of(RecordIds.of("key", "a"), RecordIds.of("key", "unknown")));
    stats.commit();
    assertThat(summary(stats)).isEqualTo("2 30.00 2.00");
    assertThat(stats.observed("87726", DenialFamily.CODING, null)).isEqualTo(new Observed(2, 0));
    // a folded finding is final: a late withdrawal of it changes nothing
    stats.withdrawn(RecordIds.of("record", "a"));
    assertThat(summary(stats)).isEqualTo("2 30.00 2.00");
    // the tracked one still can
    stats.withdrawn(RecordIds.of("record", "b"));
    assertThat(summary(stats)).isEqualTo("1 10.00 1.00");
  }

  @Test
  void aRollbackUndoesFindingsFoldedInTheTransactionSet() {
    InMemoryPayerStats stats = new InMemoryPayerStats();
    stats.begin();
    stats.classified(denial("a", "10.00"));
    stats.commit();
    stats.begin();
    stats.classified(denial("b", "20.00"));
    stats.fold(List.of(RecordIds.of("key", "a"), RecordIds.of("key", "b")));
    assertThat(summary(stats)).isEqualTo("2 30.00 2.00");
    stats.rollback();
    assertThat(summary(stats)).isEqualTo("1 10.00 1.00");
    assertThat(stats.observed("87726", DenialFamily.CODING, null)).isEqualTo(new Observed(1, 0));
    // a is tracked again: it can still be withdrawn
    stats.withdrawn(RecordIds.of("record", "a"));
    assertThat(summary(stats)).isEqualTo("none");
    assertThat(stats.observed("87726", DenialFamily.CODING, null)).isEqualTo(new Observed(0, 0));
  }

  @Test
  void foldingOutsideATransactionSetIsKept() {
    InMemoryPayerStats stats = new InMemoryPayerStats();
    stats.classified(denial("a", "10.00"));
    stats.fold(List.of(RecordIds.of("key", "a")));
    stats.begin();
    stats.rollback();
    assertThat(summary(stats)).isEqualTo("1 10.00 1.00");
  }
}
