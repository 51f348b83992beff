package dev.x12gw.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.x12gw.TestFiles;
import dev.x12gw.domain.classification.DenialFamily;
import dev.x12gw.domain.classification.ServiceLine;
import dev.x12gw.domain.controlroom.PatternCategory;
import dev.x12gw.domain.controlroom.PatternCell;
import dev.x12gw.domain.controlroom.PatternPolicy;
import dev.x12gw.domain.controlroom.PayerPattern;
import dev.x12gw.domain.controlroom.PayerPatternDetector;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The {@code PAYER_PATTERN} record: its fields, its queue, an id made of its facts, and conformance
 * to {@code docs/records-v1.schema.json}.
 */
class PayerPatternRecordTest {
  private final RecordFactory factory = new RecordFactory(QueueNames.defaults());

  /**
   * 87726's ORTHOPEDICS claims in 2026-11: 9 of 50 denied AUTHORIZATION; in each of the six months
   * before, 2 of 50 (12 of 300). p1 = 0.18, p2 = 0.04, pooled 21/350 = 0.06, z = 0.14 / sqrt(0.06 x
   * 0.94 x (1/50 + 1/300)) = 3.8592.
   */
  private static PayerPattern pattern(int findingsInPeriod) {
    List<PatternCell> cells = new ArrayList<>();
    YearMonth period = YearMonth.of(2026, 11);
    for (int m = 1; m <= 6; m++) {
      cells.add(cell(period.minusMonths(m), 2));
    }
    cells.add(cell(period, findingsInPeriod));
    List<PayerPattern> found = PayerPatternDetector.detect(cells, period, PatternPolicy.defaults());
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private static PatternCell cell(YearMonth month, int findings) {
    List<String> ids =
        IntStream.range(0, findings)
            .mapToObj(i -> String.format("%08d-0000-4000-8000-%012d", month.getMonthValue(), i))
            .toList();
    return new PatternCell(
        "87726",
        DenialFamily.AUTHORIZATION,
        ServiceLine.ORTHOPEDICS,
        PatternCategory.DENIAL,
        month,
        findings,
        new BigDecimal(findings * 1000),
        50,
        new BigDecimal("250000.00"),
        ids);
  }

  @Test
  void theRecordCarriesTheFiguresAndConformsToTheSchema() throws Exception {
    OutboundRecord r = factory.payerPattern(pattern(9));
    assertThat(r.recordType()).isEqualTo("PAYER_PATTERN");
    assertThat(r.queue()).isEqualTo("x12.alerts");
    assertThat(r.payerId()).isEqualTo("87726");
    JsonNode o = new ObjectMapper().readTree(r.json());
    assertThat(o.path("recordId").asText()).isEqualTo(r.recordId());
    assertThat(o.path("comparison").asText()).isEqualTo("OWN_BASELINE");
    assertThat(o.path("period").asText()).isEqualTo("2026-11");
    assertThat(o.path("referenceFrom").asText()).isEqualTo("2026-05");
    assertThat(o.path("referenceTo").asText()).isEqualTo("2026-10");
    assertThat(o.path("findings").asInt()).isEqualTo(9);
    assertThat(o.path("volume").asInt()).isEqualTo(50);
    assertThat(o.path("referenceFindings").asInt()).isEqualTo(12);
    assertThat(o.path("referenceVolume").asInt()).isEqualTo(300);
    assertThat(o.path("rate").decimalValue()).isEqualByComparingTo("0.18");
    assertThat(o.path("referenceRate").decimalValue()).isEqualByComparingTo("0.04");
    assertThat(o.path("z").asDouble()).isEqualTo(3.8592);
    assertThat(o.path("pValue").asDouble()).isBetween(0.0000568, 0.0000570);
    assertThat(o.path("recordIds")).hasSize(9);
    assertThat(o.path("explanation").asText()).contains("18.0% (9 of 50)").contains("2026-11");

    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(
                Files.readString(
                    TestFiles.projectDir().resolve("docs/records-v1.schema.json"),
                    StandardCharsets.UTF_8),
                InputFormat.JSON);
    assertThat(schema.validate(r.json(), InputFormat.JSON)).isEmpty();
    assertThat(
            schema.validate(
                r.json().replace("\"referenceRate\"", "\"baselineRate\""), InputFormat.JSON))
        .isNotEmpty();
  }

  @Test
  void theSameFactsAreTheSameRecordAndNewCountsANewOne() {
    assertThat(factory.payerPattern(pattern(9)).recordId())
        .isEqualTo(factory.payerPattern(pattern(9)).recordId());
    assertThat(factory.payerPattern(pattern(10)).recordId())
        .isNotEqualTo(factory.payerPattern(pattern(9)).recordId());
  }
}
