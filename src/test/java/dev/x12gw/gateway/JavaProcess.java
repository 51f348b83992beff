package dev.x12gw.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A main class of this test's class path run in a JVM of its own (a broker a test can kill), its
 * output appended to a log, each start headed by a line of its own.
 */
final class JavaProcess implements AutoCloseable {
  private final Path log;
  private Process process;

  JavaProcess(Path log) {
    this.log = log;
  }

  /** Starts {@code main} with {@code args} and a heap of {@code heap} (e.g. {@code 256m}). */
  void start(String header, String heap, Class<?> main, String... args) throws IOException {
    start(Map.of(), header, heap, main, args);
  }

  /**
   * Starts {@code main} with {@code args}, a heap of {@code heap} and {@code environment} added to
   * this JVM's (secrets, which arguments would show to every user of the host).
   */
  void start(
      Map<String, String> environment, String header, String heap, Class<?> main, String... args)
      throws IOException {
    Files.createDirectories(log.toAbsolutePath().getParent());
    Files.writeString(
        log,
        header + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().putAll(environment);
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    process = pb.start();
    Process started = process;
    // a test JVM that is stopped (a build aborted) takes the process with it
    Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
  }

  /** Waits until the log has {@code text} (fails at once when the process exited). */
  void awaitLog(String text, Duration timeout) {
    Process started = process;
    Awaitility.await(text + " in " + log)
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              if (!started.isAlive()) {
                throw new IllegalStateException("process exited: see " + log);
              }
              return Files.readString(log, StandardCharsets.UTF_8).contains(text);
            });
  }

  /** Whether the process was started and has not exited. */
  boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** {@code kill -9}: gone at once, as on a crash or a lost host. */
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
}
