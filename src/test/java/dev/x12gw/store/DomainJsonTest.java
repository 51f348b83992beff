package dev.x12gw.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.x12gw.TestFiles;
import dev.x12gw.domain.remittance.RemittanceTrailer;
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
    List<Record> records = new ArrayList<>();
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
    for (Record r : records) {
      String json = DomainJson.write(r);
      assertThat(json).startsWith("{\"v\":1,");
      assertThat(DomainJson.read(json, r.getClass())).as(json).isEqualTo(r);
      // a document written before versioning (no "v") is version 1
      assertThat(DomainJson.read("{" + json.substring(7), r.getClass())).isEqualTo(r);
      // a document that goes through an upgrade (a tree) keeps amounts exact (20.00, not 2E+1)
      assertThat(DomainJson.read(json, r.getClass(), List.of((type, doc) -> {})))
          .as(json)
          .isEqualTo(r);
      // compact: absent values and empty lists and maps are not written
      assertThat(json).doesNotContain(":null").doesNotContain(":[]").doesNotContain(":{}");
    }
  }

  /** A stored record whose component {@code oldName} was renamed in version 2. */
  record Renamed(String newName, int count) {}

  private static final List<DomainJson.Upgrade> RENAME_IN_V2 =
      List.of(
          (type, doc) -> {
            if (type == Renamed.class && doc.has("oldName")) {
              doc.set("newName", doc.remove("oldName"));
            }
          });

  @Test
  void aDocumentOfAnOlderVersionIsUpgradedBeforeItIsRead() {
    Renamed expected = new Renamed("x", 3);
    assertThat(
            DomainJson.read("{\"v\":1,\"oldName\":\"x\",\"count\":3}", Renamed.class, RENAME_IN_V2))
        .isEqualTo(expected);
    assertThat(DomainJson.read("{\"oldName\":\"x\",\"count\":3}", Renamed.class, RENAME_IN_V2))
        .as("unversioned = version 1")
        .isEqualTo(expected);
    assertThat(
            DomainJson.read("{\"v\":2,\"newName\":\"x\",\"count\":3}", Renamed.class, RENAME_IN_V2))
        .isEqualTo(expected);
  }

  @Test
  void aDocumentOfAVersionThisGatewayDoesNotKnowIsRefusedClearly() {
    assertThatThrownBy(
            () -> DomainJson.read("{\"v\":3,\"newName\":\"x\"}", Renamed.class, RENAME_IN_V2))
        .hasMessage(
            "stored Renamed has document version 3; this gateway reads versions 1 to 2 (a newer"
                + " gateway wrote it)");
    assertThatThrownBy(() -> DomainJson.read("{\"v\":1,\"oldName\":\"x\"}", Renamed.class))
        .as("without the upgrade the old field is unknown")
        .hasMessageContaining("stored Renamed is unreadable");
  }

  record Empty() {}

  @Test
  void anEmptyRecordIsAVersionedDocumentToo() {
    assertThat(DomainJson.write(new Empty())).isEqualTo("{\"v\":1}");
    assertThat(DomainJson.read("{\"v\":1}", Empty.class)).isEqualTo(new Empty());
  }
}
