package dev.x12gw.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.TestFiles;
import dev.x12gw.domain.controlroom.Dimension;
import dev.x12gw.domain.controlroom.KpiQuery;
import dev.x12gw.domain.controlroom.KpiReport;
import dev.x12gw.domain.controlroom.KpiRow;
import dev.x12gw.domain.controlroom.KpiValue;
import dev.x12gw.domain.controlroom.Metric;
import dev.x12gw.domain.controlroom.Worklist;
import dev.x12gw.domain.controlroom.WorklistItem;
import dev.x12gw.domain.controlroom.WorklistQuery;
import dev.x12gw.intake.X12FileProcessor;
import dev.x12gw.x12.smooks.SmooksX12Parser;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The control room's KPIs over nine scenarios of {@code testdata/scenarios/} fed to the store (H2
 * and PostgreSQL), checked against figures computed by hand from the fixtures' CLP segments and the
 * example payer terms (ACME 87726 appeals within 180 days, BLUE RIVER 60054 within 90):
 *
 * <pre>
 * claim (payer)           first pass (BPR16)     billed  lines  denied        pathway / later
 * PCN3901 ortho (87726)   DENIED 2026-10-22      4200    1      4200 CO-197   worked, open
 * PCN3201 (87726)         DENIED 2026-10-20       200    1       200 CO-197   worked, paid 150 on 11-20 (31 days)
 * PCN4701 cosmetic        DENIED 2026-10-30      2600    1      2600 CO-96    CLOSE_OUT, not preventable
 * PCN4401 timely filing   DENIED 2026-10-21       150    1       150 CO-29    CLOSE_OUT
 * PCN4601 (60054)         DENIED 2026-10-29       150    1       150 CO-22    worked, open (deadline 2027-01-27)
 * PCN2101 bundled         PARTIAL 2026-11-05      225    2        25 CO-97    worked, open (line 36415)
 * PCN2201 underpaid       UNDERPAID 2026-11-06    380    2         -          variance 14.00
 * PCN3001, PCN3002 (PLB)  PAID 2026-11-13        200+150 1+1      -          PLB WO 35.00 recouped
 * PCN5301, PCN5302 (54771) UNDERPAID 2026-11-06  1200+1200 1+1    -          NSA variance 730.00 each
 * </pre>
 */
class ControlRoomStoreTest {
  static final List<String> SCENARIOS =
      List.of(
          "denied-co197-auth-never-sent-ortho",
          "denied-then-overturned-after-resubmission",
          "denied-co96-non-covered-cosmetic",
          "denied-co29-timely-filing",
          "denied-co22-other-payer-primary",
          "line-denial-co97-bundled",
          "underpaid-below-contract",
          "plb-wo-overpayment-recovery",
          "nsa-emergency-out-of-network-underpaid");

  /**
   * The Smooks reader the store tests share ({@link #take}): opened on first use and kept for the
   * test JVM (its configuration takes about a second to load).
   */
  static SmooksX12Parser parser() {
    return SharedParser.PARSER;
  }

  private static final class SharedParser {
    static final SmooksX12Parser PARSER = open();

    private static SmooksX12Parser open() {
      try {
        return new SmooksX12Parser(TestFiles.mapping());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  /** Feeds the scenarios to {@code store}, one database transaction per file. */
  static void load(TestStore store, List<String> scenarios) throws Exception {
    for (String s : scenarios) {
      Path dir = TestFiles.testdata("scenarios").resolve(s);
      for (Path f : TestFiles.scenarioFiles(dir)) {
        take(store, f, s + "/" + f.getFileName());
      }
    }
  }

  /**
   * Takes one file into {@code store} in one database transaction, as the gateway does, under
   * {@code name}; returns its {@code intake_file} id.
   */
  static long take(TestStore store, Path f, String name) throws Exception {
    X12FileProcessor p = TestFiles.processor(parser(), f.getParent());
    String sha =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    return store
        .database()
        .inTransaction(
            c -> {
              long id = IntakeFiles.start(c, sha, name, "x12");
              p.process(
                  f,
                  f.getFileName().toString(),
                  sha,
                  new JdbcIntakeTarget(c, id, f.getFileName().toString(), Map.of()));
              return id;
            });
  }

  @ParameterizedTest
  @EnumSource(TestStore.Backend.class)
  void theFactsHeldInMemoryAnswerAsTheStoreDoes(TestStore.Backend backend) throws Exception {
    try (TestStore store = backend.open()) {
      load(store, SCENARIOS);
      ControlRoomStore cr = new ControlRoomStore(store.database().dataSource());
      ControlRoomFactsTest.assertSameAnswers(
          cr, cr.facts().facts(), java.time.LocalDate.parse("2026-12-07"), "60054");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.Backend.class)
  void kpisMatchTheFiguresComputedByHand(TestStore.Backend backend) throws Exception {
    try (TestStore store = backend.open()) {
      load(store, SCENARIOS);
      ControlRoomStore cr = new ControlRoomStore(store.database().dataSource());

      KpiRow all = cr.kpis(query(null, null, "2026-12-07", Dimension.TOTAL)).total();
      // 11 claims first adjudicated; 6 denied in full or in part (5 claims + PCN2101's line)
      assertRate(all, Metric.INITIAL_DENIAL_RATE, "6", "11", "0.5455");
      // denied dollars 4200 + 200 + 2600 + 150 + 150 + 25 = 7325 of billed 10655
      assertRate(all, Metric.INITIAL_DENIAL_RATE_DOLLARS, "7325", "10655", "0.6875");
      // 13 lines first adjudicated (PCN2101 and PCN2201 have 2), 6 denied
      assertRate(all, Metric.LINE_DENIAL_RATE, "6", "13", "0.4615");
      // clean: PCN2201, PCN3001, PCN3002, PCN5301, PCN5302 (underpaid but nothing denied)
      assertRate(all, Metric.CLEAN_CLAIM_RATE, "5", "11", "0.4545");
      assertThat(value(all, Metric.DENIALS)).isEqualByComparingTo("6");
      assertThat(all.get(Metric.DENIALS).amount()).isEqualByComparingTo("7325");
      // closed out: the cosmetic 2600 and the timely-filing 150 (CLOSE_OUT)
      assertRate(all, Metric.WRITE_OFF_SHARE, "2", "6", "0.3333");
      assertRate(all, Metric.FINAL_DENIAL_RATE, "2750", "10655", "0.2581");
      // worked = 6 - 2 closed out; PCN3201 overturned
      assertRate(all, Metric.OVERTURN_RATE, "1", "4", "0.2500");
      assertThat(value(all, Metric.RECOVERED)).isEqualByComparingTo("150");
      // 150 recovered - 4 worked denials x 25.00 (CORRECT_AND_RESUBMIT)
      assertThat(value(all, Metric.RECOVERY_YIELD)).isEqualByComparingTo("50");
      // resolved: [0 (cosmetic), 0 (timely filing), 31 (overturn)]: median 0, p90 31
      assertThat(value(all, Metric.DAYS_TO_RESOLUTION_MEDIAN)).isEqualByComparingTo("0");
      assertThat(value(all, Metric.DAYS_TO_RESOLUTION_P90)).isEqualByComparingTo("31");
      // open on 2026-12-07: PCN3901 (46 days), PCN4601 (39), PCN2101's line (32)
      assertThat(value(all, Metric.OPEN_31_60)).isEqualByComparingTo("3");
      assertThat(all.get(Metric.OPEN_31_60).amount()).isEqualByComparingTo("4375");
      assertThat(value(all, Metric.OPEN_0_30)).isZero();
      assertThat(value(all, Metric.OPEN_OVER_90)).isZero();
      assertThat(value(all, Metric.UNDERPAYMENT_VARIANCE)).isEqualByComparingTo("1474");
      assertThat(value(all, Metric.RECOUPED)).isEqualByComparingTo("35");
      // every denial but the cosmetic one is preventable
      assertRate(all, Metric.PREVENTABLE_SHARE, "5", "6", "0.8333");

      Map<String, KpiRow> byPayer = rows(cr.kpis(query(null, null, "2026-12-07", Dimension.PAYER)));
      assertThat(byPayer).containsOnlyKeys("87726", "60054", "54771");
      assertRate(byPayer.get("87726"), Metric.INITIAL_DENIAL_RATE, "5", "8", "0.6250");
      assertRate(byPayer.get("60054"), Metric.INITIAL_DENIAL_RATE, "1", "1", "1.0000");
      assertRate(byPayer.get("54771"), Metric.CLEAN_CLAIM_RATE, "2", "2", "1.0000");
      assertThat(value(byPayer.get("54771"), Metric.UNDERPAYMENT_VARIANCE))
          .isEqualByComparingTo("1460");
      assertThat(byPayer.get("54771").get(Metric.OVERTURN_RATE).value()).isNull();

      Map<String, KpiRow> byMonth = rows(cr.kpis(query(null, null, "2026-12-07", Dimension.MONTH)));
      assertThat(byMonth).containsOnlyKeys("2026-10", "2026-11");
      assertRate(byMonth.get("2026-10"), Metric.INITIAL_DENIAL_RATE, "5", "5", "1.0000");
      assertRate(byMonth.get("2026-11"), Metric.INITIAL_DENIAL_RATE, "1", "6", "0.1667");

      // by family: claim-level rates are not segmented, the denials are
      Map<String, KpiRow> byFamily =
          rows(cr.kpis(query(null, null, "2026-12-07", Dimension.FAMILY)));
      assertThat(value(byFamily.get("AUTHORIZATION"), Metric.DENIALS)).isEqualByComparingTo("2");
      assertThat(byFamily.get("AUTHORIZATION").get(Metric.INITIAL_DENIAL_RATE).value()).isNull();

      // a period: November only
      KpiRow november =
          cr.kpis(query("2026-11-01", "2026-11-30", "2026-12-07", Dimension.TOTAL)).total();
      assertRate(november, Metric.INITIAL_DENIAL_RATE, "1", "6", "0.1667");
      assertThat(value(november, Metric.UNDERPAYMENT_VARIANCE)).isEqualByComparingTo("1474");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.Backend.class)
  void deadlinesThatPassCloseDenialsOutAndAgeThem(TestStore.Backend backend) throws Exception {
    try (TestStore store = backend.open()) {
      load(store, SCENARIOS);
      ControlRoomStore cr = new ControlRoomStore(store.database().dataSource());

      // 2027-02-01: BLUE RIVER's 90 days from 2026-10-29 ended on 2027-01-27: closed out
      KpiRow feb = cr.kpis(query(null, null, "2027-02-01", Dimension.TOTAL)).total();
      assertRate(feb, Metric.WRITE_OFF_SHARE, "3", "6", "0.5000");
      assertThat(feb.get(Metric.WRITE_OFF_SHARE).amount()).isEqualByComparingTo("2900");
      // resolved [0, 0, 31, 90]: median (rank 2) 0, p90 (rank 4) 90
      assertThat(value(feb, Metric.DAYS_TO_RESOLUTION_MEDIAN)).isEqualByComparingTo("0");
      assertThat(value(feb, Metric.DAYS_TO_RESOLUTION_P90)).isEqualByComparingTo("90");
      // PCN3901 decided 2026-10-22 is 102 days old, PCN2101's line (2026-11-05) 88
      assertThat(value(feb, Metric.OPEN_OVER_90)).isEqualByComparingTo("1");
      assertThat(feb.get(Metric.OPEN_OVER_90).amount()).isEqualByComparingTo("4200");
      assertThat(value(feb, Metric.OPEN_61_90)).isEqualByComparingTo("1");
      assertThat(value(feb, Metric.DEADLINE_WITHIN_14_DAYS)).isZero();

      // 2027-04-10: PCN3901's appeal deadline (2027-04-20) is 10 days away; PCN2101's (05-04) 24
      KpiRow april = cr.kpis(query(null, null, "2027-04-10", Dimension.TOTAL)).total();
      assertThat(value(april, Metric.DEADLINE_WITHIN_14_DAYS)).isEqualByComparingTo("1");
      assertThat(april.get(Metric.DEADLINE_WITHIN_14_DAYS).amount()).isEqualByComparingTo("4200");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.Backend.class)
  void patternCellsCountClaimsPerPayerServiceLineAndMonth(TestStore.Backend backend)
      throws Exception {
    try (TestStore store = backend.open()) {
      load(store, SCENARIOS);
      ControlRoomStore cr = new ControlRoomStore(store.database().dataSource());
      // October: 87726's ortho claim PCN3901 alone in ORTHOPEDICS; PCN3201 (200), PCN4701
      // (2600), PCN4401 (150) in OTHER: 3 claims, 2950 billed, one denial of each family.
      // November: 87726's PCN2101 (225), PCN2201 (380), PCN3001 (200), PCN3002 (150) = 955;
      // PCN3002's PLB recoupment is not a pattern category. 54771's two ER visits (EMERGENCY).
      assertThat(
              cr.patternCells(java.time.YearMonth.of(2026, 10), java.time.YearMonth.of(2026, 11)))
          .extracting(
              c ->
                  c.payerId()
                      + " "
                      + c.serviceLine()
                      + " "
                      + c.month()
                      + " "
                      + c.family()
                      + " "
                      + c.category()
                      + " "
                      + c.findings()
                      + "/"
                      + c.volume()
                      + " "
                      + c.findingDollars().toPlainString()
                      + " of "
                      + c.volumeDollars().toPlainString()
                      + " "
                      + c.recordIds().size())
          .containsExactlyInAnyOrder(
              "54771 EMERGENCY 2026-11 CONTRACTUAL UNDERPAYMENT 2/2 1460.00 of 2400.00 2",
              "60054 OTHER 2026-10 COORDINATION_OF_BENEFITS DENIAL 1/1 150.00 of 150.00 1",
              "87726 ORTHOPEDICS 2026-10 AUTHORIZATION DENIAL 1/1 4200.00 of 4200.00 1",
              "87726 OTHER 2026-10 AUTHORIZATION DENIAL 1/3 200.00 of 2950.00 1",
              "87726 OTHER 2026-10 NON_COVERED DENIAL 1/3 2600.00 of 2950.00 1",
              "87726 OTHER 2026-10 TIMELY_FILING DENIAL 1/3 150.00 of 2950.00 1",
              "87726 OTHER 2026-11 BUNDLING DENIAL 1/4 25.00 of 955.00 1",
              "87726 OTHER 2026-11 CONTRACTUAL UNDERPAYMENT 1/4 14.00 of 955.00 1");

      // claims without a denial or underpayment (the PLB's recoupment is neither): volume only
      store.reset();
      load(store, List.of("plb-wo-overpayment-recovery"));
      assertThat(
              cr.patternCells(java.time.YearMonth.of(2026, 11), java.time.YearMonth.of(2026, 11)))
          .extracting(
              c ->
                  c.payerId()
                      + " "
                      + c.serviceLine()
                      + " "
                      + c.month()
                      + " "
                      + c.findings()
                      + "/"
                      + c.volume()
                      + " of "
                      + c.volumeDollars().toPlainString())
          .containsExactly("87726 OTHER 2026-11 0/2 of 350.00");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.Backend.class)
  void theHeatMapCountsEachPayersDenialsByFamily(TestStore.Backend backend) throws Exception {
    try (TestStore store = backend.open()) {
      load(store, SCENARIOS);
      ControlRoomStore cr = new ControlRoomStore(store.database().dataSource());
      // 87726 (8 claims first adjudicated): AUTHORIZATION PCN3901 4200 + PCN3201 200, BUNDLING
      // PCN2101's line 25, NON_COVERED 2600, TIMELY_FILING 150; 60054 (1 claim): COB 150
      assertThat(cr.heatMap(null, null))
          .extracting(
              c ->
                  c.payerId()
                      + " "
                      + c.family()
                      + " "
                      + c.denials()
                      + " "
                      + c.amount().toPlainString()
                      + " "
                      + c.adjudicated()
                      + " "
                      + c.rate())
          .containsExactly(
              "60054 COORDINATION_OF_BENEFITS 1 150.00 1 1.0000",
              "87726 AUTHORIZATION 2 4400.00 8 0.2500",
              "87726 BUNDLING 1 25.00 8 0.1250",
              "87726 NON_COVERED 1 2600.00 8 0.1250",
              "87726 TIMELY_FILING 1 150.00 8 0.1250");
      // November: only PCN2101's line was denied then; 87726 adjudicated 4 claims in November
      assertThat(cr.heatMap(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")))
          .extracting(
              c -> c.payerId() + " " + c.family() + " " + c.denials() + " " + c.adjudicated())
          .containsExactly("87726 BUNDLING 1 4");
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.Backend.class)
  void theWorklistRanksOpenFindingsByPriorityAndFilters(TestStore.Backend backend)
      throws Exception {
    try (TestStore store = backend.open()) {
      load(store, SCENARIOS);
      ControlRoomStore cr = new ControlRoomStore(store.database().dataSource());
      LocalDate asOf = LocalDate.parse("2026-12-10");
      Worklist all = cr.worklist(new WorklistQuery(asOf, "", "", "", "", 0, 100, 0));
      // open on 2026-12-10 (priority = amount at stake x the family's default overturn rate -
      // the pathway's labor cost): PCN3901 4200 x 0.45 - 25 = 1865.00; the two NSA underpayments
      // 730 x 0.40 - 200 = 92.00; PCN4601 150 x 0.55 - 25 = 57.50; PCN2101's line 25 x 0.30 - 25
      // = -17.50; PCN3002's PLB 35 x 0.30 - 60 = -49.50; PCN2201 14 x 0.40 - 60 = -54.40. Not
      // open: the cosmetic and timely-filing denials (CLOSE_OUT) and PCN3201 (overturned).
      assertThat(all.total()).isEqualTo(7);
      assertThat(all.items())
          .extracting(WorklistItem::claimRef)
          .containsExactly(
              "PCN3901",
              all.items().get(1).claimRef(),
              all.items().get(2).claimRef(),
              "PCN4601",
              "PCN2101",
              "PCN3002",
              "PCN2201");
      assertThat(List.of(all.items().get(1).claimRef(), all.items().get(2).claimRef()))
          .containsExactlyInAnyOrder("PCN5301", "PCN5302");
      assertThat(all.items())
          .extracting(i -> i.priority().toPlainString())
          .containsExactly("1865.00", "92.00", "92.00", "57.50", "-17.50", "-49.50", "-54.40");
      WorklistItem top = all.items().get(0);
      assertThat(top.recordType()).isEqualTo("CLAIM_DENIAL");
      assertThat(top.family()).isEqualTo("AUTHORIZATION");
      assertThat(top.drivingCode()).isEqualTo("CO-197");
      assertThat(top.appealDeadline()).isEqualTo(LocalDate.parse("2027-04-20"));
      assertThat(top.providerNpi()).isEqualTo("1234567893");

      assertThat(cr.worklist(new WorklistQuery(asOf, "", "60054", "", "", 0, 100, 0)).items())
          .extracting(WorklistItem::claimRef)
          .containsExactly("PCN4601");
      assertThat(
              cr.worklist(new WorklistQuery(asOf, "ESCALATE_DISPUTE", "", "", "", 0, 100, 0))
                  .items())
          .extracting(WorklistItem::claimRef)
          .containsExactlyInAnyOrder("PCN5301", "PCN5302");
      assertThat(cr.worklist(new WorklistQuery(asOf, "", "", "", "CODING", 0, 100, 0)).total())
          .isZero();
      // the NSA open-negotiation deadline 2026-12-21 is 11 days away; no appeal deadline is
      Worklist soon = cr.worklist(new WorklistQuery(asOf, "", "", "", "", 14, 100, 0));
      assertThat(soon.items())
          .extracting(WorklistItem::claimRef)
          .containsExactlyInAnyOrder("PCN5301", "PCN5302");
      // pages: 3 + 3 + 1, in the same order as one page
      List<String> paged = new java.util.ArrayList<>();
      for (int offset = 0; offset < 7; offset += 3) {
        Worklist page = cr.worklist(new WorklistQuery(asOf, "", "", "", "", 0, 3, offset));
        assertThat(page.total()).isEqualTo(7);
        page.items().forEach(i -> paged.add(i.recordId()));
      }
      assertThat(paged)
          .containsExactlyElementsOf(all.items().stream().map(WorklistItem::recordId).toList());
      // after PCN4601's appeal deadline (2027-01-27) it is closed out, off the worklist
      assertThat(
              cr.worklist(
                      new WorklistQuery(
                          LocalDate.parse("2027-02-01"), "", "60054", "", "", 0, 100, 0))
                  .total())
          .isZero();
    }
  }

  private static KpiQuery query(String from, String to, String asOf, Dimension by) {
    return new KpiQuery(
        from == null ? null : LocalDate.parse(from),
        to == null ? null : LocalDate.parse(to),
        LocalDate.parse(asOf),
        by);
  }

  private static Map<String, KpiRow> rows(KpiReport r) {
    return r.rows().stream().collect(Collectors.toMap(KpiRow::segment, x -> x));
  }

  private static BigDecimal value(KpiRow row, Metric m) {
    return row.get(m).value();
  }

  private static void assertRate(
      KpiRow row, Metric m, String numerator, String denominator, String value) {
    KpiValue v = row.get(m);
    assertThat(v.numerator()).as("%s numerator", m).isEqualByComparingTo(numerator);
    assertThat(v.denominator()).as("%s denominator", m).isEqualByComparingTo(denominator);
    assertThat(v.value()).as("%s", m).isEqualByComparingTo(value);
  }
}
