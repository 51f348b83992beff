package dev.x12gw.gateway;

import dev.x12gw.domain.controlroom.ControlRoomFacts;
import dev.x12gw.store.ControlRoomStore;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control room's facts ({@link ControlRoomFacts}) kept in memory and reloaded when the store
 * changes, so that a dashboard request scans arrays instead of the store's tables.
 *
 * <p>Each request reads the store's {@link ControlRoomStore.Changes} (three index reads). When they
 * moved since the facts were read, or the facts are older than {@code maxAge}, a reload is started
 * on one background thread (never two at once, and after a pause of twice the last load's time, so
 * reloading takes at most a third of one core however busy the intake is). The request then waits
 * for the reload when the last one took less than half of {@code budget} (a small store: the answer
 * is always fresh), and otherwise answers from the facts it has (a large store under intake: the
 * answer is at most one reload behind, and {@link #loadedAt} says when it was read). Only the very
 * first request after start waits for a load of any size; {@link #warmUp} starts that load when the
 * gateway starts.
 */
public final class ControlRoomFactsCache implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ControlRoomFactsCache.class);
  private static final long FRESH_WAIT_MS = 30_000;

  private final ControlRoomStore store;
  private final Duration maxAge;
  private final long budgetMs;
  private final ScheduledExecutorService loader;

  /** The facts being served, or null before the first load. */
  private volatile Snapshot current;

  /** The load started or scheduled and not finished, or null. */
  private CompletableFuture<Snapshot> loading;

  private long lastLoadEndNanos;

  /** Facts with the store's changes read before them, and when and how fast they were read. */
  public record Snapshot(
      ControlRoomFacts facts,
      ControlRoomStore.Changes changes,
      Instant loadedAt,
      long loadedNanos,
      long loadMillis) {}

  public ControlRoomFactsCache(ControlRoomStore store, Duration maxAge, Duration budget) {
    this.store = store;
    this.maxAge = maxAge;
    this.budgetMs = budget.toMillis();
    this.loader =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "control-room-facts");
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts the first load in the background (the gateway's start). */
  public void warmUp() {
    synchronized (this) {
      schedule();
    }
  }

  /** The facts to answer a request with: fresh when they can be within the budget. */
  public ControlRoomFacts facts() {
    Snapshot s = current;
    if (s != null && !stale(s, store.changes())) {
      return s.facts();
    }
    CompletableFuture<Snapshot> next;
    synchronized (this) {
      next = schedule();
    }
    try {
      if (s == null) {
        return next.get().facts();
      }
      long wait = s.loadMillis() * 2 < budgetMs ? FRESH_WAIT_MS : 0;
      return next.get(wait, TimeUnit.MILLISECONDS).facts();
    } catch (TimeoutException e) {
      return s.facts();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the control room's facts loaded", e);
    } catch (ExecutionException e) {
      if (s != null) {
        LOG.warn(
            "Control room: reloading its facts failed; answering from those of {}",
            s.loadedAt(),
            e.getCause());
        return s.facts();
      }
      throw new IllegalStateException("cannot load the control room's facts", e.getCause());
    }
  }

  /**
   * Waits for the load started or scheduled (if any) and returns the facts served now: the
   * gateway's start, a benchmark, or a test that needs the load behind it.
   */
  public Snapshot awaitLoad() throws InterruptedException {
    CompletableFuture<Snapshot> pending;
    synchronized (this) {
      pending = loading != null || current != null ? loading : schedule();
    }
    if (pending != null) {
      try {
        pending.get();
      } catch (ExecutionException e) {
        throw new IllegalStateException("cannot load the control room's facts", e.getCause());
      }
    }
    return current;
  }

  /** When the facts served now were read from the store, or null before the first load. */
  public Instant loadedAt() {
    Snapshot s = current;
    return s == null ? null : s.loadedAt();
  }

  private boolean stale(Snapshot s, ControlRoomStore.Changes now) {
    return !s.changes().equals(now) || System.nanoTime() - s.loadedNanos() > maxAge.toNanos();
  }

  /** The pending load, scheduled now (or after the pause since the last one) if none is. */
  private CompletableFuture<Snapshot> schedule() {
    if (loading != null) {
      return loading;
    }
    CompletableFuture<Snapshot> f = new CompletableFuture<>();
    loading = f;
    Snapshot s = current;
    long delayNanos = 0;
    if (s != null) {
      long pause = TimeUnit.MILLISECONDS.toNanos(s.loadMillis() * 2);
      delayNanos = Math.max(0, lastLoadEndNanos + pause - System.nanoTime());
    }
    loader.schedule(() -> load(f), delayNanos, TimeUnit.NANOSECONDS);
    return f;
  }

  private void load(CompletableFuture<Snapshot> f) {
    long start = System.nanoTime();
    try {
      ControlRoomStore.Loaded loaded = store.facts();
      long end = System.nanoTime();
      long ms = TimeUnit.NANOSECONDS.toMillis(end - start);
      Snapshot s = new Snapshot(loaded.facts(), loaded.changes(), Instant.now(), start, ms);
      boolean first;
      synchronized (this) {
        first = current == null;
        current = s;
        loading = null;
        lastLoadEndNanos = end;
      }
      if (first) {
        LOG.info(
            "Control room: read {} claim cases in {} ms and {} findings in {} ms",
            s.facts().claims(),
            loaded.claimsMillis(),
            s.facts().findings(),
            loaded.findingsMillis());
      } else {
        LOG.debug(
            "Control room: read {} claim cases and {} findings again in {} ms",
            s.facts().claims(),
            s.facts().findings(),
            ms);
      }
      f.complete(s);
    } catch (RuntimeException | Error e) {
      LOG.warn("Control room: cannot read its facts from the store: {}", e.toString());
      synchronized (this) {
        loading = null;
        lastLoadEndNanos = System.nanoTime();
      }
      f.completeExceptionally(e);
    }
  }

  @Override
  public void close() {
    loader.shutdownNow();
  }
}
