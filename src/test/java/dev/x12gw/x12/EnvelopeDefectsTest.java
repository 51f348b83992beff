package dev.x12gw.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class EnvelopeDefectsTest {
  private static final String HEADER = "code,scope,severity,ta1,ak905,ik502,meaning\n";

  private static EnvelopeDefects parse(String text) throws Exception {
    return EnvelopeDefects.parse(new BufferedReader(new StringReader(text)));
  }

  @Test
  void theShippedTableSaysWhichDefectsAreErrors() {
    EnvelopeDefects t = EnvelopeDefects.standard();
    assertThat(t.severity("ISA16_INVALID")).isEqualTo(X12Problem.Severity.ERROR);
    assertThat(t.severity("GUIDE_AMBIGUOUS")).isEqualTo(X12Problem.Severity.ERROR);
    assertThat(t.severity("GS08_ST03_MISMATCH")).isEqualTo(X12Problem.Severity.WARNING);
    assertThat(t.severity("ISA09_INVALID")).isEqualTo(X12Problem.Severity.WARNING);
    assertThat(t.get("ISA09_INVALID").ta1()).isEqualTo("014");
    assertThat(t.get("GS01_ST01_MISMATCH").ik502()).isEqualTo("6");
    assertThat(t.get("GE01_COUNT").ak905()).isEqualTo("5");
    assertThat(t.rank("ISA16_INVALID")).isLessThan(t.rank("ISA_LENGTH"));
    assertThat(t.rank("NOT_IN_THE_TABLE")).isEqualTo(Integer.MAX_VALUE);
    assertThat(t.all()).hasSizeGreaterThan(20);
  }

  @Test
  void aCodeTheTrackerReportsMustBeInTheTable() {
    assertThatThrownBy(() -> EnvelopeDefects.standard().get("NO_SUCH_DEFECT"))
        .hasMessageContaining("NO_SUCH_DEFECT is not in envelope-defects.csv");
  }

  @Test
  void commentsAndTheHeaderAreSkippedAndRowsKeepTheirOrder() throws Exception {
    EnvelopeDefects t =
        parse(
            "# a comment\n"
                + HEADER
                + "B_CODE,transaction-set,ERROR,,,5,b\n"
                + "A_CODE,interchange,WARNING,022,,,a, with a comma\n");
    assertThat(t.rank("B_CODE")).isZero();
    assertThat(t.get("A_CODE").meaning()).isEqualTo("a, with a comma");
    assertThat(t.get("A_CODE").scope()).isEqualTo(EnvelopeDefects.Scope.INTERCHANGE);
  }

  @Test
  void rowsThatCannotHoldAreRefusedWithTheirLine() {
    assertThatThrownBy(() -> parse(HEADER + "GE01_COUNT,envelope,ERROR,,5,,x\n"))
        .hasMessageContaining("line 2")
        .hasMessageContaining("can only warn");
    assertThatThrownBy(() -> parse(HEADER + "STRAY,stray-segment,WARNING,,,,x\n"))
        .hasMessageContaining("ERROR");
    assertThatThrownBy(() -> parse(HEADER + "X,interchange,WARNING,22,,,x\n"))
        .hasMessageContaining("not 3 digits");
    assertThatThrownBy(
            () -> parse(HEADER + "X,interchange,WARNING,,,,x\nX,interchange,ERROR,,,,y\n"))
        .hasMessageContaining("line 3")
        .hasMessageContaining("appears twice");
    assertThatThrownBy(() -> parse("code,severity\n")).hasMessageContaining("unexpected header");
    assertThatThrownBy(() -> parse(HEADER + "X,somewhere,WARNING,,,,x\n"))
        .hasMessageContaining("line 2");
  }
}
