package dev.x12gw.domain.claim;

import dev.x12gw.domain.Text;

/**
 * 837 PWK: claim supplemental information (attachments).
 *
 * @param reportType PWK01 (e.g. 09 progress report, OZ support data, B4 referral form)
 * @param transmissionCode PWK02 (AA available on request, BM by mail, EL electronically, FX fax)
 * @param controlNumber PWK06 attachment control number, or ""
 */
public record Attachment(String reportType, String transmissionCode, String controlNumber) {
  public Attachment {
    reportType = Text.requireText(reportType, "PWK01 report type");
    transmissionCode = Text.orEmpty(transmissionCode);
    controlNumber = Text.orEmpty(controlNumber);
  }
}
