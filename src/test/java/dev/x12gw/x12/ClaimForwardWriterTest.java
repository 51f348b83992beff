package dev.x12gw.x12;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.TestFiles;
import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.RemittanceHeader;
import dev.x12gw.x12.smooks.SmooksX12Parser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forwarded 837s: any subset of a file's claims, under fresh envelopes, reads back without a defect
 * with the same claims, their HL levels numbered again and shared levels written once.
 */
class ClaimForwardWriterTest {
  private static SmooksX12Parser parser;
  @TempDir Path dir;

  @BeforeAll
  static void open() throws Exception {
    parser = new SmooksX12Parser(TestFiles.mapping());
  }

  @AfterAll
  static void close() {
    parser.close();
  }

  /** A claim as the binder hands it over. */
  record Read(SubmittedClaim claim, ClaimForwardWriter.Claim forward) {}

  private static List<Read> read(Path file) throws Exception {
    List<Read> out = new ArrayList<>();
    ReadResult r =
        parser.parse(
            file,
            file.getFileName().toString(),
            new BindingSink() {
              String version = "";

              @Override
              public void beginTransaction(Transaction t) {
                version = t.version();
              }

              @Override
              public void claim(SubmittedClaim claim) {
                throw new AssertionError("837 claims come with their segments");
              }

              @Override
              public void claim(
                  SubmittedClaim claim, List<String> segments, int[] positions, Delimiters d) {
                out.add(new Read(claim, new ClaimForwardWriter.Claim(segments, version)));
              }

              @Override
              public void payment(RemittanceHeader remittance, ClaimPayment payment) {}
            });
    assertThat(r.problems()).as("defects of %s", file).isEmpty();
    return out;
  }

  private static String envelope(Path file, int line) throws Exception {
    return Files.readAllLines(file).get(line);
  }

  @Test
  void aSubsetOfClaimsGoesOutUnderFreshEnvelopesAndReadsBackTheSame() throws Exception {
    Path source = TestFiles.testdata("claims-professional-3.837");
    List<Read> claims = read(source);
    assertThat(claims).hasSize(3);
    String isa = envelope(source, 0);
    String gs = envelope(source, 1).replace("~", "");

    String two =
        ClaimForwardWriter.write(
            isa,
            gs,
            List.of(claims.get(0).forward(), claims.get(2).forward()),
            42,
            LocalDateTime.of(2026, 12, 7, 9, 30));
    Path out = Files.writeString(dir.resolve("two.837"), two);
    List<Read> back = read(out);
    assertThat(back)
        .extracting(b -> b.claim().patientControlNumber())
        .containsExactly("PCN1001", "PCN1003");
    assertThat(back.get(0).claim().totalCharge())
        .isEqualByComparingTo(claims.get(0).claim().totalCharge());
    assertThat(back.get(1).claim().payer().id()).isEqualTo("60054");
    assertThat(back.get(0).claim().source().interchangeControlNumber()).isEqualTo("000000042");
    assertThat(back.get(0).claim().source().groupControlNumber()).isEqualTo("42");
    assertThat(two)
        .startsWith(isa.substring(0, 70))
        .contains("*261207*0930*^*00501*000000042*")
        .contains("GS*HC*GOODHEALTH*CLEARINGHOUSE*20261207*0930*42*X*005010X222A1~")
        // one billing provider level, each claim's own subscriber level, numbered again
        .contains("HL*1**20*1~", "HL*2*1*22*0~", "HL*3*1*22*0~")
        .doesNotContain("HL*4")
        .contains("IEA*1*000000042~");

    List<Read> all =
        read(
            Files.writeString(
                dir.resolve("all.837"),
                ClaimForwardWriter.write(
                    isa,
                    gs,
                    claims.stream().map(Read::forward).toList(),
                    7,
                    LocalDateTime.of(2026, 12, 7, 9, 30))));
    assertThat(all)
        .extracting(b -> b.claim().patientControlNumber())
        .containsExactly("PCN1001", "PCN1002", "PCN1003");
    assertThat(all.get(1).claim().priorAuthorization()).isEqualTo("AUTH5566");
  }

  @Test
  void consecutiveClaimsOfOneSubscriberShareItsLevel() throws Exception {
    Path source = TestFiles.testdata("every-claim-segment.837");
    List<Read> claims = read(source);
    String text = Files.readString(source);
    String isa = text.substring(text.indexOf("ISA"), text.indexOf("ISA") + 106);
    int gsAt = text.indexOf("GS*");
    String gs = text.substring(gsAt, text.indexOf('~', gsAt));
    String out =
        ClaimForwardWriter.write(
            isa, gs, claims.stream().map(Read::forward).toList(), 9, LocalDateTime.now());
    List<Read> back = read(Files.writeString(dir.resolve("every.837"), out));
    assertThat(back)
        .extracting(b -> b.claim().patientControlNumber())
        .isEqualTo(claims.stream().map(c -> c.claim().patientControlNumber()).toList());
    assertThat(back)
        .extracting(b -> b.claim().lines().size())
        .isEqualTo(claims.stream().map(c -> c.claim().lines().size()).toList());
  }

  /** A batch built claim by claim takes back what was added after a mark (a quarantined set). */
  @Test
  void aBatchTakesBackTheClaimsAddedAfterAMark() throws Exception {
    Path source = TestFiles.testdata("claims-professional-3.837");
    List<Read> claims = read(source);
    String isa = envelope(source, 0);
    String gs = envelope(source, 1).replace("~", "");
    LocalDateTime now = LocalDateTime.of(2026, 12, 7, 9, 30);

    ClaimForwardWriter.Batch batch = new ClaimForwardWriter.Batch(isa.charAt(3));
    batch.add(claims.get(0).forward());
    ClaimForwardWriter.Mark mark = batch.mark();
    batch.add(claims.get(1).forward());
    batch.reset(mark);
    batch.add(claims.get(2).forward());
    assertThat(batch.claims()).isEqualTo(2);
    // the same 837 as written from the two claims at once
    assertThat(batch.write(isa, gs, 42, now))
        .isEqualTo(
            ClaimForwardWriter.write(
                isa, gs, List.of(claims.get(0).forward(), claims.get(2).forward()), 42, now));

    ClaimForwardWriter.Batch empty = new ClaimForwardWriter.Batch(isa.charAt(3));
    ClaimForwardWriter.Mark start = empty.mark();
    empty.add(claims.get(0).forward());
    empty.reset(start);
    assertThat(empty.claims()).isZero();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> empty.write(isa, gs, 1, now))
        .hasMessage("nothing to forward");
  }
}
