package dev.x12gw.x12;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.TestFiles;
import dev.x12gw.x12.smooks.SmooksX12Parser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Smooks EDI cartridge reader (DFDL, {@code x12-gateway-dfdl.smooks.xml}) and the gateway's
 * default reader ({@code x12-gateway.smooks.xml}) produce identical claims, payments and defect
 * codes, on every {@code testdata/} fixture and on every shared sample using the delimiters the
 * DFDL mapping declares; files with other delimiters are refused by the DFDL reader up front.
 */
class X12ReaderEquivalenceTest {
  private static SmooksX12Parser streaming;
  private static SmooksX12Parser dfdl;

  @BeforeAll
  static void open() throws Exception {
    streaming = new SmooksX12Parser(TestFiles.mapping());
    dfdl =
        new SmooksX12Parser(
            TestFiles.projectDir().resolve("edi-mappings/x12-gateway-dfdl.smooks.xml"));
  }

  @AfterAll
  static void close() {
    streaming.close();
    dfdl.close();
  }

  static Stream<Path> files() throws Exception {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(TestFiles.testdata(""))) {
      s.filter(Files::isRegularFile).sorted().forEach(files::add);
    }
    Path index = TestFiles.sharedSamples().resolve("INDEX.tsv");
    if (Files.isRegularFile(index)) {
      List<String> lines = Files.readAllLines(index, StandardCharsets.UTF_8);
      List<String> header = List.of(lines.get(0).split("\t", -1));
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.split("\t", -1);
        if ("none".equals(f[header.indexOf("defects")])
            && f[header.indexOf("txn_type")].startsWith("83")) {
          files.add(TestFiles.sharedSamples().resolve(f[header.indexOf("local_file")]));
        }
      }
    }
    return files.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void bothReadersBindTheSameRecords(Path file) throws Exception {
    Parsed expected = Parsed.read(streaming, file);
    Parsed actual = Parsed.read(dfdl, file);
    if (actual.problemCodes().equals(List.of("DELIMITERS_NOT_SUPPORTED"))) {
      String text = Files.readString(file, StandardCharsets.ISO_8859_1).strip();
      boolean wrapped = text.replace("~\r\n", "~").replace("~\n", "~").contains("\n");
      assertThat(
              !text.startsWith("ISA*") || text.contains("ISA|") || !text.endsWith("~") || wrapped)
          .as("refused only for other delimiters, wrapped lines or an unterminated last segment")
          .isTrue();
      return;
    }
    assertThat(actual.claims()).isEqualTo(expected.claims());
    assertThat(actual.headers()).isEqualTo(expected.headers());
    assertThat(actual.payments()).isEqualTo(expected.payments());
    assertThat(actual.trailers()).isEqualTo(expected.trailers());
    assertThat(actual.problemCodes()).isEqualTo(expected.problemCodes());
    assertThat(actual.result().transactionsAccepted())
        .isEqualTo(expected.result().transactionsAccepted());
  }
}
