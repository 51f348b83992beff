package dev.x12gw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.x12gw.TestFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway on an external broker (another JVM) that is killed while files arrive and started
 * again later: the files are taken in meanwhile (not moved to {@code .error/}), their records wait
 * in the outbox, and once the broker is back every record arrives exactly once — the ones published
 * before the outage are not sent again.
 */
class BrokerOutageIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir Path var;

  /** What a run received: how often each record id came, before and after the outage. */
  private record Received(Map<String, Integer> before, Map<String, Integer> after) {}

  @Test
  void filesArrivingWhileTheBrokerIsDownArePublishedOnceWhenItReturns() throws Exception {
    Received clean = run(var.resolve("clean"), false, 0);
    assertThat(clean.before()).isNotEmpty();
    assertThat(clean.after()).isNotEmpty();
    Received outage = run(var.resolve("outage"), true, clean.after().size());
    assertThat(outage.before()).isEqualTo(clean.before());
    assertThat(outage.after())
        .as(
            "records of the files taken in while the broker was down, by id: each once, as in a"
                + " run without the outage, none of those published before it again")
        .isEqualTo(clean.after());
    assertThat(clean.after().values()).containsOnly(1);
  }

  /**
   * Claims, then an 835 with the broker up, then (the broker killed when {@code outage}) two more
   * 835s, then the broker back: the records consumed before and after.
   *
   * @param expectedAfter how many records to wait for after the outage (0: until quiet)
   */
  private Received run(Path dir, boolean outage, int expectedAfter) throws Exception {
    try (BrokerProcess broker =
        new BrokerProcess(dir.resolve("broker"), GatewayHarness.freePort())) {
      broker.start();
      try (GatewayHarness gw =
          GatewayHarness.start(
              dir.resolve("gateway"),
              Map.of(
                  "broker.url",
                  broker.url() + "?reconnectAttempts=0&callTimeout=5000",
                  "intake.redelivery-delay-ms",
                  "100"))) {
        for (String claims :
            List.of(
                "claims-professional-3.837",
                "crlf-line-endings.837",
                "control-character-delimiters.837")) {
          gw.upload("inbound/837", claims, fixture(claims));
          gw.processed("inbound/837", claims);
        }
        gw.upload("inbound/835", "denied-co197-no-auth.835", fixture("denied-co197-no-auth.835"));
        gw.processed("inbound/835", "denied-co197-no-auth.835");
        Map<String, Integer> before = consume(broker.url(), 0);

        if (outage) {
          broker.kill();
        }
        for (String name :
            List.of("every-remittance-segment.835", "control-character-delimiters.835")) {
          gw.upload("inbound/835", name, fixture(name));
          gw.processed("inbound/835", name); // taken in, the broker down or not
        }
        assertThat(gw.sftpRoot().resolve("inbound/835/.error")).doesNotExist();
        if (outage) {
          // the relay tries three more times, and fails, before the broker is back
          assertThat(gw.whenDone("publish-records", 3).matches(WAIT.toSeconds(), TimeUnit.SECONDS))
              .isTrue();
          broker.start();
        }
        return new Received(before, consume(broker.url(), expectedAfter));
      }
    }
  }

  private static Path fixture(String name) {
    return TestFiles.testdata(name);
  }

  /**
   * Consumes every record queue until {@code expected} records have come (0: until none came for
   * three seconds), then two seconds more: how often each record id arrived.
   */
  private static Map<String, Integer> consume(String url, int expected) throws Exception {
    return RecordDrain.consume(
        url, expected, WAIT, Duration.ofSeconds(expected == 0 ? 3 : 2), new java.util.HashMap<>());
  }
}
