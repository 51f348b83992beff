package dev.x12gw.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.TestFiles;
import dev.x12gw.domain.RemittanceTrailer;
import dev.x12gw.x12.Parsed;
import dev.x12gw.x12.smooks.SmooksX12Parser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The complete domain records survive the store's compact JSON detail columns unchanged. */
class DomainJsonTest {
  @Test
  void everyBoundRecordOfTheFixturesReadsBackEqual() throws Exception {
    List<Object> records = new ArrayList<>();
    try (SmooksX12Parser parser = new SmooksX12Parser(TestFiles.mapping());
        Stream<Path> files = Files.list(TestFiles.testdata(""))) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        Parsed p = Parsed.read(parser, f);
        records.addAll(p.claims());
        records.addAll(p.headers());
        records.addAll(p.payments());
        for (RemittanceTrailer t : p.trailers()) {
          records.addAll(t.summaries());
          records.addAll(t.adjustments());
        }
      }
    }
    assertThat(records).hasSizeGreaterThan(30);
    for (Object r : records) {
      String json = DomainJson.write(r);
      assertThat(DomainJson.read(json, r.getClass())).as(json).isEqualTo(r);
      // compact: absent values and empty lists and maps are not written
      assertThat(json).doesNotContain(":null").doesNotContain(":[]").doesNotContain(":{}");
    }
  }
}
