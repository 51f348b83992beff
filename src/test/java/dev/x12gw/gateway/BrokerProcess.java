package dev.x12gw.gateway;

import dev.x12gw.records.QueueNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * An ActiveMQ Artemis broker in a JVM of its own (the gateway's {@link EmbeddedBroker} setup:
 * persistent journal, duplicate detection, the gateway's queues), for tests in which the broker
 * fails apart from the gateway: {@link #kill()} is {@code kill -9}, {@link #start()} again brings
 * it back on the same journal and port.
 */
final class BrokerProcess implements AutoCloseable {
  private final Path dataDir;
  private final int port;
  private final Path log;
  private Process process;
  private int starts;

  BrokerProcess(Path dataDir, int port) {
    this.dataDir = dataDir;
    this.port = port;
    this.log = dataDir.resolve("broker.log");
  }

  /** The URL a client of this broker uses. */
  String url() {
    return "tcp://127.0.0.1:" + port;
  }

  /** Starts the broker process and waits until it accepts connections. */
  void start() throws IOException {
    starts++;
    Files.createDirectories(dataDir);
    Files.writeString(
        log,
        "---- start " + starts + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            dataDir.toString(),
            String.valueOf(port),
            String.valueOf(starts));
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    process = pb.start();
    Process started = process;
    Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
    String ready = "BROKER READY " + starts;
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              if (!started.isAlive()) {
                throw new IllegalStateException("broker exited: see " + log);
              }
              return Files.readString(log, StandardCharsets.UTF_8).contains(ready);
            });
  }

  /** {@code kill -9}: the broker is gone at once, as on a crash or a lost host. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      kill();
    }
  }

  /** The broker process: {@code Main DATA_DIR PORT START}, START its count of starts. */
  public static final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
      Path data = Path.of(args[0]);
      EmbeddedBroker broker =
          new EmbeddedBroker(
              data,
              "127.0.0.1",
              Integer.parseInt(args[1]),
              100_000,
              64,
              QueueNames.defaults().all());
      broker.start();
      System.out.println("BROKER READY " + args[2]);
      System.out.flush();
      Thread.currentThread().join();
    }
  }
}
