package dev.x12gw.domain.claim;

import dev.x12gw.domain.Text;

/**
 * ISA13/GS06/ST02: where a claim or remittance came from.
 *
 * @param fileName the file as dropped by the sender (no path)
 * @param interchangeControlNumber ISA13
 * @param groupControlNumber GS06
 * @param transactionControlNumber ST02
 */
public record SourceRef(
    String fileName,
    String interchangeControlNumber,
    String groupControlNumber,
    String transactionControlNumber) {
  public SourceRef {
    fileName = Text.requireText(fileName, "file name");
    interchangeControlNumber = Text.orEmpty(interchangeControlNumber);
    groupControlNumber = Text.orEmpty(groupControlNumber);
    transactionControlNumber = Text.orEmpty(transactionControlNumber);
  }
}
