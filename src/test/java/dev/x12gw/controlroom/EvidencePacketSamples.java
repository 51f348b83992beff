package dev.x12gw.controlroom;

import dev.x12gw.TestFiles;
import dev.x12gw.domain.classification.DenialFamily;
import dev.x12gw.domain.classification.RecoveryPathway;
import dev.x12gw.domain.classification.RootCause;
import dev.x12gw.domain.codes.CodeKind;
import dev.x12gw.domain.contract.Network;
import dev.x12gw.domain.controlroom.EvidencePacket;
import dev.x12gw.domain.controlroom.EvidencePacket.Amounts;
import dev.x12gw.domain.controlroom.EvidencePacket.ClaimRef;
import dev.x12gw.domain.controlroom.EvidencePacket.CodeLine;
import dev.x12gw.domain.controlroom.EvidencePacket.Deadline;
import dev.x12gw.domain.controlroom.EvidencePacket.Decision;
import dev.x12gw.domain.controlroom.EvidencePacket.NsaDispute;
import dev.x12gw.domain.controlroom.EvidencePacket.Payer;
import dev.x12gw.domain.controlroom.EvidencePacket.Provider;
import dev.x12gw.domain.finding.RecordType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Two evidence packets as the control room fills them, from the scenarios' own X12 files, published
 * records and the shipped code tables: a CO-197 denial of a claim that carried its authorization
 * (appeal), and an out-of-network emergency visit paid below its No Surprises Act target (dispute).
 */
final class EvidencePacketSamples {
  /** The day both packets are made. */
  static final LocalDate AS_OF = LocalDate.parse("2026-12-07");

  private EvidencePacketSamples() {}

  /** {@code testdata/scenarios/denied-co197-auth-on-file}: PCN4001 denied CO-197 / N54. */
  static EvidencePacket co197Denial() {
    String scenario = "denied-co197-auth-on-file";
    return new EvidencePacket(
        "b9362d59-5295-8e9b-9669-f8535ea071c0",
        RecordType.CLAIM_DENIAL,
        AS_OF,
        new Payer("87726", "ACME HEALTH PLAN"),
        new Provider("GOOD HEALTH CLINIC", "1234567893", "371234567"),
        new ClaimRef("PCN4001", "ACME26012001", LocalDate.parse("2026-10-05"), null, null, null),
        new Amounts(
            amount("1450.00"),
            amount("0.00"),
            amount("1450.00"),
            amount("652.50"),
            amount("60.00"),
            amount("592.50")),
        new Decision(
            DenialFamily.AUTHORIZATION,
            RootCause.PAYER_BEHAVIOR,
            false,
            RecoveryPathway.APPEAL,
            "AUTH-ON-CLAIM",
            "The claim carried a prior authorization number (REF*G1), yet the payer says it is"
                + " absent or exceeded: appeal with the authorization on file.",
            List.of(
                "driving adjustment CO-197 1450.00",
                "RARC N54",
                "rule AUTH-ON-CLAIM (rules.csv:16): CLAIM_DENIAL|LINE_DENIAL; any group-197|198;"
                    + " claim PRIOR_AUTH_SENT",
                "claim: the 837 claim carries a REF*G1 prior authorization",
                "service line OTHER")),
        List.of(
            new CodeLine(CodeKind.GROUP, "CO", "Contractual Obligation", null),
            new CodeLine(
                CodeKind.CARC,
                "197",
                "Precertification/authorization/notification/pre-treatment absent.",
                amount("1450.00")),
            new CodeLine(
                CodeKind.RARC,
                "N54",
                "Claim information is inconsistent with pre-certified/authorized services.",
                null)),
        null,
        List.of(
            new Deadline("Appeal deadline (payment 2026-10-23 + 180 days)", date("2027-04-21"))),
        null,
        segments(scenario, "1-claim.837"),
        segments(scenario, "2-remit.835"),
        record(scenario));
  }

  /**
   * {@code testdata/scenarios/nsa-emergency-out-of-network-underpaid}: PCN5301, ER visit 99285 paid
   * 320.00 + coinsurance 150.00 against billed 1,200.00.
   */
  static EvidencePacket nsaUnderpayment() {
    String scenario = "nsa-emergency-out-of-network-underpaid";
    Provider provider = new Provider("CITYWIDE EMERGENCY PHYSICIANS", "1582036418", "364455667");
    Payer payer = new Payer("54771", "SUMMIT MUTUAL HEALTH");
    List<String> basis =
        List.of(
            "RARC N864",
            "RARC N877",
            "EMERGENCY_PLACE_OF_SERVICE 23",
            "OUT_OF_NETWORK (payer table)");
    return new EvidencePacket(
        "960e5db2-0253-8545-bee4-d6e2feaf4363",
        RecordType.UNDERPAYMENT,
        AS_OF,
        payer,
        provider,
        new ClaimRef("PCN5301", "SM26013301", LocalDate.parse("2026-10-05"), null, "99285", 1),
        new Amounts(
            amount("1200.00"),
            amount("320.00"),
            amount("730.00"),
            amount("292.00"),
            amount("200.00"),
            amount("92.00")),
        new Decision(
            DenialFamily.CONTRACTUAL,
            RootCause.PAYER_BEHAVIOR,
            false,
            RecoveryPathway.ESCALATE_DISPUTE,
            "NSA-INITIAL-PAYMENT",
            "Out-of-network initial payment below the target: send the open negotiation notice,"
                + " then initiate federal IDR if it fails. No Surprises Act claim: open negotiation"
                + " by 2026-12-21, then federal IDR.",
            List.of(
                "driving adjustment CO-45 730.00",
                "adjustment PR-2 150.00",
                "RARC N864 N877",
                "rule NSA-INITIAL-PAYMENT (rules.csv:6): UNDERPAYMENT_NSA_INITIAL_PAYMENT",
                "service line EMERGENCY (procedure 99281-99285)",
                "No Surprises Act: RARC N864, RARC N877, EMERGENCY_PLACE_OF_SERVICE 23,"
                    + " OUT_OF_NETWORK (payer table)")),
        List.of(
            new CodeLine(CodeKind.GROUP, "CO", "Contractual Obligation", null),
            new CodeLine(
                CodeKind.CARC,
                "45",
                "Charge exceeds fee schedule/maximum allowable or contracted/legislated fee"
                    + " arrangement. Usage: This adjustment amount cannot equal the total service"
                    + " or claim charge amount; and must not duplicate provider adjustment amounts"
                    + " (payments and contractual reductions) that have resulted from prior"
                    + " payer(s) adjudication. (Use only with Group Codes PR or CO depending upon"
                    + " liability)",
                amount("730.00")),
            new CodeLine(CodeKind.GROUP, "PR", "Patient Responsibility", null),
            new CodeLine(CodeKind.CARC, "2", "Coinsurance Amount", amount("150.00")),
            new CodeLine(
                CodeKind.RARC,
                "N864",
                "Alert:This claim is subject to the No Surprises Act provisions that apply to"
                    + " emergency services.",
                null),
            new CodeLine(
                CodeKind.RARC,
                "N877",
                "Alert:This initial payment is provided in accordance with the No Surprises Act."
                    + " The provider or facility may initiate open negotiation if they desire to"
                    + " negotiate a higher out-of-network rate.",
                null)),
        "Billed charges (nsa.target.basis BILLED_CHARGES): target 1,200.00 for 99285 \u00d7 1"
            + " unit; initial payment 470.00 = paid 320.00 + coinsurance 150.00; QPA 780.00"
            + " (qpa.csv:5)",
        List.of(
            new Deadline("Open negotiation deadline", date("2026-12-21")),
            new Deadline("Federal IDR initiation, latest", date("2027-02-09")),
            new Deadline("Appeal deadline (payment 2026-11-06 + 120 days)", date("2027-03-06"))),
        new NsaDispute(
            date("2026-11-06"),
            date("2026-12-21"),
            date("2027-02-09"),
            amount("780.00"),
            "qpa.csv:5",
            basis,
            Network.OUT_OF_NETWORK,
            "920c484b-3276-8a2b-b6ee-c6ecb496c0bc",
            provider,
            payer,
            "99285",
            date("2026-10-05"),
            "23"),
        segments(scenario, "1-claim.837"),
        segments(scenario, "2-remit.835"),
        record(scenario));
  }

  /** A scenario file's segments, without their terminators. */
  static List<String> segments(String scenario, String file) {
    String text = read(TestFiles.testdata("scenarios").resolve(scenario).resolve(file));
    return Arrays.stream(text.split("~")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** The scenario's first published record. */
  private static String record(String scenario) {
    Path expected = TestFiles.testdata("expected/scenarios").resolve(scenario + ".jsonl");
    return read(expected).lines().findFirst().orElseThrow();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static BigDecimal amount(String s) {
    return new BigDecimal(s);
  }

  static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }
}
