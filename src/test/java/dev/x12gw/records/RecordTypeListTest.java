package dev.x12gw.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.x12gw.TestFiles;
import dev.x12gw.domain.finding.RecordQueue;
import dev.x12gw.domain.finding.RecordType;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link RecordType} is the one list of record types: the schema's {@code recordType} values, the
 * queue table of {@code docs/records.md} and the {@code queue.*} settings agree with it.
 */
class RecordTypeListTest {
  private static final Pattern ROW =
      Pattern.compile("^\\| `([A-Z_]+)` \\| ([^|]+) \\|", Pattern.MULTILINE);

  private final Path project = TestFiles.projectDir();

  @Test
  void theSchemaNamesEveryRecordTypeAndNoOther() throws Exception {
    JsonNode defs =
        new ObjectMapper()
            .readTree(project.resolve("docs/records-v1.schema.json").toFile())
            .get("$defs");
    Set<String> finding = strings(defs.at("/finding/properties/recordType/enum"));
    Set<String> intake = strings(defs.at("/intakeProblem/properties/recordType/enum"));
    Set<String> withdrawal = Set.of(defs.at("/withdrawal/properties/recordType/const").asText());
    Set<String> alert = Set.of(defs.at("/payerPattern/properties/recordType/const").asText());
    Set<String> quality =
        new TreeSet<>(strings(defs.at("/scrubbedClaim/properties/recordType/enum")));
    quality.add(defs.at("/scrubRuleSuggested/properties/recordType/const").asText());
    for (RecordType t : RecordType.values()) {
      Set<String> expectedIn =
          switch (t.category()) {
            case INTAKE -> intake;
            case WITHDRAWAL -> withdrawal;
            case ALERT -> alert;
            case QUALITY -> quality;
            default -> finding;
          };
      assertThat(expectedIn).as("schema recordType values for %s", t).contains(t.name());
    }
    Set<String> all = new TreeSet<>(finding);
    all.addAll(intake);
    all.addAll(withdrawal);
    all.addAll(alert);
    all.addAll(quality);
    assertThat(all).isEqualTo(names());
  }

  @Test
  void theQueueTableOfTheDocsIsTheList() throws Exception {
    String docs = Files.readString(project.resolve("docs/records.md"));
    String section = docs.substring(docs.indexOf("## Queues and JMS headers"));
    section = section.substring(0, section.indexOf("\n## ", 3));
    Map<String, String> rows = new LinkedHashMap<>();
    Matcher m = ROW.matcher(section);
    while (m.find()) {
      rows.put(m.group(1), m.group(2).trim());
    }
    assertThat(rows.keySet())
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(RecordType.values()).map(Enum::name).toList());
    for (RecordType t : RecordType.values()) {
      String expected =
          t.queue() == null
              ? "the queue of the withdrawn record"
              : "`" + t.queue().setting() + "`, `" + t.queue().defaultName() + "`";
      assertThat(rows.get(t.name())).as(t.name()).isEqualTo(expected);
    }
  }

  @Test
  void everyQueueIsASettingWithItsDefault() throws Exception {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(project.resolve("config/application.properties"))) {
      p.load(r);
    }
    for (RecordQueue q : RecordQueue.values()) {
      assertThat(p.getProperty(q.setting())).as(q.setting()).isEqualTo(q.defaultName());
    }
    assertThat(p.stringPropertyNames().stream().filter(k -> k.startsWith("queue.")))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(RecordQueue.values()).map(RecordQueue::setting).toList());
    assertThat(QueueNames.from(p::getProperty)).isEqualTo(QueueNames.defaults());
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> out = new TreeSet<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static Set<String> names() {
    return Arrays.stream(RecordType.values())
        .map(Enum::name)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
