package dev.x12gw.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.TestFiles;
import dev.x12gw.domain.ClaimRepository;
import dev.x12gw.domain.classification.PayerStats;
import dev.x12gw.records.OutboundRecord;
import dev.x12gw.store.InMemoryClaimRepository;
import dev.x12gw.store.InMemoryPayerStats;
import dev.x12gw.x12.X12Problem;
import dev.x12gw.x12.smooks.SmooksX12Parser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The per-file intake unit without Camel or a database: an in-memory target that keeps what a
 * transaction set commits and drops what a quarantined one wrote.
 */
class FileIntakeTest {
  private static SmooksX12Parser parser;
  private static X12FileProcessor processor;

  @BeforeAll
  static void open() throws Exception {
    parser = new SmooksX12Parser(TestFiles.mapping());
    processor = TestFiles.processor(parser, null);
  }

  @AfterAll
  static void close() throws Exception {
    parser.close();
  }

  /** Records in a buffer per transaction set, kept on commit, dropped on rollback. */
  private static final class MemoryTarget implements IntakeTarget {
    final InMemoryClaimRepository store = new InMemoryClaimRepository();
    final InMemoryPayerStats stats = new InMemoryPayerStats();
    final List<OutboundRecord> kept = new ArrayList<>();
    final List<OutboundRecord> pending = new ArrayList<>();
    int rollbacks;
    boolean inTransaction;

    @Override
    public ClaimRepository repository() {
      return store;
    }

    @Override
    public RecordSink records() {
      return r -> {
        if (kept.stream().anyMatch(k -> k.recordId().equals(r.recordId()))
            || pending.stream().anyMatch(k -> k.recordId().equals(r.recordId()))) {
          return false;
        }
        (inTransaction ? pending : kept).add(r);
        return true;
      };
    }

    @Override
    public PayerStats stats() {
      return stats;
    }

    @Override
    public void beginTransaction() {
      store.begin();
      stats.begin();
      inTransaction = true;
    }

    @Override
    public void commitTransaction() {
      store.commit();
      stats.commit();
      kept.addAll(pending);
      pending.clear();
      inTransaction = false;
    }

    @Override
    public void rollbackTransaction() {
      store.rollback();
      stats.rollback();
      pending.clear();
      rollbacks++;
      inTransaction = false;
    }
  }

  private static FileReport take(String fixture, MemoryTarget target) throws Exception {
    Path file = TestFiles.testdata(fixture);
    return processor.process(file, fixture, "sha-" + fixture, target);
  }

  @Test
  void claimThenRemittanceMatchesAndCountsRecordsByType() throws Exception {
    MemoryTarget target = new MemoryTarget();
    FileReport claims = take("claims-professional-3.837", target);
    FileReport remit = take("denied-co197-no-auth.835", target);

    assertThat(claims.outcome()).isEqualTo(FileOutcome.PROCESSED);
    assertThat(claims.published()).isEmpty();
    assertThat(remit.matched()).isEqualTo(2);
    assertThat(remit.published()).isEqualTo(Map.of("CLAIM_DENIAL", 2L, "UNMATCHED_REMIT", 1L));
    assertThat(target.kept).hasSize(3);
  }

  @Test
  void aQuarantinedTransactionSetLeavesNothingBehindAndTheOthersStay() throws Exception {
    MemoryTarget target = new MemoryTarget();
    FileReport report = take("bad-amount-one-transaction-quarantined.835", target);

    assertThat(report.outcome()).isEqualTo(FileOutcome.PARTIAL);
    assertThat(target.rollbacks).isEqualTo(report.read().transactionsRejected()).isPositive();
    assertThat(report.read().transactionsAccepted()).isPositive();
    // what is counted is what was kept: the quarantined set's records are not among them
    long counted = report.published().values().stream().mapToLong(Long::longValue).sum();
    assertThat(target.kept).hasSize((int) counted);
    assertThat(target.kept).anyMatch(r -> r.recordType().equals("INTAKE_ERROR"));
    assertThat(target.pending).isEmpty();
  }

  @Test
  void aResentRemittanceIsAWarningAndBringsNothingNew() throws Exception {
    MemoryTarget target = new MemoryTarget();
    take("denied-co197-no-auth.835", target);
    int before = target.kept.size();

    FileReport again = take("denied-co197-no-auth.835", target);

    assertThat(again.outcome()).isEqualTo(FileOutcome.PROCESSED);
    assertThat(again.read().problems())
        .extracting(X12Problem::code)
        .containsExactly("DUPLICATE_REMITTANCE");
    assertThat(again.published()).isEqualTo(Map.of("INTAKE_WARNING", 1L));
    assertThat(target.kept).hasSize(before + 1);
  }
}
