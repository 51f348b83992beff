package dev.x12gw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.x12gw.TestFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A backlog on the drop (files that were there when a poll listed them) is taken file after file:
 * the read lock's two checks that an upload is over are the poll's own listing and a listing when
 * the file's turn comes, so only a file the poll listed less than a check interval ago waits for
 * the {@code changed} read lock; the others are taken as soon as a listing shows them unchanged.
 */
class DropBacklogIT {
  @TempDir Path var;

  @Test
  void filesListedAtOnceWaitForTheReadLockOnce() throws Exception {
    List<String> fixtures =
        List.of("denied-co197-no-auth.835", "every-remittance-segment.835", "wrapped-lines.835");
    Logger lock = (Logger) LoggerFactory.getLogger(ClaimedFileReadLock.class);
    Level level = lock.getLevel();
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    lock.addAppender(log);
    lock.setLevel(Level.DEBUG);
    try (GatewayHarness gw =
        GatewayHarness.start(var, Map.of("sftp.read-lock-check-interval-ms", "1000"))) {
      // the three files are on the drop before the intake's poll lists them
      gw.camel().getRouteController().stopRoute("receive-remittances");
      for (String f : fixtures) {
        gw.upload("inbound/835", f, TestFiles.testdata(f));
      }
      NotifyBuilder done = gw.whenDone("receive-remittances", fixtures.size());
      gw.camel().getRouteController().startRoute("receive-remittances");
      assertThat(done.matches(60, TimeUnit.SECONDS)).as("the backlog taken in").isTrue();
      for (String f : fixtures) {
        gw.processed("inbound/835", f);
      }
    } finally {
      lock.detachAppender(log);
      lock.setLevel(level);
    }
    List<String> lines;
    synchronized (log.list) {
      lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
    // the first file waited for the changed read lock (a check interval) while the others'
    // listing aged: they are unchanged since and taken without waiting again
    assertThat(lines.stream().filter(l -> l.endsWith(": unchanged since the poll listed it")))
        .hasSize(fixtures.size() - 1);
    assertThat(lines).noneMatch(l -> l.endsWith(": changed since the poll listed it"));
  }
}
