package dev.x12gw.gateway;

import dev.x12gw.intake.FileReport;
import dev.x12gw.intake.X12FileProcessor;
import dev.x12gw.store.AckControlNumbers;
import dev.x12gw.store.Database;
import dev.x12gw.store.IntakeFiles;
import dev.x12gw.store.JdbcIntakeTarget;
import dev.x12gw.x12.X12Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel bean {@code x12Intake}: the steps of the intake routes. A downloaded file is spooled to
 * local disk while its SHA-256 is computed (the idempotency key), then read, matched and classified
 * in one database transaction that also queues its records in the outbox, so a file is either
 * wholly taken in with all its records or not at all.
 */
public final class GatewayIntake {
  /** SHA-256 of the file content (hex). */
  public static final String SHA256 = "X12FileSha256";

  /** Header set by the intake route: the X12 transaction of the drop folder (837 or 835). */
  public static final String FLOW = "X12Flow";

  /** Local spool copy of the file. */
  public static final String SPOOL = "X12SpoolFile";

  /** Folder (relative to the drop) the file is moved to when the exchange completes. */
  public static final String TARGET_FOLDER = "X12TargetFolder";

  /** The 999/TA1 acknowledgments of the file, when the flow sends them. */
  public static final String ACK = "X12Ack";

  /** File name of the acknowledgments in the drop's acknowledgment folder. */
  public static final String ACK_FILE_NAME = "X12AckFileName";

  private static final Logger LOG = LoggerFactory.getLogger(GatewayIntake.class);

  private final Database database;
  private final X12FileProcessor processor;
  private final Path spoolDir;
  private final ReentrantLock storeLock = new ReentrantLock(true);
  private final java.util.Set<String> acknowledgedFlows;

  /**
   * @param acknowledgedFlows the flows (837, 835) whose files get 999/TA1 acknowledgments
   */
  public GatewayIntake(
      Database database,
      X12FileProcessor processor,
      Path spoolDir,
      java.util.Set<String> acknowledgedFlows)
      throws IOException {
    this.database = database;
    this.processor = processor;
    this.acknowledgedFlows = java.util.Set.copyOf(acknowledgedFlows);
    this.spoolDir = Files.createDirectories(spoolDir);
    // spool copies left by a process that died mid-file: the file is still in the drop
    try (var stale = Files.newDirectoryStream(this.spoolDir, "x12-*.spool")) {
      for (Path p : stale) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Copies the (streamed) body to the spool, computing its SHA-256 on the way. */
  public void spool(Exchange exchange) throws IOException {
    Message in = exchange.getMessage();
    Path spool = Files.createTempFile(spoolDir, "x12-", ".spool");
    MessageDigest sha = sha256();
    try (InputStream body = new DigestInputStream(in.getMandatoryBody(InputStream.class), sha);
        OutputStream out = Files.newOutputStream(spool)) {
      body.transferTo(out);
    } catch (org.apache.camel.InvalidPayloadException e) {
      Files.deleteIfExists(spool);
      throw new IOException("file body is not readable as a stream", e);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(spool);
      throw e;
    }
    in.setHeader(SHA256, HexFormat.of().formatHex(sha.digest()));
    in.setHeader(SPOOL, spool.toString());
    in.setHeader(TARGET_FOLDER, ".processed/" + LocalDate.now());
    in.setBody(spool.toFile());
  }

  /** Reads, stores and classifies the spooled file in one transaction. */
  public void process(Exchange exchange) throws Exception {
    Message in = exchange.getMessage();
    String name = in.getHeader(Exchange.FILE_NAME_ONLY, String.class);
    String sha = in.getHeader(SHA256, String.class);
    String flow = in.getHeader(FLOW, "x12", String.class);
    Path spool = Path.of(in.getHeader(SPOOL, String.class));
    FileReport report;
    storeLock.lock();
    try {
      LOG.info("{}: reading {} bytes (sha256 {})", name, Files.size(spool), sha.substring(0, 12));
      report =
          database.inTransaction(
              c -> {
                if (IntakeFiles.find(c, sha).isPresent()) {
                  return null; // taken in by a concurrent poll since the duplicate check
                }
                long fileId = IntakeFiles.start(c, sha, name, flow);
                FileReport r = processor.process(spool, name, sha, new JdbcIntakeTarget(c, fileId));
                IntakeFiles.finish(
                    c,
                    fileId,
                    r.outcome().name(),
                    r.read().transactionsAccepted(),
                    r.read().transactionsRejected(),
                    r.read().claims(),
                    r.read().payments());
                // logged before the commit makes the outcome visible: a crash in between leaves
                // "committing" without "committed", and the file is taken in again on restart
                logOutcome(r);
                return r;
              });
      if (report != null) {
        // durable before the file is moved away or acknowledged, and before the next file is
        // read: a crash then never loses a file that a later one was taken in after
        database.sync();
      }
    } finally {
      storeLock.unlock();
    }
    if (report == null) {
      LOG.info("{}: same content as a file already taken in; nothing new", name);
      return;
    }
    LOG.info(
        "{}: committed; {} record(s) queued for publishing",
        name,
        report.published().values().stream().mapToLong(Long::longValue).sum());
    if (acknowledgedFlows.contains(flow)) {
      String ack =
          new dev.x12gw.x12.AcknowledgmentWriter(this::nextControlNumber)
              .write(report.read().envelopes(), java.time.LocalDateTime.now());
      if (!ack.isEmpty()) {
        in.setHeader(ACK, ack);
        in.setHeader(ACK_FILE_NAME, name + ".999");
      }
    }
    if (report.outcome().quarantined()) {
      in.setHeader(TARGET_FOLDER, ".error");
    }
  }

  private static void logOutcome(FileReport report) {
    String name = report.fileName();
    for (X12Problem p : report.read().problems()) {
      LOG.warn("{}: {}", name, p.describe());
    }
    if (report.outcome().quarantined()) {
      LOG.warn("{} (moved to .error/); committing", report.summary());
    } else {
      LOG.info("{}; committing", report.summary());
    }
  }

  private long nextControlNumber() {
    try {
      return database.inTransaction(AckControlNumbers::next);
    } catch (Exception e) {
      throw new IllegalStateException("cannot draw an acknowledgment control number", e);
    }
  }

  /** Removes the spool copy once the exchange is done, whatever its outcome. */
  public void cleanup(Exchange exchange) throws IOException {
    String spool = exchange.getMessage().getHeader(SPOOL, String.class);
    if (spool != null) {
      Files.deleteIfExists(Path.of(spool));
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
