package dev.x12gw.gateway;

import dev.x12gw.store.FileClaims;
import dev.x12gw.store.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.GenericFileExclusiveReadLockStrategy;
import org.apache.camel.component.file.GenericFileOperations;
import org.apache.camel.component.file.remote.SftpRemoteFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel bean {@code fileClaimLock}, the read lock of the SFTP intake routes: a file is taken only
 * once its upload finished (the {@code sftp.read-lock} strategy it wraps, {@code changed} by
 * default: size and time stable) and once this node claimed it in the store ({@link FileClaims}),
 * so several gateway nodes polling one drop take each file exactly once. A node that listed a file
 * another node holds skips it (the file is not downloaded, moved or failed); a claim whose node
 * stopped renewing it ({@code intake.claim-timeout-ms}) is taken over, and the file resumes from
 * the sets the dead node committed.
 *
 * @param <T> the SFTP component's file type
 */
public final class ClaimedFileReadLock<T> implements GenericFileExclusiveReadLockStrategy<T> {
  private static final Logger LOG = LoggerFactory.getLogger(ClaimedFileReadLock.class);

  /** A claim of a file moved away is kept this long, then forgotten. */
  private static final Duration KEEP_DONE = Duration.ofDays(1);

  private final GenericFileExclusiveReadLockStrategy<T> upload;
  private final FileClaims claims;
  private final Clock clock;

  /** The {@code upload} lock's check interval: how long a listed file must stay unchanged. */
  private long checkInterval;

  /**
   * The files this node's pollers hold, by claim key, with the exchange holding each: the several
   * pollers of one folder ({@code intake.concurrent-files}) share this node's claims in the store,
   * so they keep off each other's files here. Only the exchange that took a file gives it up.
   */
  private final java.util.concurrent.ConcurrentMap<String, String> heldHere =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * @param upload the read lock that waits for the upload to finish ({@code changed}), or null for
   *     none
   * @param checkInterval {@code upload}'s check interval, in ms
   */
  public ClaimedFileReadLock(
      GenericFileExclusiveReadLockStrategy<T> upload,
      long checkInterval,
      FileClaims claims,
      Clock clock) {
    this.upload = upload;
    this.checkInterval = checkInterval;
    this.claims = claims;
    this.clock = clock;
  }

  /**
   * The claim key of a file of the drop: its path, size and modification time, so a file of the
   * same name dropped again later (another size or time) is a new file.
   */
  static String key(GenericFile<?> file) {
    return "drop:"
        + file.getAbsoluteFilePath()
        + ":"
        + file.getFileLength()
        + ":"
        + file.getLastModified();
  }

  @Override
  public void prepareOnStartup(GenericFileOperations<T> operations, GenericFileEndpoint<T> endpoint)
      throws Exception {
    if (upload != null) {
      upload.prepareOnStartup(operations, endpoint);
    }
  }

  @Override
  public boolean acquireExclusiveReadLock(
      GenericFileOperations<T> operations, GenericFile<T> file, Exchange exchange)
      throws Exception {
    String key = key(file);
    if (heldHere.putIfAbsent(key, exchange.getExchangeId()) != null) {
      LOG.debug("{}: another poller of this node reads it; skipped", file.getFileName());
      return false; // Camel calls releaseExclusiveReadLockOnAbort, which leaves the file alone
    }
    if (upload != null
        && !unchangedSinceListed(operations, file, exchange)
        && !upload.acquireExclusiveReadLock(operations, file, exchange)) {
      return false;
    }
    FileClaims.Claim claim;
    try {
      claim = claims.claim(key, clock.instant());
    } catch (Exception e) {
      if (!StoreUnavailableException.isCause(e)) {
        throw e;
      }
      // the file is not touched: it stays on the drop for the next poll, of this node or another
      LOG.warn(
          "{}: the store is unavailable ({}); the file stays on the drop and is tried again",
          file.getFileName(),
          e.getMessage());
      return false; // Camel then calls releaseExclusiveReadLockOnAbort
    }
    switch (claim.outcome()) {
      case HELD ->
          LOG.debug(
              "{}: held by gateway node {}; skipped", file.getFileName(), claim.previousNode());
      case DONE ->
          LOG.debug(
              "{}: dealt with by node {} already; skipped",
              file.getFileName(),
              claim.previousNode());
      case TAKEN_OVER ->
          LOG.warn(
              "{}: gateway node {} did not renew its claim within {} s; this node ({}) takes the"
                  + " file over",
              file.getFileName(),
              claim.previousNode(),
              claims.timeout().toSeconds(),
              claims.node());
      case LEFT_BEHIND ->
          LOG.warn(
              "{}: taken in by gateway node {} but still on the drop {} s later (moving it away"
                  + " failed); this node takes it again to move it",
              file.getFileName(),
              claim.previousNode(),
              claims.timeout().toSeconds());
      default -> {}
    }
    return claim.outcome().mine(); // when false, Camel calls releaseExclusiveReadLockOnAbort
  }

  @Override
  public void releaseExclusiveReadLockOnAbort(
      GenericFileOperations<T> operations, GenericFile<T> file, Exchange exchange)
      throws Exception {
    try {
      if (upload != null) {
        upload.releaseExclusiveReadLockOnAbort(operations, file, exchange);
      }
    } finally {
      try {
        if (givenUp(file, exchange)) {
          claims.release(key(file)); // a claim of this node only: another node's stays
        }
      } catch (Exception e) {
        // the store is unavailable: a claim this node took is renewed no more and lapses
        LOG.debug("{}: claim not released: {}", file.getFileName(), e.toString());
      }
    }
  }

  @Override
  public void releaseExclusiveReadLockOnRollback(
      GenericFileOperations<T> operations, GenericFile<T> file, Exchange exchange)
      throws Exception {
    try {
      if (upload != null) {
        upload.releaseExclusiveReadLockOnRollback(operations, file, exchange);
      }
    } finally {
      // the file stays on the drop (or went to .error/): the next poll of any node decides again
      if (givenUp(file, exchange)) {
        claims.release(key(file));
      }
    }
  }

  @Override
  public void releaseExclusiveReadLockOnCommit(
      GenericFileOperations<T> operations, GenericFile<T> file, Exchange exchange)
      throws Exception {
    try {
      if (upload != null) {
        upload.releaseExclusiveReadLockOnCommit(operations, file, exchange);
      }
    } finally {
      if (givenUp(file, exchange)) {
        claims.done(key(file), clock.instant());
      }
    }
  }

  /**
   * Whether the upload of {@code file} is over without waiting for it: the poll listed the file at
   * least a check interval ago (its exchange was made then, with the listing's size and time) and
   * the folder listed now shows the same size and time. These are the two checks of the {@code
   * changed} read lock, the poll's listing being the first, on the drop's own clock: a backlog on
   * the drop is taken file after file without a check interval's wait each (a poll's files are read
   * one after the other); a file the poll listed just now is checked by {@code upload}.
   */
  private boolean unchangedSinceListed(
      GenericFileOperations<T> operations, GenericFile<T> file, Exchange exchange) {
    if (clock.millis() - exchange.getClock().getCreated() < checkInterval) {
      return false;
    }
    for (Object listed : operations.listFiles(file.getParent())) {
      if (listed instanceof SftpRemoteFile<?> now
          && now.getFilename().equals(file.getFileNameOnly())) {
        boolean same =
            now.getFileLength() == file.getFileLength()
                && now.getLastModified() == file.getLastModified();
        LOG.debug(
            "{}: {} since the poll listed it", file.getFileName(), same ? "unchanged" : "changed");
        return same;
      }
    }
    return false;
  }

  /** Whether {@code exchange} held {@code file} on this node (it no longer does). */
  private boolean givenUp(GenericFile<T> file, Exchange exchange) {
    return heldHere.remove(key(file), exchange.getExchangeId());
  }

  /**
   * Renews this node's claims of files it works on (route {@code renew-file-claims}) and forgets
   * claims of files moved away more than a day ago.
   */
  public void renew() throws Exception {
    int renewed = claims.renew(clock.instant(), clock.instant().minus(KEEP_DONE));
    LOG.debug("Renewed {} file claim(s) of node {}", renewed, claims.node());
  }

  @Override
  public void setTimeout(long timeout) {
    if (upload != null) {
      upload.setTimeout(timeout);
    }
  }

  @Override
  public void setCheckInterval(long checkInterval) {
    this.checkInterval = checkInterval;
    if (upload != null) {
      upload.setCheckInterval(checkInterval);
    }
  }

  @Override
  public void setReadLockLoggingLevel(LoggingLevel level) {
    if (upload != null) {
      upload.setReadLockLoggingLevel(level);
    }
  }

  @Override
  public void setMarkerFiler(boolean markerFile) {
    if (upload != null) {
      upload.setMarkerFiler(markerFile);
    }
  }

  @Override
  public void setDeleteOrphanLockFiles(boolean deleteOrphanLockFiles) {
    if (upload != null) {
      upload.setDeleteOrphanLockFiles(deleteOrphanLockFiles);
    }
  }
}
