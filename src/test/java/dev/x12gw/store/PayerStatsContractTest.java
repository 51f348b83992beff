package dev.x12gw.store;

import static dev.x12gw.domain.Fixtures.payment;
import static dev.x12gw.domain.Fixtures.remit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.domain.classification.DenialFamily;
import dev.x12gw.domain.classification.PayerFamilyStat;
import dev.x12gw.domain.classification.PayerHistory.Observed;
import dev.x12gw.domain.classification.PayerStats;
import dev.x12gw.domain.classification.PayerStats.Entry;
import dev.x12gw.domain.classification.ServiceLine;
import dev.x12gw.domain.finding.DenialOverturned;
import dev.x12gw.domain.finding.Detection;
import dev.x12gw.domain.finding.RecordIds;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Payer intelligence behaves the same in H2 (gateway) and in memory (analyze). */
class PayerStatsContractTest {
  private static final List<AutoCloseable> OPEN = new ArrayList<>();

  /** A store with its transaction-set control: in memory begin/commit/rollback, H2 savepoints. */
  interface Store {
    PayerStats stats();

    void begin();

    void commit();

    void rollback();
  }

  static Stream<Arguments> stores() {
    Supplier<Store> memory =
        () -> {
          InMemoryPayerStats stats = new InMemoryPayerStats();
          return new Store() {
            @Override
            public PayerStats stats() {
              return stats;
            }

            @Override
            public void begin() {
              stats.begin();
            }

            @Override
            public void commit() {
              stats.commit();
            }

            @Override
            public void rollback() {
              stats.rollback();
            }
          };
        };
    Stream<Arguments> jdbc =
        TestStore.backends().stream()
            .map(b -> Arguments.of(b.name().toLowerCase(Locale.ROOT), jdbc(b)));
    return Stream.concat(Stream.of(Arguments.of("memory", memory)), jdbc);
  }

  private static Supplier<Store> jdbc(TestStore.Backend backend) {
    return () -> {
      try {
        TestStore store = backend.open();
        OPEN.add(store);
        Connection c = store.database().begin();
        OPEN.add(0, c);
        JdbcPayerStats stats = new JdbcPayerStats(c);
        return new Store() {
          private Savepoint savepoint;

          @Override
          public PayerStats stats() {
            return stats;
          }

          @Override
          public void begin() {
            try {
              savepoint = c.setSavepoint();
            } catch (SQLException e) {
              throw new IllegalStateException(e);
            }
          }

          @Override
          public void commit() {
            try {
              c.commit();
            } catch (SQLException e) {
              throw new IllegalStateException(e);
            }
          }

          @Override
          public void rollback() {
            try {
              c.rollback(savepoint);
            } catch (SQLException e) {
              throw new IllegalStateException(e);
            }
          }
        };
      } catch (SQLException e) {
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

  // --- values ----------------------------------------------------------------------------------

  /** A finding key or record id as the gateway makes them (36 characters). */
  private static String key(String name) {
    return RecordIds.of("finding", name);
  }

  private static String rec(String name) {
    return RecordIds.of("record", name);
  }

  private static Entry entry(
      String name,
      String payer,
      DenialFamily family,
      ServiceLine line,
      String category,
      String amount,
      String expected) {
    return entry(name, name, payer, family, line, category, amount, expected);
  }

  private static Entry entry(
      String keyName,
      String recordName,
      String payer,
      DenialFamily family,
      ServiceLine line,
      String category,
      String amount,
      String expected) {
    return new Entry(
        key(keyName),
        rec(recordName),
        payer,
        family,
        line,
        category,
        new BigDecimal(amount),
        new BigDecimal(expected),
        null);
  }

  private static Entry denial(String name, String payer, DenialFamily family, String amount) {
    return entry(name, payer, family, ServiceLine.OTHER, "DENIAL", amount, "10.00");
  }

  /** A later payment of {@code recovered} overturning the denial published as {@code denied}. */
  private static DenialOverturned overturn(String name, String denied, String recovered) {
    return new DenialOverturned(
        rec(name),
        key("overturn-" + name),
        remit("87726", "T2"),
        payment("PCN1", "1", "250", recovered),
        null,
        null,
        rec(denied),
        LocalDate.of(2026, 11, 20),
        LocalDate.of(2026, 12, 18),
        new BigDecimal(recovered),
        new Detection("DENIAL-OVERTURNED", "a later payment paid the denied claim"));
  }

  /**
   * A summary row as text, amounts in cents ({@code setScale(2, UNNECESSARY)} fails on anything
   * that is not a whole number of cents).
   */
  private static String row(PayerFamilyStat s) {
    return String.join(
        " ",
        s.payerId(),
        s.family().name(),
        s.serviceLine().name(),
        s.category(),
        "findings=" + s.findings(),
        "amount=" + cents(s.amount()),
        "overturned=" + s.overturned(),
        "recovered=" + cents(s.recovered()),
        "expected=" + cents(s.expectedRecovery()));
  }

  private static String cents(BigDecimal v) {
    return v.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
  }

  private static List<String> rows(PayerStats stats) {
    return stats.summary().stream().map(PayerStatsContractTest::row).toList();
  }

  // --- classified ------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void classifiedEntriesAreCountedPerPayerFamilyServiceLineAndCategory(
      String name, Supplier<Store> store) {
    PayerStats stats = store.get().stats();
    assertThat(stats.summary()).isEmpty();
    stats.classified(
        entry(
            "a",
            "87726",
            DenialFamily.AUTHORIZATION,
            ServiceLine.ANESTHESIA,
            "DENIAL",
            "100",
            "40"));
    stats.classified(
        entry(
            "b",
            "87726",
            DenialFamily.AUTHORIZATION,
            ServiceLine.ANESTHESIA,
            "DENIAL",
            "250.50",
            "99.99"));
    stats.classified(
        entry(
            "c",
            "87726",
            DenialFamily.AUTHORIZATION,
            ServiceLine.ORTHOPEDICS,
            "DENIAL",
            "30.00",
            "3.00"));
    stats.classified(
        entry(
            "d", "87726", DenialFamily.CODING, ServiceLine.ANESTHESIA, "DENIAL", "12.34", "5.67"));
    stats.classified(
        entry(
            "e",
            "87726",
            DenialFamily.CONTRACTUAL,
            ServiceLine.ANESTHESIA,
            "UNDERPAYMENT",
            "45.00",
            "20.00"));
    stats.classified(
        entry(
            "f",
            "87726",
            DenialFamily.CONTRACTUAL,
            ServiceLine.ANESTHESIA,
            "RECOUPMENT",
            "80.00",
            "0.00"));
    stats.classified(
        entry("g", "60054", DenialFamily.CODING, ServiceLine.ANESTHESIA, "DENIAL", "7.00", "1.00"));

    assertThat(rows(stats))
        .containsExactly(
            "60054 CODING ANESTHESIA DENIAL findings=1 amount=7.00 overturned=0 recovered=0.00"
                + " expected=1.00",
            "87726 AUTHORIZATION ANESTHESIA DENIAL findings=2 amount=350.50 overturned=0"
                + " recovered=0.00 expected=139.99",
            "87726 AUTHORIZATION ORTHOPEDICS DENIAL findings=1 amount=30.00 overturned=0"
                + " recovered=0.00 expected=3.00",
            "87726 CODING ANESTHESIA DENIAL findings=1 amount=12.34 overturned=0 recovered=0.00"
                + " expected=5.67",
            "87726 CONTRACTUAL ANESTHESIA RECOUPMENT findings=1 amount=80.00 overturned=0"
                + " recovered=0.00 expected=0.00",
            "87726 CONTRACTUAL ANESTHESIA UNDERPAYMENT findings=1 amount=45.00 overturned=0"
                + " recovered=0.00 expected=20.00");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void summaryAmountsAreMoneyInCents(String name, Supplier<Store> store) {
    PayerStats stats = store.get().stats();
    stats.classified(
        entry("a", "87726", DenialFamily.CODING, ServiceLine.OTHER, "DENIAL", "100", "40.5"));
    stats.classified(
        entry("b", "87726", DenialFamily.CODING, ServiceLine.OTHER, "DENIAL", "150.25", "9.50"));
    stats.overturned(overturn("o", "a", "80"));
    // the same values, at the same scale, as analyze writes them to the --payer-stats CSV
    assertThat(stats.summary())
        .containsExactly(
            new PayerFamilyStat(
                "87726",
                DenialFamily.CODING,
                ServiceLine.OTHER,
                "DENIAL",
                2,
                new BigDecimal("250.25"),
                1,
                new BigDecimal("80.00"),
                new BigDecimal("50.00")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void summaryIsSortedByPayerThenTheNamesOfFamilyServiceLineAndCategory(
      String name, Supplier<Store> store) {
    PayerStats stats = store.get().stats();
    // declared enum order differs from name order: ELIGIBILITY is declared before AUTHORIZATION,
    // GASTROENTEROLOGY before EMERGENCY
    stats.classified(
        entry("a", "87726", DenialFamily.ELIGIBILITY, ServiceLine.OTHER, "DENIAL", "1", "0"));
    stats.classified(
        entry("b", "87726", DenialFamily.AUTHORIZATION, ServiceLine.OTHER, "DENIAL", "2", "0"));
    stats.classified(
        entry("c", "87726", DenialFamily.CODING, ServiceLine.GASTROENTEROLOGY, "DENIAL", "3", "0"));
    stats.classified(
        entry("d", "87726", DenialFamily.CODING, ServiceLine.EMERGENCY, "DENIAL", "4", "0"));
    stats.classified(
        entry("e", "60054", DenialFamily.OTHER, ServiceLine.OTHER, "DENIAL", "5", "0"));
    // the order of the H2 view (order by the columns' text) and of the CSV a person sorts
    assertThat(stats.summary())
        .extracting(s -> s.payerId() + " " + s.family() + " " + s.serviceLine())
        .containsExactly(
            "60054 OTHER OTHER",
            "87726 AUTHORIZATION OTHER",
            "87726 CODING EMERGENCY",
            "87726 CODING GASTROENTEROLOGY",
            "87726 ELIGIBILITY OTHER");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void reclassifyingTheSameFindingKeyReplacesTheEntry(String name, Supplier<Store> store) {
    PayerStats stats = store.get().stats();
    stats.classified(
        entry("a", "r1", "87726", DenialFamily.CODING, ServiceLine.OTHER, "DENIAL", "100", "40"));
    stats.classified(
        entry("b", "r2", "87726", DenialFamily.CODING, ServiceLine.OTHER, "DENIAL", "50", "20"));
    // a superseding record for finding a: new record id, new family and amounts
    stats.classified(
        entry(
            "a",
            "r3",
            "87726",
            DenialFamily.AUTHORIZATION,
            ServiceLine.OTHER,
            "DENIAL",
            "120",
            "60"));
    stats.classified(
        entry(
            "a",
            "r3",
            "87726",
            DenialFamily.AUTHORIZATION,
            ServiceLine.OTHER,
            "DENIAL",
            "120",
            "60"));
    assertThat(rows(stats))
        .containsExactly(
            "87726 AUTHORIZATION OTHER DENIAL findings=1 amount=120.00 overturned=0"
                + " recovered=0.00 expected=60.00",
            "87726 CODING OTHER DENIAL findings=1 amount=50.00 overturned=0 recovered=0.00"
                + " expected=20.00");
    assertThat(stats.observed("87726", DenialFamily.CODING, null)).isEqualTo(new Observed(1, 0));
    assertThat(stats.observed("87726", DenialFamily.AUTHORIZATION, null))
        .isEqualTo(new Observed(1, 0));
    // the replaced record id no longer names anything
    stats.withdrawn(rec("r1"));
    assertThat(stats.summary()).extracting(PayerFamilyStat::findings).containsExactly(1L, 1L);
  }

  // --- observed --------------------------------------------------------------------------------

  private static Entry dated(String name, String decidedOn) {
    Entry e = denial(name, "87726", DenialFamily.CODING, "10");
    return new Entry(
        e.findingKey(),
        e.recordId(),
        e.payerId(),
        e.family(),
        e.serviceLine(),
        e.category(),
        e.amount(),
        e.expectedRecovery(),
        decidedOn == null ? null : LocalDate.parse(decidedOn));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void observedWithACutOffCountsOnlyDenialsDecidedByThen(String name, Supplier<Store> store) {
    Store s = store.get();
    PayerStats stats = s.stats();
    stats.classified(dated("a", "2026-01-10"));
    stats.classified(dated("b", "2026-03-01"));
    stats.classified(dated("c", "2026-03-02"));
    stats.classified(dated("u", null));
    stats.overturned(overturn("o1", "b", "10"));
    stats.overturned(overturn("o2", "c", "10"));
    LocalDate cutOff = LocalDate.of(2026, 3, 1);
    assertThat(stats.observed("87726", DenialFamily.CODING, null, cutOff))
        .isEqualTo(new Observed(2, 1));
    assertThat(stats.observed("87726", DenialFamily.CODING, key("b"), cutOff))
        .isEqualTo(new Observed(1, 0));
    // a finding younger than the cut-off is not subtracted
    assertThat(stats.observed("87726", DenialFamily.CODING, key("c"), cutOff))
        .isEqualTo(new Observed(2, 1));
    assertThat(stats.observed("87726", DenialFamily.CODING, null, LocalDate.of(2025, 12, 31)))
        .isEqualTo(new Observed(0, 0));
    // without a cut-off, undated denials count too
    assertThat(stats.observed("87726", DenialFamily.CODING, null)).isEqualTo(new Observed(4, 2));
    // a rolled-back overturn and denial leave the dated counts as they were
    s.begin();
    stats.classified(dated("d", "2026-02-01"));
    stats.overturned(overturn("o3", "a", "10"));
    // a (overturned now), b (overturned), d; c is after the cut-off
    assertThat(stats.observed("87726", DenialFamily.CODING, null, cutOff))
        .isEqualTo(new Observed(3, 2));
    s.rollback();
    assertThat(stats.observed("87726", DenialFamily.CODING, null, cutOff))
        .isEqualTo(new Observed(2, 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void observedCountsOnlyDenialsOfThePayerAndFamilyAndLeavesOutTheExcludedKey(
      String name, Supplier<Store> store) {
    PayerStats stats = store.get().stats();
    assertThat(stats.observed("87726", DenialFamily.CODING, null)).isEqualTo(new Observed(0, 0));
    stats.classified(denial("a", "87726", DenialFamily.CODING, "10"));
    stats.classified(denial("b", "87726", DenialFamily.CODING, "20"));
    stats.classified(denial("c", "87726", DenialFamily.CODING, "30"));
    // not counted: another payer, another family, not a denial
    stats.classified(denial("d", "60054", DenialFamily.CODING, "40"));
    stats.classified(denial("e", "87726", DenialFamily.BUNDLING, "50"));
    stats.classified(
        entry("f", "87726", DenialFamily.CODING, ServiceLine.OTHER, "UNDERPAYMENT", "60", "1"));
    stats.classified(
        entry("g", "87726", DenialFamily.CODING, ServiceLine.OTHER, "RECOUPMENT", "70", "1"));
    stats.overturned(overturn("o1", "a", "10"));
    stats.overturned(overturn("o2", "d", "40"));
    stats.overturned(overturn("o3", "f", "60"));

    assertThat(stats.observed("87726", DenialFamily.CODING, null)).isEqualTo(new Observed(3, 1));
    assertThat(stats.observed("87726", DenialFamily.CODING, key("b")))
        .isEqualTo(new Observed(2, 1));
    assertThat(stats.observed("87726", DenialFamily.CODING, key("a")))
        .isEqualTo(new Observed(2, 0));
    // excluding a key of another payer, family or category changes nothing
    assertThat(stats.observed("87726", DenialFamily.CODING, key("d")))
        .isEqualTo(new Observed(3, 1));
    assertThat(stats.observed("87726", DenialFamily.CODING, key("f")))
        .isEqualTo(new Observed(3, 1));
    assertThat(stats.observed("87726", DenialFamily.CODING, key("unknown")))
        .isEqualTo(new Observed(3, 1));
    assertThat(stats.observed("60054", DenialFamily.CODING, null)).isEqualTo(new Observed(1, 1));
    assertThat(stats.observed("87726", DenialFamily.BUNDLING, null)).isEqualTo(new Observed(1, 0));
    assertThat(stats.observed("87726", DenialFamily.ELIGIBILITY, null))
        .isEqualTo(new Observed(0, 0));
    assertThat(stats.observed("99999", DenialFamily.CODING, null)).isEqualTo(new Observed(0, 0));
  }

  // --- overturned ------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void anOverturnMarksTheDenialByItsRecordId(String name, Supplier<Store> store) {
    PayerStats stats = store.get().stats();
    stats.classified(
        entry("a", "r1", "87726", DenialFamily.CODING, ServiceLine.OTHER, "DENIAL", "100", "40"));
    stats.classified(
        entry("b", "r2", "87726", DenialFamily.CODING, ServiceLine.OTHER, "DENIAL", "50", "20"));
    stats.overturned(overturn("o1", "r2", "45.50"));
    // an overturn of a record that is not on file changes nothing
    stats.overturned(overturn("o2", "nothing", "99"));
    assertThat(stats.observed("87726", DenialFamily.CODING, null)).isEqualTo(new Observed(2, 1));
    assertThat(stats.observed("87726", DenialFamily.CODING, key("b")))
        .isEqualTo(new Observed(1, 0));
    assertThat(rows(stats))
        .containsExactly(
            "87726 CODING OTHER DENIAL findings=2 amount=150.00 overturned=1 recovered=45.50"
                + " expected=60.00");
    // a re-classification of the overturned finding keeps its overturn
    stats.classified(
        entry("b", "r2", "87726", DenialFamily.CODING, ServiceLine.OTHER, "DENIAL", "55", "25"));
    assertThat(rows(stats))
        .containsExactly(
            "87726 CODING OTHER DENIAL findings=2 amount=155.00 overturned=1 recovered=45.50"
                + " expected=65.00");
    assertThat(stats.observed("87726", DenialFamily.CODING, null)).isEqualTo(new Observed(2, 1));
  }

  // --- withdrawn -------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void withdrawingAClassifiedRecordRemovesItsEntry(String name, Supplier<Store> store) {
    PayerStats stats = store.get().stats();
    stats.classified(
        entry("a", "r1", "87726", DenialFamily.CODING, ServiceLine.OTHER, "DENIAL", "100", "40"));
    stats.classified(
        entry("b", "r2", "87726", DenialFamily.CODING, ServiceLine.OTHER, "DENIAL", "50", "20"));
    stats.classified(
        entry(
            "c",
            "r3",
            "87726",
            DenialFamily.CONTRACTUAL,
            ServiceLine.OTHER,
            "UNDERPAYMENT",
            "30",
            "15"));
    stats.overturned(overturn("o1", "r1", "100"));

    stats.withdrawn(rec("r1"));
    stats.withdrawn(rec("r3"));
    stats.withdrawn(rec("not-on-file"));
    assertThat(rows(stats))
        .containsExactly(
            "87726 CODING OTHER DENIAL findings=1 amount=50.00 overturned=0 recovered=0.00"
                + " expected=20.00");
    assertThat(stats.observed("87726", DenialFamily.CODING, null)).isEqualTo(new Observed(1, 0));
    // the overturn of the withdrawn denial went with it
    stats.withdrawn(rec("o1"));
    assertThat(stats.observed("87726", DenialFamily.CODING, null)).isEqualTo(new Observed(1, 0));
    // the same finding classified again is counted once more, without the old overturn
    stats.classified(
        entry("a", "r4", "87726", DenialFamily.CODING, ServiceLine.OTHER, "DENIAL", "100", "40"));
    assertThat(rows(stats))
        .containsExactly(
            "87726 CODING OTHER DENIAL findings=2 amount=150.00 overturned=0 recovered=0.00"
                + " expected=60.00");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void withdrawingAnOverturnUnmarksTheDenial(String name, Supplier<Store> store) {
    PayerStats stats = store.get().stats();
    stats.classified(
        entry("a", "r1", "87726", DenialFamily.CODING, ServiceLine.OTHER, "DENIAL", "100", "40"));
    stats.classified(
        entry("b", "r2", "87726", DenialFamily.CODING, ServiceLine.OTHER, "DENIAL", "50", "20"));
    stats.overturned(overturn("o1", "r1", "100"));
    stats.overturned(overturn("o2", "r2", "50"));
    assertThat(stats.observed("87726", DenialFamily.CODING, null)).isEqualTo(new Observed(2, 2));

    stats.withdrawn(rec("o1"));
    assertThat(stats.observed("87726", DenialFamily.CODING, null)).isEqualTo(new Observed(2, 1));
    assertThat(rows(stats))
        .containsExactly(
            "87726 CODING OTHER DENIAL findings=2 amount=150.00 overturned=1 recovered=50.00"
                + " expected=60.00");
    // the denial itself is still there and can be overturned again
    stats.overturned(overturn("o3", "r1", "90"));
    assertThat(rows(stats))
        .containsExactly(
            "87726 CODING OTHER DENIAL findings=2 amount=150.00 overturned=2 recovered=140.00"
                + " expected=60.00");
    // a later overturn replaces an earlier one: withdrawing the replaced one changes nothing
    stats.overturned(overturn("o4", "r2", "20"));
    stats.withdrawn(rec("o2"));
    assertThat(rows(stats))
        .containsExactly(
            "87726 CODING OTHER DENIAL findings=2 amount=150.00 overturned=2 recovered=110.00"
                + " expected=60.00");
    stats.withdrawn(rec("o4"));
    assertThat(stats.observed("87726", DenialFamily.CODING, null)).isEqualTo(new Observed(2, 1));
    assertThat(rows(stats))
        .containsExactly(
            "87726 CODING OTHER DENIAL findings=2 amount=150.00 overturned=1 recovered=90.00"
                + " expected=60.00");
  }

  // --- transaction sets ------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void aRolledBackTransactionSetLeavesNothingBehind(String name, Supplier<Store> store) {
    Store s = store.get();
    PayerStats stats = s.stats();
    stats.classified(
        entry("a", "r1", "87726", DenialFamily.CODING, ServiceLine.OTHER, "DENIAL", "100", "40"));
    stats.classified(
        entry("b", "r2", "87726", DenialFamily.CODING, ServiceLine.OTHER, "DENIAL", "50", "20"));
    stats.overturned(overturn("o1", "r2", "50"));
    s.commit();
    List<String> before = rows(stats);

    s.begin();
    // every kind of change: a new entry, a replacement, an overturn, a withdrawn entry and a
    // withdrawn overturn
    stats.classified(
        entry("c", "r3", "87726", DenialFamily.CODING, ServiceLine.OTHER, "DENIAL", "70", "7"));
    stats.classified(
        entry(
            "a",
            "r4",
            "87726",
            DenialFamily.BUNDLING,
            ServiceLine.ANESTHESIA,
            "DENIAL",
            "110",
            "44"));
    stats.overturned(overturn("o2", "r4", "110"));
    stats.withdrawn(rec("o1"));
    stats.withdrawn(rec("r2"));
    stats.classified(
        entry("d", "r5", "60054", DenialFamily.OTHER, ServiceLine.OTHER, "RECOUPMENT", "9", "0"));
    assertThat(rows(stats)).isNotEqualTo(before);
    s.rollback();

    assertThat(rows(stats))
        .isEqualTo(before)
        .containsExactly(
            "87726 CODING OTHER DENIAL findings=2 amount=150.00 overturned=1 recovered=50.00"
                + " expected=60.00");
    assertThat(stats.observed("87726", DenialFamily.CODING, null)).isEqualTo(new Observed(2, 1));
    assertThat(stats.observed("87726", DenialFamily.CODING, key("b")))
        .isEqualTo(new Observed(1, 0));
    assertThat(stats.observed("87726", DenialFamily.BUNDLING, null)).isEqualTo(new Observed(0, 0));
    // the record ids are mapped as before the transaction set
    stats.withdrawn(rec("o1"));
    assertThat(stats.observed("87726", DenialFamily.CODING, null)).isEqualTo(new Observed(2, 0));
    stats.withdrawn(rec("r1"));
    assertThat(rows(stats))
        .containsExactly(
            "87726 CODING OTHER DENIAL findings=1 amount=50.00 overturned=0 recovered=0.00"
                + " expected=20.00");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void aCommittedTransactionSetKeepsItsChanges(String name, Supplier<Store> store) {
    Store s = store.get();
    PayerStats stats = s.stats();
    s.begin();
    stats.classified(
        entry("a", "r1", "87726", DenialFamily.CODING, ServiceLine.OTHER, "DENIAL", "100", "40"));
    stats.overturned(overturn("o1", "r1", "75"));
    s.commit();
    // a later transaction set rolled back undoes only its own changes
    s.begin();
    stats.classified(
        entry("b", "r2", "87726", DenialFamily.CODING, ServiceLine.OTHER, "DENIAL", "50", "20"));
    stats.withdrawn(rec("r1"));
    s.rollback();
    assertThat(rows(stats))
        .containsExactly(
            "87726 CODING OTHER DENIAL findings=1 amount=100.00 overturned=1 recovered=75.00"
                + " expected=40.00");
    assertThat(stats.observed("87726", DenialFamily.CODING, null)).isEqualTo(new Observed(1, 1));
  }
}
