package dev.x12gw.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.controlroom.ControlRoomJson;
import dev.x12gw.domain.controlroom.ControlRoomFacts;
import dev.x12gw.domain.controlroom.Dimension;
import dev.x12gw.domain.controlroom.KpiQuery;
import dev.x12gw.domain.controlroom.Worklist;
import dev.x12gw.domain.controlroom.WorklistItem;
import dev.x12gw.domain.controlroom.WorklistQuery;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The control room's facts held in memory ({@link ControlRoomFacts}, what the dashboard's requests
 * are answered from) give exactly what the store's queries give ({@link ControlRoomStore}, the
 * reference): every KPI of every dimension over several periods and days, the heat map, the payer
 * pattern cells and the worklist's totals, order and pages, over a generated store of claims across
 * two years (and, in {@code ControlRoomStoreTest}, over the scenario fixtures).
 */
class ControlRoomFactsTest {
  private static final LocalDate AS_OF = LocalDate.parse("2026-12-07");

  @ParameterizedTest
  @EnumSource(TestStore.Backend.class)
  void theFactsAnswerAsTheStoreDoesOverAGeneratedStore(TestStore.Backend backend) throws Exception {
    try (TestStore store = backend.open()) {
      new ControlRoomFill(store.database(), AS_OF, 11).fill(3000, n -> {});
      ControlRoomStore cr = new ControlRoomStore(store.database().dataSource());
      ControlRoomStore.Loaded loaded = cr.facts();
      assertThat(loaded.facts().findings()).isEqualTo(3000);
      assertThat(loaded.facts().claims()).isGreaterThan(3000);
      assertSameAnswers(cr, loaded.facts(), AS_OF, ControlRoomFill.payerIds().get(3));
      assertThat(cr.changes()).isEqualTo(loaded.changes());
    }
  }

  /**
   * Asserts that {@code facts} answer every control room question as {@code cr}'s queries do, for
   * days around {@code asOf}; {@code payer} is one to filter the worklist by.
   */
  static void assertSameAnswers(
      ControlRoomStore cr, ControlRoomFacts facts, LocalDate asOf, String payer) {
    List<LocalDate[]> periods =
        List.of(
            new LocalDate[] {null, null},
            new LocalDate[] {asOf.minusMonths(18), asOf.minusMonths(6)},
            new LocalDate[] {asOf.minusMonths(1).withDayOfMonth(1), null},
            new LocalDate[] {null, asOf.minusMonths(3)});
    List<LocalDate> days = List.of(asOf, asOf.minusDays(200), asOf.plusDays(45));
    int compared = 0;
    for (LocalDate[] p : periods) {
      for (LocalDate day : days) {
        for (Dimension by : Dimension.values()) {
          KpiQuery q = new KpiQuery(p[0], p[1], day, by);
          assertThat(numbers(ControlRoomJson.write(ControlRoomJson.kpis(facts.kpis(q)))))
              .as("KPIs %s", q)
              .isEqualTo(numbers(ControlRoomJson.write(ControlRoomJson.kpis(cr.kpis(q)))));
          compared++;
        }
      }
      assertThat(facts.heatMap(p[0], p[1]))
          .as("heat map %s..%s", p[0], p[1])
          .isEqualTo(cr.heatMap(p[0], p[1]));
    }
    assertThat(compared).isEqualTo(periods.size() * days.size() * Dimension.values().length);

    YearMonth month = YearMonth.from(asOf);
    for (YearMonth[] m :
        List.of(
            new YearMonth[] {month.minusMonths(7), month.minusMonths(1)},
            new YearMonth[] {month.minusMonths(1), month.minusMonths(1)},
            new YearMonth[] {month.minusMonths(30), month})) {
      assertThat(facts.patternCells(m[0], m[1]))
          .as("pattern cells %s..%s", m[0], m[1])
          .isEqualTo(cr.patternCells(m[0], m[1]));
    }

    List<WorklistQuery> lists = new ArrayList<>();
    for (LocalDate day : days) {
      lists.add(new WorklistQuery(day, "", "", "", "", 0, 50, 0));
      lists.add(new WorklistQuery(day, "", "", "", "", 0, 7, 3));
      lists.add(new WorklistQuery(day, "", "", "", "", 0, 1000, 0));
      lists.add(new WorklistQuery(day, "APPEAL", "", "", "", 0, 50, 0));
      lists.add(new WorklistQuery(day, "", payer, "", "", 0, 50, 20));
      lists.add(new WorklistQuery(day, "", "", "", "AUTHORIZATION", 0, 50, 0));
      lists.add(new WorklistQuery(day, "", "", "", "", 14, 50, 0));
      lists.add(new WorklistQuery(day, "", "", "", "", 0, 50, 100_000));
      lists.add(new WorklistQuery(day, "NO_SUCH_PATHWAY", "", "", "", 0, 50, 0));
    }
    for (WorklistQuery q : lists) {
      Worklist expected = cr.worklist(q);
      Worklist actual = cr.worklist(q, facts);
      assertThat(actual.total()).as("worklist total %s", q).isEqualTo(expected.total());
      assertThat(actual.items().stream().map(WorklistItem::recordId).toList())
          .as("worklist page %s", q)
          .isEqualTo(expected.items().stream().map(WorklistItem::recordId).toList());
      assertThat(actual.items()).as("worklist items %s", q).isEqualTo(expected.items());
    }
  }

  private static final Pattern NUMBER = Pattern.compile("-?\\d+\\.\\d+");

  /**
   * The JSON with every decimal written without trailing zeros: a sum over no row of a segment is 0
   * in PostgreSQL and 0.0000 in H2; the figures, not their scale, are compared.
   */
  private static String numbers(String json) {
    Matcher m = NUMBER.matcher(json);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          out, new BigDecimal(m.group()).stripTrailingZeros().toPlainString().replace("$", ""));
    }
    m.appendTail(out);
    return out.toString();
  }
}
