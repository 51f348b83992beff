package dev.x12gw.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.x12gw.TestFiles;
import dev.x12gw.domain.codes.CodeEntry;
import dev.x12gw.domain.codes.CodeKind;
import dev.x12gw.domain.codes.CodeTables;
import dev.x12gw.domain.codes.CodeWarning;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeTableFilesTest {
  private static final String HEADER =
      "code,start_date,stop_date,last_modified,description,source\n";
  private static final LocalDate REMIT = LocalDate.of(2026, 10, 20);

  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private static Path shipped() {
    return TestFiles.projectDir().resolve(CodeTableFiles.defaultDir());
  }

  @Test
  void theNewestFileOfEachKindWins() throws IOException {
    write("carc__2024-01-01.csv", HEADER + "1,1995-01-01,,,Old deductible,old\n");
    write("carc__2025-11-01.csv", HEADER + "1,1995-01-01,,,Deductible Amount,new\n");
    write("carc__2025-05-01.csv", HEADER + "1,1995-01-01,,,Middle,middle\n");
    write("carc__2019-01-01.csv", "not a code table at all\n");
    write("carc__2026-01-01.csv.bak", "ignored\n");
    write("rarc__2026-03-01.csv", HEADER + "N877,2022-03-01,,,Alert: NSA.,x12org-2026-03-01\n");
    write("README.md", "# notes\n");
    write("build.py", "print()\n");

    CodeTables tables = CodeTableFiles.load(dir);

    assertThat(tables.listName(CodeKind.CARC)).isEqualTo("carc__2025-11-01.csv");
    assertThat(tables.entries(CodeKind.CARC))
        .extracting(CodeEntry::description, CodeEntry::source)
        .containsExactly(tuple("Deductible Amount", "new"));
    assertThat(tables.listName(CodeKind.RARC)).isEqualTo("rarc__2026-03-01.csv");
    assertThat(tables.entries(CodeKind.GROUP)).isEmpty();
    assertThat(tables.listName(CodeKind.GROUP)).isEmpty();
    assertThat(tables.check(CodeKind.GROUP, "ZZ", REMIT)).isEmpty();
    assertThat(tables.check(CodeKind.CARC, "2", REMIT).orElseThrow().message())
        .isEqualTo("CARC 2 is not in the code list carc__2025-11-01.csv");
  }

  @Test
  void readsQuotedValuesCrLfAndAByteOrderMark() throws IOException {
    write(
        "carc__2025-11-01.csv",
        "\uFEFF"
            + HEADER.replace("\n", "\r\n")
            + "4,1995-01-01,,2020-03-01,\"The procedure code is inconsistent, see \"\"REF\"\".\","
            + "x12org-2025-11-01\r\n"
            + "\r\n"
            + "B5,1995-01-01,2016-05-01,2015-11-01,\"Two\nlines\",x12org-2025-11-01\r\n"
            + "b7,,,,Plain,vista-2016\r\n");
    CodeTables tables = CodeTableFiles.load(dir);
    CodeEntry four = tables.find(CodeKind.CARC, "4").orElseThrow();
    assertThat(four.description()).isEqualTo("The procedure code is inconsistent, see \"REF\".");
    assertThat(four.start()).isEqualTo(LocalDate.of(1995, 1, 1));
    assertThat(four.stop()).isNull();
    CodeEntry b5 = tables.find(CodeKind.CARC, "B5").orElseThrow();
    assertThat(b5.stop()).isEqualTo(LocalDate.of(2016, 5, 1));
    assertThat(b5.description()).isEqualTo("Two\nlines");
    CodeEntry b7 = tables.find(CodeKind.CARC, "B7").orElseThrow();
    assertThat(b7.start()).isNull();
    assertThat(b7.source()).isEqualTo("vista-2016");
  }

  private void assertFails(String name, String content, String message) throws IOException {
    write(name, content);
    assertThatThrownBy(() -> CodeTableFiles.load(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(dir.resolve(name) + message);
  }

  @Test
  void aBadDateNamesFileAndLine() throws IOException {
    assertFails(
        "rarc__2026-03-01.csv",
        HEADER + "M1,1997-01-01,,,X-ray,vista-2016\nM78,1997-01-01,2006-5-18,,HCPCS,x12\n",
        ":3: stop_date \"2006-5-18\" is not a date (yyyy-MM-dd)");
  }

  @Test
  void anImpossibleDateIsRefused() throws IOException {
    assertFails(
        "plb__2016-01-01.csv",
        HEADER + "WO,2012-02-30,,,Overpayment Recovery,vista-2016\n",
        ":2: start_date \"2012-02-30\" is not a date");
  }

  @Test
  void aDuplicateCodeIsRefusedIgnoringCase() throws IOException {
    assertFails(
        "group__2025-11-01.csv",
        HEADER + "CO,,,,Contractual,x12\nPR,,,,Patient,x12\nco,,,,Again,x12\n",
        ":4: duplicate code co (first on line 2)");
  }

  @Test
  void aWrongHeaderIsRefused() throws IOException {
    assertFails(
        "carc__2025-11-01.csv",
        "code,status,description,start_date,last_modified,stop_date,notes\n"
            + "1,current,Deductible Amount,1995-01-01,,,\n",
        ":1: the first line must be exactly \"" + CodeTableFiles.HEADER + "\"");
  }

  @Test
  void anUnterminatedQuoteNamesTheLineItStartsOn() throws IOException {
    assertFails(
        "carc__2025-11-01.csv",
        HEADER + "1,1995-01-01,,,Deductible,x12\n2,1995-01-01,,,\"Coinsurance,x12\n3,,,,C,x\n",
        " line 3, description: a quoted value is not closed");
  }

  @Test
  void aStopNotAfterTheStartIsRefused() throws IOException {
    assertFails(
        "carc__2025-11-01.csv",
        HEADER + "1,1995-01-01,1995-01-01,,Deductible,x12\n",
        ":2: stop_date 1995-01-01 is not after start_date 1995-01-01");
  }

  @Test
  void aRowWithTheWrongNumberOfValuesIsRefused() throws IOException {
    assertFails(
        "carc__2025-11-01.csv",
        HEADER + "1,1995-01-01,,,Deductible, with a comma,x12\n",
        ":2: 7 values, expected 6");
  }

  @Test
  void onlyTheNewestFileIsValidated() throws IOException {
    write("carc__2020-01-01.csv", "broken\n");
    write("carc__2025-11-01.csv", HEADER + "1,1995-01-01,,,Deductible,x12\n");
    assertThat(CodeTableFiles.load(dir).entries(CodeKind.CARC)).hasSize(1);
  }

  @Test
  void aKindFileWithoutAValidDateInItsNameIsRefused() throws IOException {
    write("carc__2025-13-01.csv", HEADER);
    assertThatThrownBy(() -> CodeTableFiles.load(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("carc__2025-13-01.csv")
        .hasMessageContaining("carc__<yyyy-MM-dd>.csv");
  }

  @Test
  void aMissingDirectoryIsAnError() {
    Path missing = dir.resolve("no-such-dir");
    assertThatThrownBy(() -> CodeTableFiles.load(missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("does not exist");
  }

  @Test
  void anEmptyDirectoryHasNoLists() {
    CodeTables tables = CodeTableFiles.load(dir);
    for (CodeKind kind : CodeKind.values()) {
      assertThat(tables.entries(kind)).isEmpty();
    }
  }

  @Test
  void theShippedTablesLoad() throws IOException {
    CodeTables tables = CodeTableFiles.load(shipped());
    assertThat(tables.listName(CodeKind.CARC)).isEqualTo("carc__2025-11-01.csv");
    assertThat(tables.listName(CodeKind.RARC)).isEqualTo("rarc__2026-03-01.csv");
    assertThat(tables.listName(CodeKind.GROUP)).isEqualTo("group__2025-11-01.csv");
    assertThat(tables.listName(CodeKind.PLB_REASON)).isEqualTo("plb__2016-01-01.csv");

    CodeEntry precert = tables.find(CodeKind.CARC, "197").orElseThrow();
    assertThat(precert.start()).isEqualTo(LocalDate.of(2006, 10, 31));
    assertThat(precert.stop()).isNull();
    assertThat(precert.source()).isEqualTo("x12org-2025-11-01");
    assertThat(tables.check(CodeKind.CARC, "197", REMIT)).isEmpty();

    for (int n = 864; n <= 877; n++) {
      CodeEntry nsa = tables.find(CodeKind.RARC, "N" + n).orElseThrow();
      assertThat(nsa.stop()).as(nsa.code()).isNull();
      assertThat(tables.check(CodeKind.RARC, nsa.code(), REMIT)).as(nsa.code()).isEmpty();
    }

    CodeWarning m78 = tables.check(CodeKind.RARC, "M78", REMIT).orElseThrow();
    assertThat(m78.problem()).isEqualTo(CodeWarning.Problem.DEACTIVATED);
    assertThat(m78.stop()).isEqualTo(LocalDate.of(2006, 5, 18));
    assertThat(m78.message())
        .isEqualTo(
            "RARC M78 was deactivated on 2006-05-18 but is used on a remittance dated 2026-10-20");

    CodeEntry cr = tables.find(CodeKind.GROUP, "CR").orElseThrow();
    assertThat(cr.start()).isNull();
    assertThat(cr.stop()).isEqualTo(LocalDate.of(2012, 1, 1));
    assertThat(tables.entries(CodeKind.GROUP))
        .extracting(CodeEntry::code)
        .containsExactly("CO", "CR", "OA", "PI", "PR");

    assertThat(tables.find(CodeKind.PLB_REASON, "WO")).isPresent();
    assertThat(tables.find(CodeKind.PLB_REASON, "L6")).isPresent();
    assertThat(tables.check(CodeKind.PLB_REASON, "WO", REMIT)).isEmpty();

    assertThat(tables.entries(CodeKind.CARC))
        .hasSizeGreaterThan(350)
        .hasSize(dataRows("carc__2025-11-01.csv"));
    assertThat(tables.entries(CodeKind.RARC))
        .hasSizeGreaterThan(1000)
        .hasSize(dataRows("rarc__2026-03-01.csv"));
    assertThat(tables.entries(CodeKind.PLB_REASON)).hasSize(dataRows("plb__2016-01-01.csv"));
  }

  @Test
  void theDefaultDirectoryIsConfigCodeTables() {
    assertThat(CodeTableFiles.defaultDir()).isEqualTo(Path.of("config", "code-tables"));
  }

  /** The rows build.py wrote: its output has one line per code (no line breaks in values). */
  private static int dataRows(String name) throws IOException {
    try (Stream<String> lines = Files.lines(shipped().resolve(name), StandardCharsets.UTF_8)) {
      List<String> all = lines.toList();
      assertThat(all.get(0) + "\n").isEqualTo(HEADER);
      return (int) all.stream().skip(1).filter(l -> !l.isEmpty()).count();
    }
  }
}
