package dev.x12gw.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's JVM options ({@code config/gateway.jvm-options}) as {@code bench --gateway} reads
 * them for the gateway it starts, the way {@code bin/x12gw run} adds them.
 */
class GatewayJvmOptionsTest {
  @TempDir Path home;

  @Test
  void theShippedFileGivesTheThroughputCollector() throws Exception {
    assertThat(GatewayJvmOptions.read(Path.of("."), "-Xmx1g"))
        .containsExactly("-XX:+UseParallelGC");
    assertThat(GatewayJvmOptions.read(Path.of("."), "")).containsExactly("-XX:+UseParallelGC");
  }

  @Test
  void javaOptsNamingACollectorKeepsIt() throws Exception {
    for (String opts :
        List.of(
            "-XX:+UseG1GC",
            "-Xmx1g -XX:+UseZGC",
            "-XX:+UseSerialGC -Xss2m",
            "-XX:+UseParallelGC")) {
      assertThat(GatewayJvmOptions.read(Path.of("."), opts)).as(opts).isEmpty();
    }
  }

  @Test
  void commentsAndBlankLinesAreSkippedAndEachLineIsOneOption() throws Exception {
    Files.createDirectories(home.resolve("config"));
    Files.writeString(
        home.resolve("config/gateway.jvm-options"),
        "# a comment\n\n  -XX:+UseParallelGC  \n-Dx12gw.flag=a b # trailing comment\n");
    assertThat(GatewayJvmOptions.read(home, "-Xmx1g"))
        .containsExactly("-XX:+UseParallelGC", "-Dx12gw.flag=a b");
  }
}
