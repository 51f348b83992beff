package dev.x12gw.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.TestFiles;
import dev.x12gw.domain.remittance.ProviderSummary;
import dev.x12gw.domain.remittance.RemittanceTrailer;
import dev.x12gw.domain.remittance.SummaryFigure;
import dev.x12gw.x12.Parsed;
import dev.x12gw.x12.smooks.SmooksX12Parser;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * 835 loop 2000 LX/TS3/TS2 and PLB: what an 835 says as a whole is kept in the store, not only
 * bound.
 */
class JdbcRemittanceDetailTest {
  @ParameterizedTest
  @EnumSource(TestStore.Backend.class)
  void providerSummariesWithEveryFigureAndEveryPlbPairAreStored(TestStore.Backend backend)
      throws Exception {
    Path file = TestFiles.testdata("every-remittance-segment.835");
    try (TestStore store = backend.open();
        Connection c = store.database().begin();
        SmooksX12Parser parser = new SmooksX12Parser(TestFiles.mapping())) {
      long fileId = IntakeFiles.start(c, "e".repeat(64), file.getFileName().toString(), "835");
      JdbcClaimRepository repo = new JdbcClaimRepository(c, fileId);
      Parsed parsed = Parsed.read(parser, file);
      for (int i = 0; i < parsed.payments().size(); i++) {
        repo.savePayment(parsed.headers().get(i), parsed.payments().get(i));
      }
      List<RemittanceTrailer> trailers = parsed.trailers();
      trailers.forEach(repo::saveRemittanceTrailer);
      assertThat(trailers).hasSize(1);

      try (Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "select header_number, provider_id, facility_code, fiscal_period_end,"
                      + " claim_count, total_charge, detail from provider_summary")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("1");
        assertThat(rs.getString(2)).isEqualTo("1234567893");
        assertThat(rs.getString(3)).isEqualTo("13");
        assertThat(rs.getDate(4).toLocalDate()).hasToString("2026-12-31");
        assertThat(rs.getBigDecimal(5)).isEqualByComparingTo("2");
        assertThat(rs.getBigDecimal(6)).isEqualByComparingTo("5200.00");
        ProviderSummary stored = DomainJson.read(rs.getString(7), ProviderSummary.class);
        assertThat(stored).isEqualTo(trailers.get(0).summaries().get(0));
        assertThat(stored.figures())
            .containsExactly(
                new SummaryFigure("TS313", new BigDecimal("150.00")),
                new SummaryFigure("TS201", new BigDecimal("4000.00")),
                new SummaryFigure("TS202", new BigDecimal("3200.00")),
                new SummaryFigure("TS216", new BigDecimal("1.2345")));
        assertThat(rs.next()).isFalse();
      }
      try (Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "select reason_code, reference, amount from provider_adjustment order by id")) {
        List<String> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getBigDecimal(3));
        }
        assertThat(rows)
            .containsExactly("WO/ACME26110001/-12.3400", "L6//-1.0500", "72/ACME26110002/2.0000");
      }
    }
  }
}
