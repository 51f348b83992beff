package dev.x12gw.domain.controlroom;

import java.util.Locale;

/**
 * What the control room's KPIs are segmented by. Claim-level figures (adjudicated claims, first
 * passes, lines) exist per payer, billing provider, service line and month; a denial's family, root
 * cause and CARC belong to its findings, so under those three the claim-level rates are not
 * segmented (they stay null) and the denial figures are the segment's share.
 */
public enum Dimension {
  /** One segment: everything in the period. */
  TOTAL(true),
  /** The payer ({@code payer.id}, normalised). */
  PAYER(true),
  /** The 837 billing provider's NPI (else the 835 payee's). */
  PROVIDER(true),
  /** The classification's service line. */
  SERVICE_LINE(true),
  /** The denial family. */
  FAMILY(false),
  /** Where the defect entered. */
  ROOT_CAUSE(false),
  /** The driving adjustment's CARC. */
  CARC(false),
  /** The month of the decision (the remittance's payment date), {@code yyyy-MM}. */
  MONTH(true);

  private final boolean claimLevel;

  Dimension(boolean claimLevel) {
    this.claimLevel = claimLevel;
  }

  /** True when claim-level figures (adjudicated claims, lines) can be segmented this way. */
  public boolean claimLevel() {
    return claimLevel;
  }

  /**
   * The dimension named on the command line or in a query ({@code service-line}, {@code payer}).
   */
  public static Dimension parse(String name) {
    String n = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (Dimension d : values()) {
      if (d.name().equals(n)) {
        return d;
      }
    }
    throw new IllegalArgumentException(
        "unknown dimension '"
            + name
            + "': one of total, payer, provider, service-line, family, root-cause, carc, month");
  }

  /** The name as written on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
