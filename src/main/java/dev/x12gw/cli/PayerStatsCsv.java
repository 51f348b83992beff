package dev.x12gw.cli;

import dev.x12gw.domain.classification.PayerFamilyStat;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes payer intelligence (payer × family × service line × category) as CSV. */
final class PayerStatsCsv {
  static final String HEADER =
      "payer_id,denial_family,service_line,category,findings,amount,overturned,recovered,"
          + "expected_recovery";

  private PayerStatsCsv() {}

  static void write(Path file, List<PayerFamilyStat> stats) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(HEADER);
      w.write('\n');
      for (PayerFamilyStat s : stats) {
        w.write(
            String.join(
                ",",
                quote(s.payerId()),
                s.family().name(),
                s.serviceLine().name(),
                s.category(),
                Long.toString(s.findings()),
                s.amount().toPlainString(),
                Long.toString(s.overturned()),
                s.recovered().toPlainString(),
                s.expectedRecovery().toPlainString()));
        w.write('\n');
      }
    }
  }

  private static String quote(String v) {
    return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
  }
}
