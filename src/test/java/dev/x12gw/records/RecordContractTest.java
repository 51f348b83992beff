package dev.x12gw.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.x12gw.TestFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every golden record (what the gateway publishes for the scenario fixtures) conforms to the
 * documented contract, {@code docs/records-v1.schema.json}; and the schema does reject a record
 * with a renamed field.
 */
class RecordContractTest {
  private final Schema schema =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(
              read(TestFiles.projectDir().resolve("docs/records-v1.schema.json")),
              InputFormat.JSON);

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> goldenRecords() throws Exception {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(TestFiles.testdata("expected"))) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          out.add(line.replaceFirst("^\\{\"queue\":\"[^\"]*\",", "{"));
        }
      }
    }
    return out;
  }

  @Test
  void everyPublishedRecordConformsToTheDocumentedSchema() throws Exception {
    List<String> records = goldenRecords();
    assertThat(records).hasSizeGreaterThan(10);
    assertThat(records)
        .anyMatch(r -> r.contains("\"CLAIM_DENIAL\""))
        .anyMatch(r -> r.contains("\"UNMATCHED_REMIT\""))
        .anyMatch(r -> r.contains("\"INTAKE_ERROR\""))
        .anyMatch(r -> r.contains("\"INTAKE_WARNING\""));
    for (String record : records) {
      assertThat(schema.validate(record, InputFormat.JSON)).as(record).isEmpty();
    }
  }

  @Test
  void theSchemaRejectsARenamedField() throws Exception {
    String denial =
        goldenRecords().stream()
            .filter(r -> r.contains("\"CLAIM_DENIAL\""))
            .findFirst()
            .orElseThrow();
    String renamed = denial.replace("\"billedAmount\"", "\"chargeAmount\"");
    assertThat(schema.validate(renamed, InputFormat.JSON)).isNotEmpty();
  }
}
