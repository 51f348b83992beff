package dev.x12gw.x12;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.TestFiles;
import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.RemittanceHeader;
import dev.x12gw.x12.smooks.SmooksX12Parser;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each claim and claim payment arrives with the segments it was read from (SegmentTrail). */
class SegmentTrailTest {
  private static SmooksX12Parser parser;
  private static final List<List<String>> headers = new java.util.ArrayList<>();

  @BeforeAll
  static void parser() throws Exception {
    parser = new SmooksX12Parser(TestFiles.mapping());
  }

  private static Map<String, List<String>> read(Path file) throws Exception {
    Map<String, List<String>> byPcn = new LinkedHashMap<>();
    headers.clear();
    parser.parse(
        file,
        file.getFileName().toString(),
        new BindingSink() {
          @Override
          public void claim(SubmittedClaim claim) {
            throw new AssertionError("the binder hands claims over with their segments");
          }

          @Override
          public void payment(RemittanceHeader remittance, ClaimPayment payment) {
            throw new AssertionError("the binder hands payments over with their segments");
          }

          @Override
          public void claim(SubmittedClaim claim, List<String> segments) {
            byPcn.put(claim.patientControlNumber(), segments);
          }

          @Override
          public void payment(
              RemittanceHeader remittance,
              ClaimPayment payment,
              List<String> headerSegments,
              List<String> segments) {
            List<String> all = new java.util.ArrayList<>(headerSegments);
            all.addAll(segments);
            byPcn.put(payment.patientControlNumber(), all);
            headers.add(headerSegments);
          }
        });
    return byPcn;
  }

  @Test
  void aClaimCarriesTheHeaderItsBillingProviderSubscriberAndItsOwnLoop() throws Exception {
    Map<String, List<String>> claims = read(TestFiles.testdata("claims-professional-3.837"));
    List<String> first = claims.get("PCN1001");
    assertThat(first)
        .startsWith(
            "BHT*0019*00*BATCH0101*20261101*1200*CH",
            "NM1*41*2*GOOD HEALTH CLINIC*****46*SUBM001",
            "PER*IC*BILLING OFFICE*TE*5555550100",
            "NM1*40*2*CLEARINGHOUSE INC*****46*RECV001",
            "HL*1**20*1",
            "PRV*BI*PXC*207Q00000X",
            "NM1*85*2*GOOD HEALTH CLINIC*****XX*1234567893")
        .contains(
            "HL*2*1*22*0", "NM1*IL*1*DOE*JANE****MI*W123456789", "CLM*PCN1001*250***11:B:1*Y*A*Y*Y")
        .endsWith("LX*2", "SV1*HC:97110:GP*100*UN*2***1", "DTP*472*D8*20261015", "REF*6R*LINE1001B")
        .doesNotContain("HL*3*1*22*0")
        .noneMatch(s -> s.startsWith("ST*") || s.startsWith("SE*") || s.startsWith("ISA*"));
    // the next subscriber's claim: same header and billing provider, its own subscriber only
    List<String> second = claims.get("PCN1002");
    assertThat(second)
        .contains("HL*1**20*1", "HL*3*1*22*0", "NM1*IL*1*ROE*RICHARD****MI*W987654321")
        .doesNotContain("HL*2*1*22*0", "CLM*PCN1001*250***11:B:1*Y*A*Y*Y");
    assertThat(second.stream().filter(s -> s.startsWith("CLM*"))).hasSize(1);
  }

  @Test
  void aPaymentCarriesTheRemittanceHeaderAndItsOwnClpLoopOnly() throws Exception {
    Map<String, List<String>> payments = read(TestFiles.testdata("denied-co197-no-auth.835"));
    assertThat(payments.get("PCN1001"))
        .containsExactly(
            "BPR*I*144*C*ACH*CCP*01*011000015*DA*123456789*1123456789**01*021000021*DA*987654321*20261120",
            "TRN*1*EFT20261120001*1123456789",
            "DTM*405*20261119",
            "N1*PR*ACME HEALTH PLAN",
            "N3*PO BOX 1000",
            "N4*HARTFORD*CT*06101",
            "REF*2U*87726",
            "PER*BL*PROVIDER SERVICES*TE*8005550199",
            "N1*PE*GOOD HEALTH CLINIC*XX*1234567893",
            "REF*TJ*371234567",
            "LX*1",
            "CLP*PCN1001*4*250*0**12*ACME26110001*11*1",
            "NM1*QC*1*DOE*JANE****MI*W123456789",
            "MOA***M62",
            "DTM*232*20261015",
            "SVC*HC:99213*150*0**1",
            "DTM*472*20261015",
            "CAS*CO*197*150",
            "REF*6R*LINE1001A",
            "SVC*HC:97110:GP*100*0**2",
            "DTM*472*20261015",
            "CAS*CO*197*100",
            "REF*6R*LINE1001B");
    // the header is one list, handed with every payment of the transaction
    assertThat(headers).hasSize(3);
    assertThat(headers.get(2))
        .isSameAs(headers.get(0))
        .hasSize(10)
        .last()
        .isEqualTo("REF*TJ*371234567");
    assertThat(payments.get("PCN1003"))
        .endsWith(
            "LX*1",
            "CLP*PCN1003*4*95*0**12*ACME26110003*11*1",
            "NM1*QC*1*POE*EDGAR****MI*X555000111",
            "CAS*CO*31*95")
        .doesNotContain("CLP*PCN1002*1*180*144*36*12*ACME26110002*11*1");
  }
}
