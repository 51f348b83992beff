package dev.x12gw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.x12gw.TestFiles;
import dev.x12gw.bench.X12Generator;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The clearinghouse's SFTP drop, served by this test apart from the gateway: a file written in
 * place slowly (a sender that uploads under the final name) is taken only once complete, never
 * half; the drop going away makes polls fail without harm, and when it is back (same host key, same
 * port) polling resumes by itself and a file renamed into place is taken in.
 */
class SftpOutageIT {
  private static final String PASSWORD = "sftp-outage-password";
  private static final List<String> FOLDERS =
      List.of("inbound/837", "inbound/835", "outbound/acks");

  @TempDir Path var;

  @Test
  void aFileIsReadOnlyOnceCompleteAndPollingResumesWhenTheDropIsBack() throws Exception {
    int port = GatewayHarness.freePort();
    Path root = Files.createDirectories(var.resolve("drop/root"));
    Path knownHosts = var.resolve("drop/known_hosts");
    Logger rootLogger = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    rootLogger.addAppender(log);
    LocalSftpServer drop = drop(port);
    drop.start(FOLDERS, knownHosts);
    try (GatewayHarness gw =
        GatewayHarness.start(
            var.resolve("gateway"),
            Map.of(
                "sftp.local-server",
                "false",
                "sftp.host",
                "127.0.0.1",
                "sftp.port",
                String.valueOf(port),
                "sftp.known-hosts-file",
                knownHosts.toString(),
                "sftp.password",
                PASSWORD))) {
      // a sender writing the final name in chunks, one every 100 ms for 3 s: the read lock
      // (size and time unchanged between two checks 200 ms apart) never sees it still
      Path whole = var.resolve("claims.837");
      long claims = new X12Generator(23, 10).write837(whole, 60_000);
      byte[] bytes = Files.readAllBytes(whole);
      Path growing = root.resolve("inbound/837/growing.837");
      int chunks = 30;
      AtomicInteger written = new AtomicInteger();
      ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
      try {
        sender.scheduleAtFixedRate(
            () -> {
              int i = written.get();
              if (i == chunks) {
                return;
              }
              int from = bytes.length * i / chunks;
              int to = bytes.length * (i + 1) / chunks;
              try (OutputStream out =
                  Files.newOutputStream(
                      growing, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                out.write(Arrays.copyOfRange(bytes, from, to));
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
              written.incrementAndGet();
            },
            0,
            100,
            TimeUnit.MILLISECONDS);
        Path taken =
            root.resolve("inbound/837/.processed/" + LocalDate.now()).resolve("growing.837");
        Awaitility.await("the slowly written file taken in")
            .atMost(Duration.ofSeconds(60))
            .until(() -> Files.exists(taken));
        assertThat(written.get()).as("chunks written before it was taken").isEqualTo(chunks);
        assertThat(Files.readAllBytes(taken)).isEqualTo(bytes);
      } finally {
        sender.shutdownNow();
      }
      assertThat(claimsTakenIn(log, "growing.837"))
          .as("every claim of the whole file read, none of a half")
          .isEqualTo(claims);

      // the drop goes away: polls fail (the consumer logs it), nothing is lost or moved
      int before = pollFailures(log);
      drop.close();
      Awaitility.await("polls failing while the drop is down")
          .atMost(Duration.ofSeconds(30))
          .until(() -> pollFailures(log) >= before + 2);

      // back on the same port with the same host key: the next poll connects again by itself
      LocalSftpServer back = drop(port);
      back.start(FOLDERS, knownHosts);
      try {
        SftpUploader.upload(
            port,
            knownHosts,
            "gateway",
            PASSWORD,
            "inbound/835",
            TestFiles.testdata("denied-co197-no-auth.835"));
        Path processed =
            root.resolve("inbound/835/.processed/" + LocalDate.now())
                .resolve("denied-co197-no-auth.835");
        Awaitility.await("a file renamed into place after the outage taken in")
            .atMost(Duration.ofSeconds(60))
            .until(() -> Files.exists(processed));
        assertThat(gw.receive("x12.denials", Duration.ofSeconds(30))).isNotNull();
        assertThat(root.resolve("inbound/835/.error")).doesNotExist();
        assertThat(root.resolve("inbound/837/.error")).doesNotExist();
      } finally {
        back.close();
      }
    } finally {
      rootLogger.detachAppender(log);
      drop.close();
    }
  }

  private LocalSftpServer drop(int port) {
    return new LocalSftpServer(
        "127.0.0.1",
        port,
        var.resolve("drop/root"),
        var.resolve("drop/host-key.pem"),
        null,
        "gateway",
        PASSWORD);
  }

  /** Claims of a file, as its intake logged them ("NAME: ... N claim(s)"). */
  private static long claimsTakenIn(ListAppender<ILoggingEvent> log, String name) {
    java.util.regex.Pattern p =
        java.util.regex.Pattern.compile(
            java.util.regex.Pattern.quote(name) + ":.*?(\\d+) claim\\(s\\)");
    for (ILoggingEvent e : List.copyOf(log.list)) {
      java.util.regex.Matcher m = p.matcher(e.getFormattedMessage());
      if (m.find()) {
        return Long.parseLong(m.group(1));
      }
    }
    return -1;
  }

  /** WARN lines of the SFTP consumer about a poll that could not reach the drop. */
  private static int pollFailures(ListAppender<ILoggingEvent> log) {
    return (int)
        List.copyOf(log.list).stream()
            .filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
            .filter(e -> e.getLoggerName().startsWith("org.apache.camel.component.file.remote"))
            .count();
  }
}
