package dev.x12gw.domain.remittance;

import dev.x12gw.domain.Money;
import dev.x12gw.domain.Text;
import dev.x12gw.domain.claim.Party;
import dev.x12gw.domain.claim.Provider;
import dev.x12gw.domain.claim.SourceRef;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * 835 header (BPR, TRN, loops 1000A/1000B): who paid whom, how much, when, under which trace.
 *
 * @param traceNumber TRN02 check or EFT trace number
 * @param paymentDate BPR16 payment effective date, or null
 * @param paymentAmount BPR02 total actual provider payment
 * @param payer loop 1000A; its id is REF*2U when sent, else N104, else TRN03
 * @param payerKeys every identifier the payer sent (N104, REF*2U, TRN03), normalised, for matching
 * @param payee loop 1000B N1*PE (NPI when N103 = XX)
 * @param source file and control numbers
 * @param handlingCode BPR01 (C payment and remittance, H notification only, I remittance, ...)
 * @param creditDebit BPR03 (C credit, D debit)
 * @param paymentMethod BPR04 (ACH, BOP, CHK, FWT, NON)
 * @param productionDate DTM*405, or null
 * @param payerReferences loop 1000A REF by qualifier (2U, EO, HI, NF)
 * @param payeeIdQualifier loop 1000B N103 (XX NPI, FI TIN, XV, ...)
 * @param payeeId loop 1000B N104
 * @param payeeReferences loop 1000B REF by qualifier (TJ, PQ, 0B, D3)
 */
public record RemittanceHeader(
    String traceNumber,
    LocalDate paymentDate,
    BigDecimal paymentAmount,
    Party payer,
    Set<String> payerKeys,
    Provider payee,
    SourceRef source,
    String handlingCode,
    String creditDebit,
    String paymentMethod,
    LocalDate productionDate,
    Map<String, String> payerReferences,
    String payeeIdQualifier,
    String payeeId,
    Map<String, String> payeeReferences) {
  public RemittanceHeader {
    traceNumber = Text.orEmpty(traceNumber);
    paymentAmount = Money.normalize(Objects.requireNonNull(paymentAmount, "BPR02 payment amount"));
    Objects.requireNonNull(payer, "payer (loop 1000A)");
    Objects.requireNonNull(payee, "payee (loop 1000B)");
    payerKeys = Set.copyOf(new LinkedHashSet<>(payerKeys));
    Objects.requireNonNull(source, "source");
    handlingCode = Text.orEmpty(handlingCode);
    creditDebit = Text.orEmpty(creditDebit);
    paymentMethod = Text.orEmpty(paymentMethod);
    payerReferences = Map.copyOf(payerReferences);
    payeeIdQualifier = Text.orEmpty(payeeIdQualifier);
    payeeId = Text.orEmpty(payeeId);
    payeeReferences = Map.copyOf(payeeReferences);
  }

  /** Normalises a payer identifier for matching: trimmed, upper case. */
  public static String payerKey(String id) {
    return id == null ? "" : id.trim().toUpperCase(java.util.Locale.ROOT);
  }
}
