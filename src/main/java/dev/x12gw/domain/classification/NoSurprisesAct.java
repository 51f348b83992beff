package dev.x12gw.domain.classification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * 835 CLP with NSA remark codes or an out-of-network emergency / air ambulance claim: the federal
 * IDR clock of a denied or underpaid No Surprises Act claim.
 *
 * @param eligible true (records carry this object only for eligible claims)
 * @param basis why the claim qualifies (remark codes, emergency place of service, air ambulance
 *     code, out of network)
 * @param network IN_NETWORK or OUT_OF_NETWORK
 * @param initialDecisionDate the initial payment or denial date (835 BPR16)
 * @param openNegotiationDeadline last day to open negotiation: 30 business days after the initial
 *     payment or denial
 * @param idrInitiationWindowDays business days after open negotiation ends to initiate federal IDR
 * @param idrInitiationOuterDeadline the latest possible IDR initiation date: open negotiation
 *     opened on its last day, run its 30 business days, plus the initiation window
 * @param qpa the qualifying payment amount (reference table × units) when the table has it, else
 *     null
 * @param qpaSource where the QPA came from (file:line), or null
 */
public record NoSurprisesAct(
    boolean eligible,
    List<String> basis,
    String network,
    LocalDate initialDecisionDate,
    LocalDate openNegotiationDeadline,
    int idrInitiationWindowDays,
    LocalDate idrInitiationOuterDeadline,
    BigDecimal qpa,
    String qpaSource) {
  public NoSurprisesAct {
    basis = List.copyOf(basis);
    Objects.requireNonNull(network, "network");
    if (idrInitiationWindowDays < 1) {
      throw new IllegalArgumentException("IDR window must be positive");
    }
  }
}
