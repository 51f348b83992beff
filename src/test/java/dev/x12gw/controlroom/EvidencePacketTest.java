package dev.x12gw.controlroom;

import static dev.x12gw.controlroom.EvidencePacketSamples.AS_OF;
import static dev.x12gw.controlroom.EvidencePacketSamples.amount;
import static dev.x12gw.controlroom.EvidencePacketSamples.co197Denial;
import static dev.x12gw.controlroom.EvidencePacketSamples.date;
import static dev.x12gw.controlroom.EvidencePacketSamples.nsaUnderpayment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The evidence packet value: what it requires, what it copies, how it counts days. */
class EvidencePacketTest {
  @Test
  void daysLeftCountFromTheAsOfDayAndGoNegativeOncePassed() {
    Deadline appeal = new Deadline("Appeal deadline", date("2027-04-21"));
    // 2026-12-07 -> 12-31: 24, + January 31 = 55, + February 28 = 83, + March 31 = 114, + 21 = 135
    assertThat(co197Denial().daysLeft(appeal)).isEqualTo(135);
    assertThat(appeal.daysLeftFrom(date("2027-04-21"))).isZero();
    assertThat(appeal.daysLeftFrom(date("2027-04-20"))).isEqualTo(1);
    assertThat(appeal.daysLeftFrom(date("2027-04-25"))).isEqualTo(-4);
    // across a leap day: 2028-02-28 -> 2028-03-01 is two days
    assertThat(new Deadline("x", date("2028-03-01")).daysLeftFrom(date("2028-02-28"))).isEqualTo(2);
    EvidencePacket nsa = nsaUnderpayment();
    assertThat(nsa.deadlines()).extracting(nsa::daysLeft).containsExactly(14L, 64L, 89L);
  }

  @Test
  void requiredPartsAreRequired() {
    EvidencePacket p = co197Denial();
    assertRejected(p, b -> b.recordId = " ", "record id");
    assertRejected(p, b -> b.recordId = null, "record id");
    assertRejected(p, b -> b.recordType = null, "record type");
    assertRejected(p, b -> b.asOf = null, "as-of date");
    assertRejected(p, b -> b.payer = null, "payer");
    assertRejected(p, b -> b.provider = null, "provider");
    assertRejected(p, b -> b.claim = null, "claim");
    assertRejected(p, b -> b.amounts = null, "amounts");
    assertRejected(p, b -> b.decision = null, "decision");
    assertRejected(p, b -> b.codes = null, null);
    assertRejected(p, b -> b.deadlines = null, null);
    assertRejected(p, b -> b.claimSegments = null, null);
    assertRejected(p, b -> b.remittanceSegments = null, null);

    assertThatThrownBy(() -> new Payer("", "ACME")).hasMessageContaining("payer id");
    assertThatThrownBy(() -> new Provider(null, "1", "2")).hasMessageContaining("provider name");
    assertThatThrownBy(() -> new Amounts(null, null, null, null, null, null))
        .hasMessageContaining("amount at stake");
    assertThatThrownBy(
            () ->
                new Decision(
                    DenialFamily.CODING, RootCause.CODING, true, null, "R", "why", List.of()))
        .hasMessageContaining("recovery pathway");
    assertThatThrownBy(
            () ->
                new Decision(
                    DenialFamily.CODING,
                    RootCause.CODING,
                    true,
                    RecoveryPathway.APPEAL,
                    " ",
                    "why",
                    List.of()))
        .hasMessageContaining("rule id");
    assertThatThrownBy(() -> new CodeLine(null, "197", "d", null)).hasMessageContaining("kind");
    assertThatThrownBy(() -> new CodeLine(CodeKind.CARC, "", "d", null))
        .hasMessageContaining("code");
    assertThatThrownBy(() -> new Deadline("Appeal", null)).hasMessageContaining("date");
    assertThatThrownBy(() -> new Deadline(" ", date("2027-01-01")))
        .hasMessageContaining("deadline name");
    NsaDispute n = nsaUnderpayment().nsaDispute();
    assertThatThrownBy(
            () ->
                new NsaDispute(
                    n.initialDecisionDate(),
                    null,
                    n.idrInitiationOuterDeadline(),
                    n.qpa(),
                    n.qpaSource(),
                    n.basis(),
                    n.network(),
                    n.disputeBatchKey(),
                    n.initiatingParty(),
                    n.nonInitiatingParty(),
                    n.serviceCode(),
                    n.serviceDate(),
                    n.placeOfService()))
        .hasMessageContaining("open negotiation deadline");
    assertThatThrownBy(
            () ->
                new NsaDispute(
                    n.initialDecisionDate(),
                    n.openNegotiationDeadline(),
                    n.idrInitiationOuterDeadline(),
                    n.qpa(),
                    n.qpaSource(),
                    n.basis(),
                    n.network(),
                    n.disputeBatchKey(),
                    null,
                    n.nonInitiatingParty(),
                    n.serviceCode(),
                    n.serviceDate(),
                    n.placeOfService()))
        .hasMessageContaining("initiating party");
  }

  @Test
  void serviceDatesAndLineNumbersMakeSense() {
    ClaimRef oneDay = new ClaimRef("PCN1", null, date("2026-10-05"), null, null, null);
    assertThat(oneDay.serviceTo()).isEqualTo(date("2026-10-05"));
    assertThat(new ClaimRef(null, null, null, null, null, null).serviceFrom()).isNull();
    assertThatThrownBy(
            () -> new ClaimRef("PCN1", null, date("2026-10-05"), date("2026-10-04"), null, null))
        .hasMessageContaining("backwards");
    assertThatThrownBy(() -> new ClaimRef("PCN1", null, null, date("2026-10-04"), null, null))
        .hasMessageContaining("from-date");
    assertThatThrownBy(() -> new ClaimRef("PCN1", null, null, null, "99213", 0))
        .hasMessageContaining("line number");
    assertThat(co197Denial().lineLevel()).isFalse();
    assertThat(nsaUnderpayment().lineLevel()).isTrue();
  }

  @Test
  void listsAreCopiedAndAmountsKeepTwoPlaces() {
    List<String> evidence = new ArrayList<>(List.of("RARC N54"));
    List<CodeLine> codes = new ArrayList<>(List.of(new CodeLine(CodeKind.RARC, "N54", "", null)));
    List<Deadline> deadlines = new ArrayList<>(List.of(new Deadline("Appeal", AS_OF)));
    List<String> claim = new ArrayList<>(List.of("CLM*PCN1*100"));
    List<String> remit = new ArrayList<>(List.of("CLP*PCN1*4*100*0"));
    List<String> basis = new ArrayList<>(List.of("RARC N864"));
    EvidencePacket base = nsaUnderpayment();
    NsaDispute n = base.nsaDispute();
    EvidencePacket p =
        new EvidencePacket(
            "id-1",
            RecordType.LINE_DENIAL,
            AS_OF,
            base.payer(),
            base.provider(),
            base.claim(),
            new Amounts(amount("100"), amount("0"), amount("100"), null, null, null),
            new Decision(
                DenialFamily.CODING,
                RootCause.CODING,
                true,
                RecoveryPathway.CORRECT_AND_RESUBMIT,
                "CARC-11",
                "Diagnosis inconsistent with the procedure.",
                evidence),
            codes,
            " ",
            deadlines,
            new NsaDispute(
                n.initialDecisionDate(),
                n.openNegotiationDeadline(),
                n.idrInitiationOuterDeadline(),
                null,
                null,
                basis,
                Network.OUT_OF_NETWORK,
                null,
                n.initiatingParty(),
                n.nonInitiatingParty(),
                "99285",
                n.serviceDate(),
                null),
            claim,
            remit,
            "");
    evidence.clear();
    codes.clear();
    deadlines.clear();
    claim.clear();
    remit.clear();
    basis.clear();
    assertThat(p.decision().evidence()).containsExactly("RARC N54");
    assertThat(p.codes()).hasSize(1);
    assertThat(p.codes().get(0).description()).isNull();
    assertThat(p.deadlines()).hasSize(1);
    assertThat(p.claimSegments()).containsExactly("CLM*PCN1*100");
    assertThat(p.remittanceSegments()).containsExactly("CLP*PCN1*4*100*0");
    assertThat(p.nsaDispute().basis()).containsExactly("RARC N864");
    assertThatThrownBy(() -> p.codes().add(new CodeLine(CodeKind.CARC, "1", null, null)))
        .isInstanceOf(UnsupportedOperationException.class);
    // blank optional text is absent
    assertThat(p.contractBasis()).isNull();
    assertThat(p.recordJson()).isNull();
    assertThat(p.amounts().billed().toPlainString()).isEqualTo("100.00");
    assertThat(p.amounts().paid().toPlainString()).isEqualTo("0.00");
    assertThat(p.amounts().expectedRecovery()).isNull();
  }

  private static void assertRejected(EvidencePacket p, Consumer<Parts> change, String message) {
    Parts parts = new Parts(p);
    change.accept(parts);
    var thrown = assertThatThrownBy(parts::build);
    if (message != null) {
      thrown.hasMessageContaining(message);
    } else {
      thrown.isInstanceOf(NullPointerException.class);
    }
  }

  /** A packet's components, to change one and build again. */
  private static final class Parts {
    String recordId;
    RecordType recordType;
    LocalDate asOf;
    Payer payer;
    Provider provider;
    ClaimRef claim;
    Amounts amounts;
    Decision decision;
    List<CodeLine> codes;
    String contractBasis;
    List<Deadline> deadlines;
    NsaDispute nsaDispute;
    List<String> claimSegments;
    List<String> remittanceSegments;
    String recordJson;

    Parts(EvidencePacket p) {
      recordId = p.recordId();
      recordType = p.recordType();
      asOf = p.asOf();
      payer = p.payer();
      provider = p.provider();
      claim = p.claim();
      amounts = p.amounts();
      decision = p.decision();
      codes = p.codes();
      contractBasis = p.contractBasis();
      deadlines = p.deadlines();
      nsaDispute = p.nsaDispute();
      claimSegments = p.claimSegments();
      remittanceSegments = p.remittanceSegments();
      recordJson = p.recordJson();
    }

    EvidencePacket build() {
      return new EvidencePacket(
          recordId,
          recordType,
          asOf,
          payer,
          provider,
          claim,
          amounts,
          decision,
          codes,
          contractBasis,
          deadlines,
          nsaDispute,
          claimSegments,
          remittanceSegments,
          recordJson);
    }
  }
}
