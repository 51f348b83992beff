package dev.x12gw.domain.claim;

import dev.x12gw.domain.Text;

/**
 * NM1/N1: a person or organisation named in a loop (patient, insured, rendering provider, crossover
 * carrier, corrected payer, referring provider, ...).
 *
 * @param role NM101 entity identifier code (QC patient, IL insured, 74 corrected name, 82 rendering
 *     provider, TT crossover carrier, PR payer, DN referring provider, 77 service facility, 85
 *     billing provider, 87 pay-to provider, 41 submitter, 40 receiver)
 * @param lastOrOrganization NM103
 * @param first NM104, or ""
 * @param middle NM105, or ""
 * @param suffix NM107, or ""
 * @param idQualifier NM108 (XX NPI, MI member id, PI payer id, FI tax id, ...), or ""
 * @param id NM109, or ""
 */
public record EntityName(
    String role,
    String lastOrOrganization,
    String first,
    String middle,
    String suffix,
    String idQualifier,
    String id) {
  public EntityName {
    role = Text.requireText(role, "NM101 entity identifier code");
    lastOrOrganization = Text.orEmpty(lastOrOrganization);
    first = Text.orEmpty(first);
    middle = Text.orEmpty(middle);
    suffix = Text.orEmpty(suffix);
    idQualifier = Text.orEmpty(idQualifier);
    id = Text.orEmpty(id);
  }

  /** NM109 when NM108 is XX (an NPI), else "". */
  public String npi() {
    return "XX".equals(idQualifier) ? id : "";
  }
}
