package dev.x12gw.x12;

import java.util.ArrayList;
import java.util.List;

/**
 * ST/SE transaction set being read: its control numbers, implementation guide, segment count and
 * the defects found in it so far.
 */
public final class Transaction {
  private final String interchangeControlNumber;
  private final String groupControlNumber;
  private final String controlNumber;
  private final String transactionSetId;
  private final String version;
  private final String guide;
  private final long fileSegmentPosition;
  private final String versionSource;
  private final long versionFilePosition;
  private final List<X12Problem> problems = new ArrayList<>(2);
  private final java.util.Set<String> reportedOnce = new java.util.HashSet<>(2);
  private int segmentCount = 1;
  private boolean rejected;

  Transaction(
      String interchangeControlNumber,
      String groupControlNumber,
      String controlNumber,
      String transactionSetId,
      String version,
      long fileSegmentPosition,
      String versionSource,
      long versionFilePosition) {
    this.interchangeControlNumber = interchangeControlNumber;
    this.groupControlNumber = groupControlNumber;
    this.controlNumber = controlNumber;
    this.transactionSetId = transactionSetId;
    this.version = version;
    this.guide = guideOf(transactionSetId, version);
    this.fileSegmentPosition = fileSegmentPosition;
    this.versionSource = versionSource;
    this.versionFilePosition = versionFilePosition;
  }

  /**
   * The implementation guide short name: 835, 837P (X222), 837I (X223), 837D (X224), 837 (5010
   * without a guide), the ST01 transaction set id for other 5010 sets, or the set id with its
   * version (e.g. 837V004010X098A1) for other versions, which no mapping binds.
   */
  static String guideOf(String transactionSetId, String version) {
    if (!transactionSetId.matches("[A-Za-z0-9]{1,6}")) {
      return "UNKNOWN";
    }
    if (!version.isEmpty() && !version.startsWith("00501")) {
      // only version 5010 is mapped: 4010 and others are named so no mapping binds them
      return transactionSetId + "V" + version.replaceAll("[^A-Za-z0-9]", "");
    }
    if ("837".equals(transactionSetId)) {
      if (version.contains("X222")) {
        return "837P";
      }
      if (version.contains("X223")) {
        return "837I";
      }
      if (version.contains("X224")) {
        return "837D";
      }
      return "837";
    }
    return transactionSetId;
  }

  public String interchangeControlNumber() {
    return interchangeControlNumber;
  }

  public String groupControlNumber() {
    return groupControlNumber;
  }

  /** ST02. */
  public String controlNumber() {
    return controlNumber;
  }

  /** ST01. */
  public String transactionSetId() {
    return transactionSetId;
  }

  /** ST03, or GS08 when ST03 is absent. */
  public String version() {
    return version;
  }

  /** Where {@link #version()} was read: "ST03", "GS08", or "" when neither has one. */
  public String versionSource() {
    return versionSource;
  }

  /** File segment position of the segment {@link #version()} was read from, or 0. */
  public long versionFilePosition() {
    return versionFilePosition;
  }

  public String guide() {
    return guide;
  }

  public long fileSegmentPosition() {
    return fileSegmentPosition;
  }

  /** Segments read so far, ST included. */
  public int segmentCount() {
    return segmentCount;
  }

  int countSegment() {
    return ++segmentCount;
  }

  public boolean isRejected() {
    return rejected;
  }

  public List<X12Problem> problems() {
    return List.copyOf(problems);
  }

  /** Records a warning only the first time {@code code} occurs in this transaction. */
  public void warnOnce(String code, String message, Segment at, int segmentPosition, int element) {
    if (reportedOnce.add(code)) {
      report(X12Problem.Severity.WARNING, code, message, at, segmentPosition, element);
    }
  }

  /** Records a defect in this transaction; an ERROR quarantines it. */
  public X12Problem report(
      X12Problem.Severity severity,
      String code,
      String message,
      Segment at,
      int segmentPosition,
      int element) {
    return report(
        severity,
        code,
        message,
        at == null ? "" : at.id(),
        segmentPosition,
        at == null ? 0 : at.filePosition(),
        element);
  }

  /**
   * Records a defect in this transaction located by segment id and positions (for a segment of the
   * envelope around it, {@code segmentPosition} is 0); an ERROR quarantines it.
   */
  public X12Problem report(
      X12Problem.Severity severity,
      String code,
      String message,
      String segmentId,
      int segmentPosition,
      long fileSegmentPosition,
      int element) {
    X12Problem p =
        new X12Problem(
            severity,
            code,
            message,
            interchangeControlNumber,
            groupControlNumber,
            controlNumber,
            segmentPosition,
            fileSegmentPosition,
            segmentId,
            element);
    problems.add(p);
    if (severity == X12Problem.Severity.ERROR) {
      rejected = true;
    }
    return p;
  }
}
