package dev.x12gw.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.TestFiles;
import dev.x12gw.domain.ClaimPayment;
import dev.x12gw.domain.RemittanceHeader;
import dev.x12gw.domain.RemittanceTrailer;
import dev.x12gw.domain.SubmittedClaim;
import dev.x12gw.x12.BindingSink;
import dev.x12gw.x12.smooks.SmooksX12Parser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The complete domain records survive the store's JSON detail columns unchanged. */
class DomainJsonTest {
  @Test
  void everyBoundRecordOfTheFixturesReadsBackEqual() throws Exception {
    List<Object> records = new ArrayList<>();
    try (SmooksX12Parser parser = new SmooksX12Parser(TestFiles.mapping());
        Stream<Path> files = Files.list(TestFiles.testdata(""))) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        parser.parse(
            f,
            f.getFileName().toString(),
            new BindingSink() {
              @Override
              public void claim(SubmittedClaim claim) {
                records.add(claim);
              }

              @Override
              public void payment(RemittanceHeader remittance, ClaimPayment payment) {
                records.add(remittance);
                records.add(payment);
              }

              @Override
              public void remittanceEnd(RemittanceTrailer trailer) {
                records.addAll(trailer.summaries());
                records.addAll(trailer.adjustments());
              }
            });
      }
    }
    assertThat(records).hasSizeGreaterThan(30);
    for (Object r : records) {
      String json = DomainJson.write(r);
      assertThat(DomainJson.read(json, r.getClass())).as(json).isEqualTo(r);
    }
  }
}
