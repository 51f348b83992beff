package dev.x12gw.domain.codes;

/** The X12 code lists the gateway checks remittance codes against. */
public enum CodeKind {
  /** Claim adjustment reason codes (835 CAS02/05/...). */
  CARC("carc", "CARC"),
  /** Remittance advice remark codes (835 LQ*HE, MIA, MOA). */
  RARC("rarc", "RARC"),
  /** Claim adjustment group codes (835 CAS01: CO, OA, PI, PR; CR before 5010). */
  GROUP("group", "Claim adjustment group code"),
  /** Provider-level adjustment reason codes (835 PLB03-1, PLB05-1, ...). */
  PLB_REASON("plb", "PLB adjustment reason code");

  private final String filePrefix;
  private final String label;

  CodeKind(String filePrefix, String label) {
    this.filePrefix = filePrefix;
    this.label = label;
  }

  /** The start of the list's file name, before {@code __<yyyy-MM-dd>.csv}. */
  public String filePrefix() {
    return filePrefix;
  }

  /** How a biller calls a code of this kind, e.g. {@code RARC}. */
  public String label() {
    return label;
  }
}
