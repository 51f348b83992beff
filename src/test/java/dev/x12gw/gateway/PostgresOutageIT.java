package dev.x12gw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.x12gw.TestFiles;
import dev.x12gw.store.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The gateway on PostgreSQL, and the database server goes down (stopped at once: every connection
 * dropped) while a file arrives: the file stays on the drop and is tried again, not moved to {@code
 * .error/}, nothing of it is published meanwhile; when the server is back the file is taken in and
 * its records arrive, each once.
 */
class PostgresOutageIT {
  @TempDir Path var;

  @Test
  void aFileArrivingWhileTheDatabaseIsDownIsTakenInWhenItIsBack() throws Exception {
    String url = PostgresServer.get().newDatabase();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    root.addAppender(log);
    boolean paused = false;
    try (GatewayHarness gw =
        GatewayHarness.start(
            var,
            Map.of(
                "db.url", url,
                "db.user", PostgresServer.user(),
                "db.password", "",
                "intake.max-redeliveries", "1",
                "db.connection-timeout-ms", "1000",
                "intake.store-unavailable.max-delay-ms", "500"))) {
      gw.upload("inbound/837", "claims.837", TestFiles.testdata("claims-professional-3.837"));
      gw.processed("inbound/837", "claims.837");

      PostgresServer.get().pause();
      paused = true;
      gw.upload("inbound/835", "remit.835", TestFiles.testdata("denied-co197-no-auth.835"));
      Awaitility.await("tries while the database is down")
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  GatewayHarness.storeUnavailableWarnings(log)
                      >= 3); // more than intake.max-redeliveries allows
      assertThat(gw.sftpRoot().resolve("inbound/835/remit.835")).exists();
      assertThat(gw.sftpRoot().resolve("inbound/835/.error")).doesNotExist();
      assertThat(gw.receiveNow("x12.denials")).as("nothing published without its rows").isNull();
      PostgresServer.get().resume();
      paused = false;

      gw.processed("inbound/835", "remit.835");
      assertThat(gw.receive("x12.denials", Duration.ofSeconds(30))).isNotNull();
      assertThat(gw.receive("x12.denials", Duration.ofSeconds(30))).isNotNull();
      assertThat(gw.receive("x12.remits.unmatched", Duration.ofSeconds(30))).isNotNull();
      assertThat(gw.receiveNow("x12.denials")).as("each record once").isNull();
      assertThat(gw.sftpRoot().resolve("inbound/835/.error")).doesNotExist();
      assertThat(Files.exists(gw.sftpRoot().resolve("inbound/835/remit.835"))).isFalse();
    } finally {
      root.detachAppender(log);
      if (paused) {
        PostgresServer.get().resume();
      }
    }
  }
}
