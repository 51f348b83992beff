package dev.x12gw.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.x12gw.TestFiles;
import dev.x12gw.domain.scrub.PtpEdit;
import dev.x12gw.domain.scrub.ScrubRules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CMS NCCI tables dropped into the scrubber's folder as CMS publishes them ({@code
 * testdata/scrubber/cms}: synthetic rows in CMS's layouts, with the notice and column titles above
 * them).
 */
class CmsNcciFilesTest {
  @TempDir Path dir;

  private Path rulesWithCmsFiles() throws Exception {
    try (Stream<Path> files = Files.list(TestFiles.projectDir().resolve("config/scrubber"))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    Path cms = TestFiles.testdata("scrubber").resolve("cms");
    for (String sub : new String[] {"ncci", "mue"}) {
      Files.createDirectories(dir.resolve(sub));
      try (Stream<Path> files = Files.list(cms.resolve(sub))) {
        for (Path f : files.toList()) {
          Files.copy(
              f, dir.resolve(sub).resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return dir;
  }

  @Test
  void thePtpTableIsReadAsCmsPublishesIt() throws Exception {
    ScrubRules rules = ScrubberFiles.load(rulesWithCmsFiles());

    PtpEdit knee = rules.ptp("29881", "29877").get(0);
    assertThat(knee.effective()).isEqualTo(LocalDate.of(1996, 1, 1));
    assertThat(knee.deleted()).isNull();
    assertThat(knee.modifierIndicator()).isZero();
    assertThat(knee.rationale()).startsWith("CMS NCCI PTP: Standards of medical");
    // CMS's deletion date is the first day without the edit
    PtpEdit deleted = rules.ptp("64483", "64479").get(0);
    assertThat(deleted.deleted()).isEqualTo(LocalDate.of(2022, 12, 31));
    assertThat(deleted.inForce(LocalDate.of(2022, 12, 31))).isTrue();
    assertThat(deleted.inForce(LocalDate.of(2023, 1, 1))).isFalse();
    // deleted the day it took effect: it never applied
    assertThat(rules.ptp("99213", "36415")).isEmpty();
    assertThat(rules.ptp("93005", "93041").get(0).inForce(LocalDate.of(2026, 1, 1))).isFalse();
    // the shipped sample rows are still there
    assertThat(rules.ptp("93000", "93010")).hasSize(1);
  }

  @Test
  void theMueTableIsReadAsCmsPublishesItAndItsValuesWin() throws Exception {
    ScrubRules rules = ScrubberFiles.load(rulesWithCmsFiles());

    assertThat(rules.unitLimit("36415").maxUnits()).isEqualTo(3); // mue.csv's sample says 2
    assertThat(rules.unitLimit("36415").rationale())
        .isEqualTo(
            "CMS MUE, adjudication indicator 3 Date of Service Edit: Clinical: Clinical: Data (synthetic)");
    assertThat(rules.unitLimit("20610").maxUnits()).isEqualTo(2);
    assertThat(rules.unitLimit("J3490")).isNull(); // MUE 0: nothing to check
    assertThat(rules.unitLimit("93000").maxUnits()).isEqualTo(1); // only in mue.csv
  }

  @Test
  void aRowThatDoesNotParseNamesItsFileAndLine() throws Exception {
    Path f = dir.resolve("bad.txt");
    Files.writeString(
        f,
        "Column 1\tColumn 2\n20610\t20604\t\t2017-01-01\t*\t1\tx\n",
        StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> CmsNcciFiles.ptp(f))
        .isInstanceOf(ConfigFileException.class)
        .hasMessage(f + ":2: effective date '2017-01-01' is not yyyymmdd");

    Path m = dir.resolve("bad.csv");
    Files.writeString(
        m, "\"HCPCS/CPT Code\",\"MUE\"\n\"36415\",\"two\"\n", StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> CmsNcciFiles.mue(m))
        .isInstanceOf(ConfigFileException.class)
        .hasMessage(m + ":2: MUE value 'two' of 36415 is not a whole number");

    Path empty = dir.resolve("empty.txt");
    Files.writeString(empty, "only a notice\n", StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> CmsNcciFiles.ptp(empty)).hasMessageContaining("no PTP edit");
  }
}
