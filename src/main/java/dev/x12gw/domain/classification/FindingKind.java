package dev.x12gw.domain.classification;

import dev.x12gw.domain.finding.Finding;
import dev.x12gw.domain.finding.RecordType;
import dev.x12gw.domain.finding.Recoupment;
import dev.x12gw.domain.finding.Underpayment;

/** The finding types a classification rule can name, each a kind of one {@link RecordType}. */
public enum FindingKind {
  CLAIM_DENIAL(RecordType.CLAIM_DENIAL),
  LINE_DENIAL(RecordType.LINE_DENIAL),
  UNDERPAYMENT_BELOW_CONTRACT(RecordType.UNDERPAYMENT),
  UNDERPAYMENT_DOWNCODED(RecordType.UNDERPAYMENT),
  UNDERPAYMENT_NSA_INITIAL_PAYMENT(RecordType.UNDERPAYMENT),
  RECOUPMENT_REVERSAL(RecordType.RECOUPMENT),
  RECOUPMENT_PROVIDER_ADJUSTMENT(RecordType.RECOUPMENT);

  private final RecordType type;

  FindingKind(RecordType type) {
    this.type = type;
  }

  /** The record type findings of this kind are published as. */
  public RecordType type() {
    return type;
  }

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
    return type.category().name();
  }

  /** True for the denial kinds. */
  public boolean isDenial() {
    return type.category() == RecordType.Category.DENIAL;
  }
}
