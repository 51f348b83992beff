package dev.x12gw.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.x12gw.domain.claim.Provider;
import dev.x12gw.domain.contract.ContractRate;
import dev.x12gw.domain.contract.ContractSchedule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContractFilesTest {
  private static final String HEADER =
      "payer_id,procedure_code,modifier,allowed_amount,effective_from,effective_to\n";
  private static final LocalDate JUNE = LocalDate.of(2026, 6, 15);

  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private static String amount(ContractSchedule s, String code, List<String> modifiers) {
    return s.find(Set.of("87726"), code, modifiers, JUNE)
        .map(r -> r.allowedAmount().toPlainString())
        .orElse("none");
  }

  @Test
  void readsRatesWithTheirSources() throws IOException {
    Path file =
        write(
            "acme.csv",
            "# ACME contract\n"
                + HEADER
                + "87726,99213,,110.00,2026-01-01,2026-12-31\n"
                + "\n"
                + "87726,97110,gp,40,2026-01-01,\n"
                + "87726,36415,,10.5,,\n");
    ContractSchedule s = ContractFiles.load(file);
    assertThat(s.size()).isEqualTo(3);
    assertThat(s.rates())
        .extracting(ContractRate::source)
        .containsExactly("acme.csv:3", "acme.csv:5", "acme.csv:6");
    ContractRate gp = s.rates().get(1);
    assertThat(gp.modifier()).isEqualTo("GP");
    assertThat(gp.allowedAmount().toPlainString()).isEqualTo("40.00");
    assertThat(gp.effectiveFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(gp.effectiveTo()).isNull();
    ContractRate venipuncture = s.rates().get(2);
    assertThat(venipuncture.modifier()).isEmpty();
    assertThat(venipuncture.effectiveFrom()).isNull();
    assertThat(venipuncture.allowedAmount().toPlainString()).isEqualTo("10.50");
    assertThat(amount(s, "97110", List.of("GP"))).isEqualTo("40.00");
    assertThat(amount(s, "99213", List.of("25"))).isEqualTo("110.00");
  }

  @Test
  void quotesBomCrlfCommentsExtraAndReorderedColumns() throws IOException {
    String text =
        "\uFEFF# exported from the contracting system\r\n"
            + "  # indented comment\r\n"
            + "Effective_To,NOTE,Allowed_Amount,PAYER_ID,Modifier,Procedure_Code,Effective_From\r\n"
            + "2026-12-31,\"plain, with comma\",\"110.00\",87726,,99213,2026-01-01\r\n"
            + "\r\n"
            + "# a comment between rows\r\n"
            + "2026-12-31,\"says \"\"hi\"\"\",40.00,\"87726\",\"GP\",97110,2026-01-01\r\n"
            + "2026-12-31,\"two\r\nlines\", 75.00 ,87726,,99212,2026-01-01\r\n"
            + ",,,,,,\r\n"
            + "2026-12-31,,180.00,87726,,99215,2026-01-01";
    Path file = write("acme.csv", text);
    ContractSchedule s = ContractFiles.load(file);
    assertThat(s.rates())
        .extracting(ContractRate::source)
        .containsExactly("acme.csv:4", "acme.csv:7", "acme.csv:8", "acme.csv:11");
    assertThat(amount(s, "99213", List.of())).isEqualTo("110.00");
    assertThat(amount(s, "97110", List.of("GP"))).isEqualTo("40.00");
    assertThat(amount(s, "99212", List.of())).isEqualTo("75.00");
    assertThat(amount(s, "99215", List.of())).isEqualTo("180.00");
  }

  @Test
  void theExampleContractLoads() {
    ContractSchedule s =
        ContractFiles.load(Path.of("config/contracts/examples/example-acme-87726.csv"));
    assertThat(s.size()).isEqualTo(7);
    assertThat(amount(s, "99213", List.of())).isEqualTo("110.00");
    assertThat(amount(s, "97110", List.of("GP"))).isEqualTo("40.00");
    assertThat(amount(s, "97110", List.of())).isEqualTo("none");
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = "|",
      quoteCharacter = '\'',
      value = {
        "87726,99213,,\"12,50\",2026-01-01,2026-12-31 | allowed_amount: \"12,50\" is not a decimal"
            + " amount",
        "87726,99213,,$110,2026-01-01,2026-12-31 | allowed_amount: \"$110\" is not a decimal amount",
        "87726,99213,,1e2,2026-01-01,2026-12-31 | allowed_amount: \"1e2\" is not a decimal amount",
        "87726,99213,,-5.00,2026-01-01,2026-12-31 | allowed_amount: \"-5.00\" is negative",
        "87726,99213,,,2026-01-01,2026-12-31 | allowed_amount: \"\" is empty",
        "87726,99213,,110,2026-13-01,2026-12-31 | effective_from: \"2026-13-01\" is not a date",
        "87726,99213,,110,2026-01-01,2026-02-30 | effective_to: \"2026-02-30\" is not a date",
        "87726,99213,,110,01/01/2026, | effective_from: \"01/01/2026\" is not a date",
        "87726,99213,,110,2026-01-01,2025-12-31 | effective_to: \"2025-12-31\" is before"
            + " effective_from 2026-01-01",
        ",99213,,110,, | payer_id: \"\" is empty",
        "87726,,,110,, | procedure_code: \"\" is empty",
        "87726,99213-25,,110,, | procedure_code: \"99213-25\" is not a procedure code",
        "87726,99213,G,110,, | modifier: \"G\" is not a modifier",
        "87726,99213,GP5,110,, | modifier: \"GP5\" is not a modifier",
        "87726,99213,,110 | effective_from: missing",
        "87726,99213,,110,,,surplus | column 7: \"surplus\" is beyond the header",
        "87726,99213,\"GP,110,, | modifier: a quoted value is not closed",
        "87726,99213,G\"P,110,, | modifier: a quote inside the unquoted value \"G\"P\"",
        "87726,99213,\"GP\"x,110,, | modifier: text after the closing quote",
      })
  void eachBadValueNamesFileLineAndColumn(String row, String expected) throws IOException {
    Path file = write("acme.csv", "# comment\n" + HEADER + "87726,99214,,150,,\n" + row + "\n");
    assertThatThrownBy(() -> ContractFiles.load(file))
        .isInstanceOf(ContractFileException.class)
        .hasMessageStartingWith(file + " line 4, " + expected);
  }

  private static final String PROVIDER_HEADER =
      "payer_id,procedure_code,modifier,allowed_amount,effective_from,effective_to,"
          + "billing_npi,billing_tin\n";
  private static final Provider ORTHO = new Provider("1758392041", "RIVERBEND", "371122334");
  private static final Provider AIR = new Provider("1647309529", "SKYLIFT", "364455789");

  @Test
  void providerColumnsAreOptionalAndEmptyMeansEveryProvider() throws IOException {
    Path file =
        write(
            "providers.csv",
            PROVIDER_HEADER
                + "39026,29881,,2400.00,2026-01-01,2026-12-31,1758392041,\n"
                + "39026,29881,,2100.00,2026-01-01,2026-12-31,,\n"
                + "39026,29881,,2200.00,2026-01-01,2026-12-31,,37-1122334\n"
                + "39026,29881,,2300.00,2026-01-01,2026-12-31,1758392041,371122334\n");
    ContractSchedule s = ContractFiles.load(file);
    assertThat(s.rates())
        .extracting(r -> r.provider().npi() + "/" + r.provider().tin())
        .containsExactly("1758392041/", "/", "/371122334", "1758392041/371122334");
    // the provider's own row (NPI and TIN) first, then payer-wide for anyone else
    assertThat(s.find(Set.of("39026"), ORTHO, "29881", List.of(), JUNE))
        .map(ContractRate::source)
        .contains("providers.csv:5");
    assertThat(s.find(Set.of("39026"), AIR, "29881", List.of(), JUNE))
        .map(ContractRate::source)
        .contains("providers.csv:3");
    // the existing header stays valid: every row is payer-wide
    ContractSchedule old = ContractFiles.load(write("old.csv", HEADER + "39026,29881,,2100,,\n"));
    assertThat(old.rates().get(0).provider().any()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = "|",
      value = {
        "39026,29881,,2400,,,1758392042, | billing_npi: \"1758392042\" is not an NPI (10 digits"
            + " with a valid check digit)",
        "39026,29881,,2400,,,175839204, | billing_npi: \"175839204\" is not an NPI",
        "39026,29881,,2400,,,,3711223345 | billing_tin: \"3711223345\" is not a TIN",
        "39026,29881,,2400,,,,371-122334 | billing_tin: \"371-122334\" is not a TIN",
      })
  void badProviderColumnsNameFileLineAndColumn(String row, String expected) throws IOException {
    Path file = write("p.csv", PROVIDER_HEADER + row + "\n");
    assertThatThrownBy(() -> ContractFiles.load(file))
        .isInstanceOf(ContractFileException.class)
        .hasMessageStartingWith(file + " line 2, " + expected);
  }

  @Test
  void overlapsAreRefusedPerProviderOnly() throws IOException {
    // the same code for two providers and for every provider: no overlap
    Path ok =
        write(
            "ok.csv",
            PROVIDER_HEADER
                + "39026,29881,,2400,2026-01-01,2026-12-31,1758392041,\n"
                + "39026,29881,,2500,2026-01-01,2026-12-31,1647309529,\n"
                + "39026,29881,,2100,2026-01-01,2026-12-31,,\n");
    assertThat(ContractFiles.load(ok).size()).isEqualTo(3);
    Path twice =
        write(
            "twice.csv",
            PROVIDER_HEADER
                + "39026,29881,,2400,2026-01-01,2026-12-31,1758392041,\n"
                + "39026,29881,,2450,2026-07-01,,1758392041,\n");
    assertThatThrownBy(() -> ContractFiles.load(twice))
        .isInstanceOf(ContractFileException.class)
        .hasMessageContaining("billing NPI 1758392041")
        .hasMessageContaining("twice.csv:2")
        .hasMessageContaining("twice.csv:3");
  }

  @Test
  void theDocumentedMessageShape() throws IOException {
    Path file = write("acme.csv", HEADER + "87726,99213,,\"12,50\",,\n");
    assertThatThrownBy(() -> ContractFiles.load(file))
        .hasMessage(file + " line 2, allowed_amount: \"12,50\" is not a decimal amount");
  }

  @Test
  void missingHeaderColumnsAreNamed() throws IOException {
    Path file = write("acme.csv", "# c\npayer_id,procedure_code,allowed_amount,modifier\n");
    assertThatThrownBy(() -> ContractFiles.load(file))
        .isInstanceOf(ContractFileException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("effective_from, effective_to")
        .hasMessageNotContaining("payer_id, procedure");
    Path empty = write("empty.csv", "# nothing but a comment\n\n");
    assertThatThrownBy(() -> ContractFiles.load(empty))
        .isInstanceOf(ContractFileException.class)
        .hasMessageContaining(empty.toString())
        .hasMessageContaining("header");
    Path twice = write("twice.csv", HEADER.trim() + ",PAYER_ID\n");
    assertThatThrownBy(() -> ContractFiles.load(twice))
        .isInstanceOf(ContractFileException.class)
        .hasMessageContaining("payer_id appears twice");
  }

  @Test
  void overlappingRatesNameBothSourcesAcrossFiles() throws IOException {
    write("a.csv", HEADER + "87726,99213,,110,2026-01-01,2026-12-31\n");
    write("b.csv", HEADER + "# later\n87726,99213,,115,2026-07-01,\n");
    assertThatThrownBy(() -> ContractFiles.load(dir))
        .isInstanceOf(ContractFileException.class)
        .hasMessageContaining("a.csv:2")
        .hasMessageContaining("b.csv:3");
    Path single = write("c.csv", HEADER + "87726,99213,,110,,\n87726,99213,,111,,\n");
    assertThatThrownBy(() -> ContractFiles.load(single))
        .isInstanceOf(ContractFileException.class)
        .hasMessageContaining("c.csv:2")
        .hasMessageContaining("c.csv:3");
  }

  @Test
  void aDirectoryLoadsEveryCsvInNameOrder() throws IOException {
    write("b.csv", HEADER + "87726,99214,,150,,\n");
    write("a.csv", HEADER + "87726,99213,,110,,\n");
    write("c.CSV", HEADER + "87726,99215,,180,,\n");
    write("notes.txt", "not a contract");
    write(".hidden.csv", "garbage");
    Files.createDirectory(dir.resolve("sub.csv"));
    Files.createDirectory(dir.resolve("nested"));
    Files.writeString(dir.resolve("nested/d.csv"), HEADER + "87726,99212,,75,,\n");
    ContractSchedule s = ContractFiles.load(dir);
    assertThat(s.rates())
        .extracting(ContractRate::source)
        .containsExactly("a.csv:2", "b.csv:2", "c.CSV:2");
  }

  @Test
  void aMissingDirectoryIsEmptyAndAMissingFileAnError() {
    assertThat(ContractFiles.load(dir.resolve("contracts")).isEmpty()).isTrue();
    Path missing = dir.resolve("acme.csv");
    assertThatThrownBy(() -> ContractFiles.load(missing))
        .isInstanceOf(ContractFileException.class)
        .hasMessageContaining(missing.toString());
  }

  @Test
  void anEmptyDirectoryIsEmpty() {
    assertThat(ContractFiles.load(dir)).isEqualTo(ContractSchedule.empty());
  }

  @Test
  void textThatIsNotUtf8IsRefusedWithItsLine() throws IOException {
    Path file = dir.resolve("latin1.csv");
    Files.write(
        file,
        (HEADER + "87726,99213,,110,,\nACM\u00c9,99213,,110,,\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> ContractFiles.load(file))
        .isInstanceOf(ContractFileException.class)
        .hasMessageStartingWith(file + " line 3");
  }
}
