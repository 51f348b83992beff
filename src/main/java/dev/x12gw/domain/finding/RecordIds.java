package dev.x12gw.domain.finding;

import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.RemittanceHeader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable record identifiers: a name-based id (SHA-256 of the finding's identity, laid out as a
 * UUID), so the same finding always gets the same id and brokers can drop duplicates by it.
 */
public final class RecordIds {
  private RecordIds() {}

  /**
   * Identity of a claim payment across files: payer, trace (TRN02), CLP01, CLP07, status and
   * amounts. The same CLP re-sent in another file has the same identity.
   */
  public static String paymentIdentity(RemittanceHeader remit, ClaimPayment payment) {
    return of(
        remit.payer().id(),
        remit.traceNumber(),
        payment.patientControlNumber(),
        String.valueOf(payment.payerClaimControlNumber()),
        payment.statusCode(),
        payment.billedAmount().toPlainString(),
        payment.paidAmount().toPlainString());
  }

  /** Id from identity parts; parts are length-prefixed so no two part lists collide. */
  public static String of(String... parts) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
    for (String part : parts) {
      byte[] bytes = String.valueOf(part).getBytes(StandardCharsets.UTF_8);
      sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
      sha.update(bytes);
    }
    byte[] d = sha.digest();
    d[6] = (byte) ((d[6] & 0x0f) | 0x80); // version 8: custom, name-based
    d[8] = (byte) ((d[8] & 0x3f) | 0x80); // IETF variant
    String h = HexFormat.of().formatHex(d, 0, 16);
    return h.substring(0, 8)
        + "-"
        + h.substring(8, 12)
        + "-"
        + h.substring(12, 16)
        + "-"
        + h.substring(16, 20)
        + "-"
        + h.substring(20, 32);
  }
}
