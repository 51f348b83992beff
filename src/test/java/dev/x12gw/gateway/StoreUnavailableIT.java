package dev.x12gw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.x12gw.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The store cannot take a file for a while (here: another session holds the case rows the file must
 * update, past the lock timeout): the file stays on the drop and is tried again — more often than
 * {@code intake.max-redeliveries}, which bounds other failures — and is taken in, its records
 * published once, when the store is back; it is never moved to {@code .error/}.
 */
class StoreUnavailableIT {
  private static final String OPTIONS = ";COMPRESS=TRUE;QUERY_CACHE_SIZE=64;LOCK_TIMEOUT=300";

  @TempDir Path var;

  @Test
  void aFileStaysOnTheDropWhileTheStoreCannotTakeItAndIsTakenInWhenItCan() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    root.addAppender(log);
    try (GatewayHarness gw =
        GatewayHarness.start(
            var,
            Map.of(
                "db.h2.options", OPTIONS,
                "intake.max-redeliveries", "1",
                "intake.store-unavailable.max-delay-ms", "400"))) {
      gw.upload("inbound/837", "claims.837", TestFiles.testdata("claims-professional-3.837"));
      gw.processed("inbound/837", "claims.837");

      try (Connection maintenance =
          DriverManager.getConnection(
              "jdbc:h2:file:" + var.resolve("db/gateway") + OPTIONS, "x12gw", "")) {
        maintenance.setAutoCommit(false);
        try (Statement st = maintenance.createStatement();
            // the claims' cases: a payment that joins one updates its row (its lifecycle)
            ResultSet rs = st.executeQuery("select * from claim_case for update")) {
          int locked = 0;
          while (rs.next()) {
            locked++;
          }
          assertThat(locked).as("cases of the claims, locked").isPositive();
        }
        gw.upload("inbound/835", "remit.835", TestFiles.testdata("denied-co197-no-auth.835"));
        Awaitility.await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    GatewayHarness.storeUnavailableWarnings(log)
                        >= 4); // more than intake.max-redeliveries allows
        assertThat(gw.sftpRoot().resolve("inbound/835/remit.835")).exists();
        assertThat(gw.sftpRoot().resolve("inbound/835/.error")).doesNotExist();
        maintenance.rollback(); // the store is back
      }

      gw.processed("inbound/835", "remit.835");
      assertThat(gw.receive("x12.denials", Duration.ofSeconds(30))).isNotNull();
      assertThat(gw.receive("x12.denials", Duration.ofSeconds(30))).isNotNull();
      assertThat(gw.receiveNow("x12.denials")).as("each record once").isNull();
      assertThat(gw.sftpRoot().resolve("inbound/835/.error")).doesNotExist();
      assertThat(Files.exists(gw.sftpRoot().resolve("inbound/835/remit.835"))).isFalse();
    } finally {
      root.detachAppender(log);
    }
  }
}
