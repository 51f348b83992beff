package dev.x12gw.gateway;

import dev.x12gw.intake.CommittedSet;
import dev.x12gw.intake.FileReport;
import dev.x12gw.intake.X12FileProcessor;
import dev.x12gw.store.AckControlNumbers;
import dev.x12gw.store.Database;
import dev.x12gw.store.FileClaims;
import dev.x12gw.store.IntakeFiles;
import dev.x12gw.store.IntakeProgress;
import dev.x12gw.store.JdbcIntakeTarget;
import dev.x12gw.store.StoreUnavailableException;
import dev.x12gw.x12.X12Problem;
import java.io.File;
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
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel bean {@code x12Intake}: the steps of the intake routes. A downloaded file is spooled to
 * local disk while its SHA-256 is computed (the idempotency key), then read, matched and classified
 * in one database transaction that also queues its records in the outbox, so a file is either
 * wholly taken in with all its records or not at all.
 */
public final class GatewayIntake {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayIntake.class);

  private final Database database;
  private final X12FileProcessor processor;
  private final Path spoolDir;

  /** H2: the files of this node take turns in the store (PostgreSQL locks per case instead). */
  private final ReentrantLock storeLock = new ReentrantLock(true);

  /** The contents this node is reading now (its pollers, intake.concurrent-files, read at once). */
  private final java.util.Set<String> readingHere =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final java.util.Set<String> acknowledgedFlows;
  private final FileClaims claims;
  private volatile boolean keepSegments = true;

  /**
   * {@code evidence.segments}: whether claims and payments keep the segments they were read from.
   */
  public GatewayIntake keepSegments(boolean keep) {
    this.keepSegments = keep;
    return this;
  }

  /**
   * Takes the 837 {@code file} in as submitted within the caller's unit of work {@code c}, which it
   * does not commit (the scrubber's per-file transaction), each claim past {@code gate}; the file's
   * {@code intake_file} row is started and finished here. Run within {@link #inTurn}.
   */
  public dev.x12gw.intake.FileReport takeInGated(
      java.sql.Connection c,
      Path file,
      String name,
      String sha,
      String flow,
      dev.x12gw.intake.ClaimGate gate)
      throws Exception {
    long fileId = IntakeFiles.start(c, sha, name, flow);
    dev.x12gw.intake.FileReport r =
        processor.process(
            file,
            name,
            sha,
            new JdbcIntakeTarget(c, fileId, name, Map.of())
                .keepSegments(keepSegments)
                .oneUnitOfWork(),
            gate);
    finish(c, fileId, r);
    return r;
  }

  /** The file's {@code intake_file} row: what became of it. */
  private static void finish(java.sql.Connection c, long fileId, dev.x12gw.intake.FileReport r)
      throws java.sql.SQLException {
    IntakeFiles.finish(
        c,
        fileId,
        r.outcome().name(),
        r.read().transactionsAccepted(),
        r.read().transactionsRejected(),
        r.read().claims(),
        r.read().payments());
  }

  /**
   * Runs {@code work} in the store's turn for taking files in: on H2 (one process's store, no locks
   * on match keys) files take turns; on PostgreSQL they run at once, serialised per claim case.
   */
  public <T> T inTurn(java.util.concurrent.Callable<T> work) throws Exception {
    ReentrantLock turn = database.locksMatchKeys() ? null : storeLock;
    if (turn != null) {
      turn.lock();
    }
    try {
      return work.call();
    } finally {
      if (turn != null) {
        turn.unlock();
      }
    }
  }

  /**
   * @param acknowledgedFlows the flows (837, 835) whose files get 999/TA1 acknowledgments
   * @param claims this node's claims of files and contents, shared with the other nodes
   */
  public GatewayIntake(
      Database database,
      X12FileProcessor processor,
      Path spoolDir,
      java.util.Set<String> acknowledgedFlows,
      FileClaims claims)
      throws IOException {
    this.database = database;
    this.claims = claims;
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

  /**
   * Copies the (streamed) body to the spool, computing its SHA-256 on the way; the spool file
   * becomes the body.
   */
  public File spool(@Body InputStream body, @Headers Map<String, Object> headers)
      throws IOException {
    Path spool = Files.createTempFile(spoolDir, "x12-", ".spool");
    MessageDigest sha = sha256();
    try (InputStream in = new DigestInputStream(body, sha);
        OutputStream out = Files.newOutputStream(spool)) {
      in.transferTo(out);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(spool);
      throw e;
    }
    headers.put(IntakeHeaders.SHA256, HexFormat.of().formatHex(sha.digest()));
    headers.put(IntakeHeaders.SPOOL, spool.toString());
    headers.put(IntakeHeaders.TARGET_FOLDER, ".processed/" + LocalDate.now());
    return spool.toFile();
  }

  /** Reads, stores and classifies the spooled file in one transaction. */
  public void process(
      @Header(Exchange.FILE_NAME_ONLY) String name,
      @Header(IntakeHeaders.SHA256) String sha,
      @Header(IntakeHeaders.FLOW) String flow,
      @Header(IntakeHeaders.SPOOL) String spoolFile,
      @Headers Map<String, Object> headers)
      throws Exception {
    Path spool = Path.of(spoolFile);
    // the content, claimed like the file: two files of one content are not read at once, neither
    // on two nodes (the claim in the store) nor on this one (the second waits, then finds the
    // content taken in)
    String contentKey = "content:" + sha;
    if (!readingHere.add(contentKey)) {
      throw new FileHeldElsewhereException(name, "this node is reading a file of this content");
    }
    FileReport report;
    boolean done = false;
    boolean claimed = false;
    try {
      FileClaims.Claim claim = claims.claim(contentKey, java.time.Instant.now());
      switch (claim.outcome()) {
        case HELD ->
            throw new FileHeldElsewhereException(
                name,
                "gateway node " + claim.previousNode() + " is reading a file of this content");
        case TAKEN_OVER ->
            LOG.warn(
                "{}: gateway node {} did not renew its claim of this content; this node takes it"
                    + " over",
                name,
                claim.previousNode());
        default -> {}
      }
      claimed = true;
      report = takeIn(name, sha, flow, spool, contentKey);
      done = true;
    } catch (Exception e) {
      if (StoreUnavailableException.isCause(e) && !(e instanceof StoreUnavailableException)) {
        // the file stays on the drop and is tried again until the store is back (routes)
        throw new StoreUnavailableException(name, e);
      }
      throw e;
    } finally {
      if (claimed) {
        settleContentClaim(name, contentKey, done);
      }
      readingHere.remove(contentKey);
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
        headers.put(IntakeHeaders.ACK, ack);
        headers.put(IntakeHeaders.ACK_FILE_NAME, name + ".999");
      }
    }
    if (report.outcome().quarantined()) {
      headers.put(IntakeHeaders.TARGET_FOLDER, ".error");
    }
  }

  /**
   * The file's unit of work: read, stored, matched and classified, its records queued, each set
   * committed while this node still holds the content's claim; null when another poll took the same
   * content in meanwhile. On H2 (one process's store, no locks on match keys) files take turns; on
   * PostgreSQL they run at once, serialised per claim case by the store's locks ({@code Cases}).
   */
  private FileReport takeIn(String name, String sha, String flow, Path spool, String contentKey)
      throws Exception {
    JdbcIntakeTarget.Guard guard =
        c -> {
          if (!claims.stillHeld(c, contentKey, java.time.Instant.now())) {
            throw new FileHeldElsewhereException(
                name, "another gateway node took the file over from this one");
          }
        };
    return inTurn(
        () -> {
          LOG.info(
              "{}: reading {} bytes (sha256 {})", name, Files.size(spool), sha.substring(0, 12));
          FileReport report =
              database.inTransaction(
                  c -> {
                    IntakeFiles.Known known = IntakeFiles.find(c, sha).orElse(null);
                    if (known != null && !known.reading()) {
                      return null; // taken in by a concurrent poll since the duplicate check
                    }
                    long fileId;
                    Map<Integer, CommittedSet> committed;
                    if (known == null) {
                      fileId = IntakeFiles.start(c, sha, name, flow);
                      committed = Map.of();
                    } else {
                      // an attempt at this file was interrupted (crash, database gone): resume it
                      fileId = known.id();
                      committed = IntakeProgress.load(c, fileId);
                      LOG.info(
                          "{}: resuming; {} transaction set(s) were committed by an interrupted"
                              + " attempt and are not stored again",
                          name,
                          committed.size());
                    }
                    FileReport r =
                        processor.process(
                            spool,
                            name,
                            sha,
                            new JdbcIntakeTarget(c, fileId, name, committed, guard)
                                .keepSegments(keepSegments));
                    finish(c, fileId, r);
                    IntakeProgress.clear(c, fileId);
                    guard.beforeCommit(c);
                    // logged before the commit makes the outcome visible: a crash in between leaves
                    // "committing" without "committed", and the file is taken in again on restart
                    logOutcome(r);
                    return r;
                  });
          if (report != null) {
            // durable before the file is moved away or acknowledged: a crash then never loses
            // a file that was moved off the drop
            database.sync();
          }
          return report;
        });
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

  /**
   * Marks the content's claim done once its file was taken in, or gives it up when the attempt
   * failed (a retry of this node claims it again; when the store is gone, the claim expires).
   */
  private void settleContentClaim(String name, String contentKey, boolean done) {
    try {
      if (done) {
        claims.done(contentKey, java.time.Instant.now());
      } else {
        claims.release(contentKey);
      }
    } catch (Exception e) {
      LOG.warn(
          "{}: cannot {} its content's claim: {}", name, done ? "settle" : "release", e.toString());
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
  public void cleanup(@Header(IntakeHeaders.SPOOL) String spool) throws IOException {
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
