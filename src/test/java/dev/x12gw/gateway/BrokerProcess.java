package dev.x12gw.gateway;

import dev.x12gw.records.QueueNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * An ActiveMQ Artemis broker in a JVM of its own (the gateway's {@link EmbeddedBroker} setup:
 * persistent journal, duplicate detection, the gateway's queues), for tests in which the broker
 * fails apart from the gateway: {@link #kill()} is {@code kill -9}, {@link #start()} again brings
 * it back on the same journal and port.
 */
final class BrokerProcess implements AutoCloseable {
  private final Path dataDir;
  private final int port;
  private final JavaProcess process;
  private int starts;

  BrokerProcess(Path dataDir, int port) {
    this.dataDir = dataDir;
    this.port = port;
    this.process = new JavaProcess(dataDir.resolve("broker.log"));
  }

  /** The URL a client of this broker uses. */
  String url() {
    return "tcp://127.0.0.1:" + port;
  }

  /** Starts the broker process and waits until it accepts connections. */
  void start() throws IOException {
    starts++;
    Files.createDirectories(dataDir);
    process.start(
        "---- start " + starts,
        "256m",
        Main.class,
        dataDir.toString(),
        String.valueOf(port),
        String.valueOf(starts));
    process.awaitLog("BROKER READY " + starts, Duration.ofSeconds(60));
  }

  /** Whether the broker's process runs (it was started and has not exited). */
  boolean isAlive() {
    return process.isAlive();
  }

  /** {@code kill -9}: the broker is gone at once, as on a crash or a lost host. */
  void kill() throws InterruptedException {
    process.kill();
  }

  @Override
  public void close() throws InterruptedException {
    process.close();
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
