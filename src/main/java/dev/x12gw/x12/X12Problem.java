package dev.x12gw.x12;

import java.util.Objects;

/**
 * A defect found while reading X12, located by control numbers (ISA13/GS06/ST02) and segment
 * position so a sender can find it.
 *
 * @param severity ERROR: the transaction (or file) is quarantined; WARNING: accepted as sent
 * @param code stable defect code, e.g. {@code SE01_COUNT}
 * @param message human readable explanation
 * @param interchangeControlNumber ISA13, or "" before any ISA
 * @param groupControlNumber GS06, or ""
 * @param transactionControlNumber ST02, or ""
 * @param segmentPosition position within the transaction set (ST = 1), or 0 outside one
 * @param fileSegmentPosition 1-based segment number in the file, or 0 when unknown
 * @param segmentId id of the offending segment, or ""
 * @param elementPosition 1-based data element position, or 0 when not element-specific
 */
public record X12Problem(
    Severity severity,
    String code,
    String message,
    String interchangeControlNumber,
    String groupControlNumber,
    String transactionControlNumber,
    int segmentPosition,
    long fileSegmentPosition,
    String segmentId,
    int elementPosition) {
  /** How bad a defect is. */
  public enum Severity {
    ERROR,
    WARNING
  }

  public X12Problem {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    interchangeControlNumber = Objects.requireNonNullElse(interchangeControlNumber, "");
    groupControlNumber = Objects.requireNonNullElse(groupControlNumber, "");
    transactionControlNumber = Objects.requireNonNullElse(transactionControlNumber, "");
    segmentId = Objects.requireNonNullElse(segmentId, "");
  }

  /** A defect of the file as a whole, before or outside any envelope. */
  public static X12Problem ofFile(Severity severity, String code, String message) {
    return new X12Problem(severity, code, message, "", "", "", 0, 0, "", 0);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** One line for logs and stderr: code, place and message (never element values). */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append(severity).append(' ').append(code);
    if (!interchangeControlNumber.isEmpty()) {
      sb.append(" ISA13=").append(interchangeControlNumber);
    }
    if (!groupControlNumber.isEmpty()) {
      sb.append(" GS06=").append(groupControlNumber);
    }
    if (!transactionControlNumber.isEmpty()) {
      sb.append(" ST02=").append(transactionControlNumber);
    }
    if (segmentPosition > 0) {
      sb.append(" segment ").append(segmentPosition);
    }
    if (!segmentId.isEmpty()) {
      sb.append(" (").append(segmentId);
      if (elementPosition > 0) {
        sb.append(String.format("%02d", elementPosition));
      }
      sb.append(')');
    }
    if (fileSegmentPosition > 0) {
      sb.append(" [file segment ").append(fileSegmentPosition).append(']');
    }
    return sb.append(": ").append(message).toString();
  }
}
