package dev.x12gw.domain.classification;

import dev.x12gw.domain.Finding;
import dev.x12gw.domain.Recoupment;
import dev.x12gw.domain.Underpayment;

/** The finding types a classification rule can name. */
public enum FindingKind {
  CLAIM_DENIAL,
  LINE_DENIAL,
  UNDERPAYMENT_BELOW_CONTRACT,
  UNDERPAYMENT_DOWNCODED,
  UNDERPAYMENT_NSA_INITIAL_PAYMENT,
  RECOUPMENT_REVERSAL,
  RECOUPMENT_PROVIDER_ADJUSTMENT;

  /** The kind of a finding, or null when findings of its type are not classified. */
  public static FindingKind of(Finding f) {
    return switch (f.type()) {
      case CLAIM_DENIAL -> CLAIM_DENIAL;
      case LINE_DENIAL -> LINE_DENIAL;
      case UNDERPAYMENT ->
          switch (((Underpayment) f).kind()) {
            case BELOW_CONTRACT -> UNDERPAYMENT_BELOW_CONTRACT;
            case DOWNCODED -> UNDERPAYMENT_DOWNCODED;
            case NSA_INITIAL_PAYMENT -> UNDERPAYMENT_NSA_INITIAL_PAYMENT;
          };
      case RECOUPMENT ->
          switch (((Recoupment) f).kind()) {
            case REVERSAL -> RECOUPMENT_REVERSAL;
            case PROVIDER_ADJUSTMENT -> RECOUPMENT_PROVIDER_ADJUSTMENT;
          };
      default -> null;
    };
  }

  /** DENIAL, UNDERPAYMENT or RECOUPMENT: what payer intelligence counts the finding as. */
  public String category() {
    return isDenial()
        ? "DENIAL"
        : name().startsWith("UNDERPAYMENT") ? "UNDERPAYMENT" : "RECOUPMENT";
  }

  /** True for the denial kinds. */
  public boolean isDenial() {
    return this == CLAIM_DENIAL || this == LINE_DENIAL;
  }
}
