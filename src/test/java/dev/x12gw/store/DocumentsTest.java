package dev.x12gw.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Packed JSON documents: what goes in comes out, small, and a foreign value is refused clearly. */
class DocumentsTest {
  @Test
  void aDocumentComesBackAsItWent() throws Exception {
    String golden =
        Files.readAllLines(Path.of("testdata/expected/denied-co197-no-auth.835.jsonl")).get(0);
    for (String json :
        List.of(
            golden,
            "{}",
            "",
            "{\"v\":1,\"name\":\"MÜLLER, JOSÉ ☃\",\"amount\":12.30}",
            "{\"x\":\"" + "abc".repeat(100_000) + "\"}")) {
      byte[] packed = Documents.pack(json);
      assertThat(packed[0]).isEqualTo(Documents.FORMAT_2);
      assertThat(Documents.unpack(packed)).isEqualTo(json);
      // what an earlier gateway stored (format 1, DEFLATE) reads back the same
      byte[] earlier = Documents.packDeflate(json.getBytes(StandardCharsets.UTF_8));
      assertThat(earlier[0]).isEqualTo(Documents.FORMAT_1);
      assertThat(Documents.unpack(earlier)).isEqualTo(json);
    }
    assertThat(Documents.pack(null)).isNull();
    assertThat(Documents.unpack(null)).isNull();
  }

  @Test
  void aRecordTakesAFractionOfItsJson() throws Exception {
    String golden =
        Files.readAllLines(Path.of("testdata/expected/denied-co197-no-auth.835.jsonl")).get(0);
    int json = golden.getBytes(StandardCharsets.UTF_8).length;
    // the dictionary holds the documents' shapes: a record's property names cost next to nothing
    assertThat(Documents.pack(golden).length).isLessThan(json / 4);
    // Zstandard at its level packs about as small as DEFLATE did (format 1), not 10% larger
    int deflate = Documents.packDeflate(golden.getBytes(StandardCharsets.UTF_8)).length;
    assertThat(Documents.pack(golden).length).isLessThan(deflate * 11 / 10);
  }

  @Test
  void packingIsDeterministic() throws Exception {
    String golden =
        Files.readAllLines(Path.of("testdata/expected/every-remittance-segment.835.jsonl")).get(0);
    assertThat(Documents.pack(golden)).isEqualTo(Documents.pack(golden));
  }

  @Test
  void aValueOfAnotherFormatOrDamagedIsRefusedWithItsReason() {
    String json = "{\"v\":1,\"a\":\"" + "b".repeat(300) + "\"}";
    byte[] packed = Documents.pack(json);
    byte[] future = packed.clone();
    future[0] = 3;
    assertThatThrownBy(() -> Documents.unpack(future))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("format 3")
        .hasMessageContaining("reads formats 1 and 2");
    assertThatThrownBy(() -> Documents.unpack(new byte[0])).hasMessageContaining("empty value");
    for (byte[] stored : List.of(packed, Documents.packDeflate(json.getBytes(UTF_8)))) {
      byte[] truncated = Arrays.copyOf(stored, stored.length - 3);
      assertThatThrownBy(() -> Documents.unpack(truncated))
          .as("format %d cut short", stored[0])
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("corrupt");
    }
    // a damaged frame header that claims a huge document is refused, not allocated
    byte[] tooLong = {Documents.FORMAT_2, (byte) 0xE0, -1, -1, -1, -1, -1, -1, -1, 0x7F, 0};
    assertThatThrownBy(() -> Documents.unpack(tooLong))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("corrupt");
    byte[] text = "{\"v\":1}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Documents.unpack(text)).hasMessageContaining("format 123");
  }

  @Test
  void theDictionaryIsTheOneDocumentsWerePackedWith() throws Exception {
    // documents stored with format 1 need exactly these bytes: an edit is a new format
    try (InputStream in = Documents.class.getResourceAsStream("document-dictionary-1.json")) {
      byte[] bytes = in.readAllBytes();
      assertThat(Documents.sha256(bytes)).isEqualTo(Documents.DICTIONARY_1_SHA256);
      assertThat(bytes.length).isLessThanOrEqualTo(32 * 1024); // DEFLATE's window (format 1)
    }
  }
}
