package dev.x12gw.x12.smooks;

import dev.x12gw.x12.BindingSink;
import dev.x12gw.x12.ReadResult;
import dev.x12gw.x12.X12Problem;
import dev.x12gw.x12.X12ReadSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.smooks.Smooks;
import org.smooks.api.ExecutionContext;
import org.smooks.api.SmooksException;
import org.smooks.api.TypedKey;
import org.smooks.io.source.StreamSource;
import org.xml.sax.SAXException;

/**
 * Reads X12 files with Smooks, using the mapping configuration in {@code edi-mappings/}: the
 * configuration names the reader and, per implementation guide, the binder of each transaction set.
 * Thread-safe: one instance serves every file.
 */
public final class SmooksX12Parser implements AutoCloseable {
  private static final TypedKey<X12ReadSession> SESSION = TypedKey.of("x12gw.read-session");

  private final Smooks smooks;
  private final Path config;

  /**
   * @param config the Smooks configuration, e.g. {@code edi-mappings/x12-gateway.smooks.xml}
   */
  public SmooksX12Parser(Path config) throws IOException {
    if (!Files.isRegularFile(config)) {
      throw new IOException("Smooks mapping not found: " + config.toAbsolutePath());
    }
    this.config = config;
    try {
      this.smooks = new Smooks(config.toAbsolutePath().toUri().toString());
    } catch (SAXException e) {
      throw new IOException("invalid Smooks mapping " + config + ": " + e.getMessage(), e);
    }
  }

  /** The read session of a running filter: for the reader and visitors. */
  static X12ReadSession session(ExecutionContext context) {
    X12ReadSession session = context.get(SESSION);
    if (session == null) {
      throw new IllegalStateException("X12 mapping used outside SmooksX12Parser");
    }
    return session;
  }

  /**
   * Reads one file, handing the records of every complete, valid transaction set to {@code sink}.
   * Never throws for bad content: defects are in the result.
   */
  public ReadResult parse(InputStream in, String fileName, BindingSink sink) throws IOException {
    X12ReadSession session = new X12ReadSession(fileName, sink);
    ExecutionContext context = smooks.createExecutionContext();
    context.put(SESSION, session);
    try {
      smooks.filterSource(context, new StreamSource<>(in));
    } catch (SmooksException e) {
      Throwable cause = rootCause(e);
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException rt && !(cause instanceof SmooksException)) {
        throw rt;
      }
      session.unreadable(
          new X12Problem(
              X12Problem.Severity.ERROR,
              "READ_FAILED",
              "the X12 reader failed: " + cause.getMessage(),
              "",
              "",
              "",
              0,
              0,
              "",
              0));
    }
    return session.result();
  }

  private static Throwable rootCause(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c;
  }

  public Path config() {
    return config;
  }

  @Override
  public void close() {
    smooks.close();
  }
}
