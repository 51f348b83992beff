package dev.x12gw.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.domain.controlroom.Dimension;
import dev.x12gw.domain.controlroom.HeatCell;
import dev.x12gw.domain.controlroom.KpiQuery;
import dev.x12gw.domain.controlroom.KpiReport;
import dev.x12gw.domain.controlroom.KpiRow;
import dev.x12gw.domain.controlroom.Metric;
import dev.x12gw.domain.controlroom.PatternCell;
import dev.x12gw.domain.controlroom.WorklistQuery;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The benchmark's generated store ({@code x12gw bench --control-room}) as the control room reads
 * it: the KPI, heat map, worklist and pattern queries see every claim case and finding the filler
 * says it wrote, spread over the payers, months, families and pathways it promises.
 */
class ControlRoomFillTest {
  private static final LocalDate AS_OF = LocalDate.parse("2026-12-07");

  @ParameterizedTest
  @EnumSource(TestStore.Backend.class)
  void theControlRoomSeesWhatTheFillerWrote(TestStore.Backend backend) throws Exception {
    try (TestStore store = backend.open()) {
      List<Long> progress = new ArrayList<>();
      ControlRoomFill.Filled filled =
          new ControlRoomFill(store.database(), AS_OF, 7).fill(2000, progress::add);
      assertThat(filled.findings()).isEqualTo(2000);
      assertThat(progress).last().isEqualTo(2000L);
      assertThat(filled.claims()).isGreaterThan(filled.findings());
      assertThat(filled.denials()).isPositive();
      assertThat(filled.underpayments()).isPositive();
      assertThat(filled.recoupments()).isPositive();
      // every case has its match key: none is an orphan the store check at start would remove
      assertThat(StoreCheck.run(store.database())).isZero();

      ControlRoomStore cr = new ControlRoomStore(store.database().dataSource());
      KpiRow all = cr.kpis(new KpiQuery(null, null, AS_OF, Dimension.TOTAL)).total();
      assertThat(all.get(Metric.INITIAL_DENIAL_RATE).numerator())
          .isEqualByComparingTo(String.valueOf(filled.firstDenied()));
      assertThat(all.get(Metric.INITIAL_DENIAL_RATE).denominator())
          .isEqualByComparingTo(String.valueOf(filled.claims()));
      assertThat(all.get(Metric.DENIALS).value())
          .isEqualByComparingTo(String.valueOf(filled.denials()));
      assertThat(all.get(Metric.UNDERPAYMENT_VARIANCE).numerator())
          .isEqualByComparingTo(String.valueOf(filled.underpayments()));
      assertThat(all.get(Metric.RECOUPED).numerator())
          .isEqualByComparingTo(String.valueOf(filled.recoupments()));
      // a mix of open, recovered and written-off denials
      assertThat(all.get(Metric.OVERTURN_RATE).numerator()).isPositive();
      assertThat(all.get(Metric.WRITE_OFF_SHARE).numerator()).isPositive();
      assertThat(all.get(Metric.OPEN_0_30).numerator()).isPositive();
      assertThat(all.get(Metric.OPEN_OVER_90).numerator()).isPositive();
      assertThat(all.get(Metric.DEADLINE_WITHIN_14_DAYS).numerator()).isPositive();

      assertThat(segments(cr, Dimension.PAYER))
          .hasSize(20)
          .isEqualTo(Set.copyOf(ControlRoomFill.payerIds()));
      assertThat(segments(cr, Dimension.PROVIDER)).hasSize(6);
      assertThat(segments(cr, Dimension.SERVICE_LINE)).hasSize(7);
      assertThat(segments(cr, Dimension.FAMILY)).hasSize(14);
      assertThat(segments(cr, Dimension.ROOT_CAUSE)).hasSize(5);
      // 24 months back from the day before AS_OF: 25 calendar months, the first and last in part
      assertThat(segments(cr, Dimension.MONTH)).hasSize(25).contains("2024-12", "2026-12");

      List<HeatCell> heat = cr.heatMap(null, null);
      assertThat(heat.stream().mapToLong(HeatCell::denials).sum()).isEqualTo(filled.denials());

      long open = cr.worklist(new WorklistQuery(AS_OF, "", "", "", "", 0, 50, 0)).total();
      assertThat(open).isPositive().isLessThan(filled.findings());
      assertThat(cr.worklist(new WorklistQuery(AS_OF, "APPEAL", "", "", "", 0, 50, 0)).total())
          .isPositive()
          .isLessThan(open);

      List<PatternCell> cells =
          cr.patternCells(YearMonth.from(AS_OF).minusMonths(7), YearMonth.from(AS_OF));
      assertThat(cells).isNotEmpty();
      assertThat(cells.stream().mapToLong(PatternCell::findings).sum()).isPositive();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.Backend.class)
  void theSameSeedWritesTheSameStore(TestStore.Backend backend) throws Exception {
    ControlRoomFill.Filled first;
    ControlRoomFill.Filled second;
    String firstKpis;
    String secondKpis;
    try (TestStore store = backend.open()) {
      first = new ControlRoomFill(store.database(), AS_OF, 11).fill(500, n -> {});
      firstKpis = kpis(store);
    }
    try (TestStore store = backend.open()) {
      second = new ControlRoomFill(store.database(), AS_OF, 11).fill(500, n -> {});
      secondKpis = kpis(store);
    }
    assertThat(second).isEqualTo(first);
    assertThat(secondKpis).isEqualTo(firstKpis);
  }

  private static String kpis(TestStore store) {
    KpiReport r =
        new ControlRoomStore(store.database().dataSource())
            .kpis(new KpiQuery(null, null, AS_OF, Dimension.PAYER));
    return r.rows().toString() + r.total();
  }

  private static Set<String> segments(ControlRoomStore cr, Dimension by) {
    return cr.kpis(new KpiQuery(null, null, AS_OF, by)).rows().stream()
        .map(KpiRow::segment)
        .collect(Collectors.toSet());
  }
}
