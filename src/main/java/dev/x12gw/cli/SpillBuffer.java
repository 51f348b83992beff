package dev.x12gw.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The output of one transaction set, held until the set is accepted: in memory up to a limit, then
 * in a temporary file, so a transaction set of any size is written out whole or not at all in
 * bounded memory.
 */
final class SpillBuffer implements AutoCloseable {
  private final int memoryLimit;
  private final ByteArrayOutputStream memory = new ByteArrayOutputStream(1 << 16);
  private Path spill;
  private OutputStream spillOut;

  SpillBuffer(int memoryLimit) {
    this.memoryLimit = memoryLimit;
  }

  void write(byte[] bytes) {
    try {
      if (spillOut == null && memory.size() + bytes.length > memoryLimit) {
        spill = Files.createTempFile("x12gw-analyze-", ".jsonl");
        spillOut = new java.io.BufferedOutputStream(Files.newOutputStream(spill), 1 << 16);
        memory.writeTo(spillOut);
        memory.reset();
      }
      if (spillOut != null) {
        spillOut.write(bytes);
      } else {
        memory.write(bytes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot buffer analyze output", e);
    }
  }

  /** Writes what was buffered to {@code out} and empties the buffer. */
  void drainTo(OutputStream out) {
    try {
      if (spillOut != null) {
        spillOut.close();
        try (InputStream in = Files.newInputStream(spill)) {
          in.transferTo(out);
        }
      } else {
        memory.writeTo(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write analyze output", e);
    } finally {
      discard();
    }
  }

  /** Forgets what was buffered. */
  void discard() {
    memory.reset();
    if (spillOut != null) {
      try {
        spillOut.close();
        Files.deleteIfExists(spill);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        spillOut = null;
        spill = null;
      }
    }
  }

  @Override
  public void close() {
    discard();
  }
}
