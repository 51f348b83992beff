package dev.x12gw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SpillBufferTest {
  @Test
  void spillsBeyondItsMemoryLimitAndDrainsEverythingInOrder() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringBuilder expected = new StringBuilder();
    try (SpillBuffer buffer = new SpillBuffer(100)) {
      for (int i = 0; i < 50; i++) {
        String line = "record " + i + "\n";
        expected.append(line);
        buffer.write(line.getBytes(StandardCharsets.UTF_8));
      }
      buffer.drainTo(out);
      buffer.write("discarded\n".getBytes(StandardCharsets.UTF_8));
      buffer.discard();
      buffer.write("last\n".getBytes(StandardCharsets.UTF_8));
      buffer.drainTo(out);
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(expected + "last\n");
  }
}
