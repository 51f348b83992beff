package dev.x12gw.gateway;

import java.util.List;

/**
 * The Camel message headers of the intake routes, each name in one place. The routes in {@code
 * routes/} refer to them by these names ({@code IntakeHeadersTest} fails when a route uses an
 * {@code X12...} header that is not listed here).
 */
public final class IntakeHeaders {
  /** The X12 transaction of the drop folder (837 or 835), set by the intake route template. */
  public static final String FLOW = "X12Flow";

  /** SHA-256 of the file content (hex): the idempotency key of a file. */
  public static final String SHA256 = "X12FileSha256";

  /** Local spool copy of the downloaded file. */
  public static final String SPOOL = "X12SpoolFile";

  /** Folder (relative to the drop) the file is moved to when the exchange completes. */
  public static final String TARGET_FOLDER = "X12TargetFolder";

  /** The 999/TA1 acknowledgments of the file, when the flow sends them. */
  public static final String ACK = "X12Ack";

  /** File name of the acknowledgments in the drop's acknowledgment folder. */
  public static final String ACK_FILE_NAME = "X12AckFileName";

  /** Every header name above. */
  /** The scrubber's queued 837 being forwarded (route forward-clean-claims). */
  public static final String FORWARD_ID = "X12ForwardId";

  public static final List<String> ALL =
      List.of(FLOW, SHA256, SPOOL, TARGET_FOLDER, ACK, ACK_FILE_NAME, FORWARD_ID);

  private IntakeHeaders() {}
}
