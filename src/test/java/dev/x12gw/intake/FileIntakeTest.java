package dev.x12gw.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.x12gw.TestFiles;
import dev.x12gw.bench.X12Generator;
import dev.x12gw.domain.classification.PayerStats;
import dev.x12gw.domain.port.ClaimRepository;
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
import org.junit.jupiter.api.io.TempDir;

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

    /** Sets committed, in order (what the gateway stores as intake_progress). */
    final List<CommittedSet> committed = new ArrayList<>();

    /** Sets an earlier attempt committed (a resumed attempt). */
    Map<Integer, CommittedSet> earlier = Map.of();

    /** The commit of this set fails, as a crash or a lost database would (0: none). */
    int failAtOrdinal;

    @Override
    public Map<Integer, CommittedSet> committedEarlier() {
      return earlier;
    }

    /** What the database does with a transaction that never committed. */
    void loseUncommitted() {
      if (inTransaction) {
        store.rollback();
        stats.rollback();
        pending.clear();
        inTransaction = false;
      }
    }

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
    public void commitTransaction(CommittedSet set) {
      if (set.ordinal() == failAtOrdinal) {
        throw new IllegalStateException("the database went away before set " + failAtOrdinal);
      }
      committed.add(set);
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

  @Test
  void anInterruptedFileResumesAfterItsCommittedSetsAndEndsAsAnUninterruptedOne(@TempDir Path dir)
      throws Exception {
    Path claims = dir.resolve("claims.837");
    new X12Generator(11, 4).write837(claims, 6_000);
    Path file = dir.resolve("several-sets.835");
    new X12Generator(11, 4).write835(file, 15_000);
    MemoryTarget clean = new MemoryTarget();
    processor.process(claims, "claims.837", "sha-837", clean);
    clean.committed.clear();
    FileReport uninterrupted = processor.process(file, "several-sets.835", "sha", clean);
    assertThat(clean.committed).hasSizeGreaterThan(3);
    assertThat(uninterrupted.matched()).isPositive();
    assertThat(uninterrupted.published()).isNotEmpty();

    for (int failAt = 1; failAt <= clean.committed.size(); failAt++) {
      MemoryTarget target = new MemoryTarget();
      processor.process(claims, "claims.837", "sha-837", target);
      target.committed.clear();
      target.failAtOrdinal = failAt;
      assertThatThrownBy(() -> processor.process(file, "several-sets.835", "sha", target))
          .hasMessageContaining("went away");
      target.loseUncommitted();
      assertThat(target.committed).hasSize(failAt - 1);

      target.failAtOrdinal = 0;
      target.earlier = indexed(target.committed);
      FileReport resumed = processor.process(file, "several-sets.835", "sha", target);

      assertThat(ids(target.kept)).as("failed at set %d", failAt).isEqualTo(ids(clean.kept));
      assertThat(resumed.published()).isEqualTo(uninterrupted.published());
      assertThat(resumed.matched()).isEqualTo(uninterrupted.matched());
      assertThat(resumed.outcome()).isEqualTo(uninterrupted.outcome());
    }
  }

  @Test
  void aResentRemittanceInterruptedAfterItsSetIsStillReportedOnResume() throws Exception {
    MemoryTarget target = new MemoryTarget();
    take("denied-co197-no-auth.835", target);
    target.committed.clear();
    FileReport uninterrupted = take("denied-co197-no-auth.835", target);
    assertThat(target.committed)
        .singleElement()
        .extracting(CommittedSet::duplicate)
        .isEqualTo(true);

    // the same attempt again, as if it died after its one set committed and before the file ended
    target.earlier = indexed(target.committed);
    target.kept.removeIf(r -> r.recordType().equals("INTAKE_WARNING"));
    FileReport resumed = take("denied-co197-no-auth.835", target);

    assertThat(resumed.read().problems())
        .extracting(X12Problem::code)
        .containsExactly("DUPLICATE_REMITTANCE");
    assertThat(resumed.published()).isEqualTo(uninterrupted.published());
  }

  @Test
  void committedSetCountsRoundTripThroughTheirStoredText() {
    CommittedSet set =
        new CommittedSet(3, false, 7, Map.of("UNMATCHED_REMIT", 2L, "CLAIM_DENIAL", 5L));
    assertThat(set.recordsText()).isEqualTo("CLAIM_DENIAL=5,UNMATCHED_REMIT=2");
    assertThat(CommittedSet.parseRecords(set.recordsText())).isEqualTo(set.records());
    assertThat(CommittedSet.parseRecords("")).isEmpty();
    assertThatThrownBy(() -> new CommittedSet(0, false, 0, Map.of()))
        .hasMessageContaining("ordinal");
  }

  private static Map<Integer, CommittedSet> indexed(List<CommittedSet> sets) {
    Map<Integer, CommittedSet> m = new java.util.TreeMap<>();
    sets.forEach(s -> m.put(s.ordinal(), s));
    return m;
  }

  private static List<String> ids(List<OutboundRecord> records) {
    return records.stream().map(OutboundRecord::recordId).toList();
  }
}
