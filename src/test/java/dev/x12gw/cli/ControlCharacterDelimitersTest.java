package dev.x12gw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.TestFiles;
import dev.x12gw.x12.smooks.SmooksX12Parser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Control characters as delimiters (issue 11): an 837 and its 835 written with 0x1D between
 * elements, 0x1F between components, 0x1C as repetition separator and 0x1E ending segments give
 * exactly the records of the same files written with {@code * : ^ ~}, and {@code validate} accepts
 * them.
 */
class ControlCharacterDelimitersTest {
  private static final List<String> FILES =
      List.of("control-character-delimiters.837", "control-character-delimiters.835");

  private static SmooksX12Parser parser;

  @BeforeAll
  static void open() throws Exception {
    parser = new SmooksX12Parser(TestFiles.mapping());
  }

  @AfterAll
  static void close() {
    parser.close();
  }

  private static String analyze(List<Path> files) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        new Analyze(
                TestFiles.processor(parser, null),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
            .run(files);
    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    // the files differ in their bytes only: drop the content hash and what is derived from it
    return out.toString(StandardCharsets.UTF_8)
        .replaceAll("\"fileSha256\":\"[0-9a-f]{64}\"", "\"fileSha256\":\"-\"");
  }

  @Test
  void controlCharacterDelimitersGiveTheRecordsOfPrintableOnes(@TempDir Path dir) throws Exception {
    List<Path> control = FILES.stream().map(TestFiles::testdata).toList();
    Path printable = Files.createDirectories(dir.resolve("printable"));
    for (Path f : control) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      assertThat(text).contains("\u001d", "\u001f", "\u001e").doesNotContain("*", "~", "\n");
      Files.writeString(
          printable.resolve(f.getFileName()),
          text.replace('\u001d', '*')
              .replace('\u001f', ':')
              .replace('\u001c', '^')
              .replace("\u001e", "~\n"),
          StandardCharsets.UTF_8);
    }
    String records = analyze(control);
    assertThat(records).contains("\"recordType\":\"LINE_DENIAL\"", "\"claimMatched\":true");
    assertThat(records).isEqualTo(analyze(FILES.stream().map(printable::resolve).toList()));
  }

  @Test
  void validateAcceptsThemAndWritesTheAcknowledgmentWithTheSendersDelimiters(@TempDir Path acks)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status =
        X12gw.run(
            new String[] {
              "validate",
              "--ack-dir",
              acks.toString(),
              TestFiles.testdata(FILES.get(0)).toString(),
              TestFiles.testdata(FILES.get(1)).toString()
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(status).as(printed).isZero();
    assertThat(printed)
        .contains("control-character-delimiters.837: ACCEPTED, 1 interchange(s)")
        .contains("control-character-delimiters.835: ACCEPTED, 1 interchange(s)")
        .doesNotContainPattern("[\\x00-\\x09\\x0b-\\x1f]");
    String ack = Files.readString(acks.resolve(FILES.get(0) + ".999"), StandardCharsets.UTF_8);
    assertThat(ack).startsWith("ISA\u001d").contains("\u001eIK5\u001dA\u001e").endsWith("\u001e");
  }
}
