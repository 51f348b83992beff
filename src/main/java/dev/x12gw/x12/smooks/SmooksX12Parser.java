package dev.x12gw.x12.smooks;

import dev.x12gw.x12.BindingSink;
import dev.x12gw.x12.ReadResult;
import dev.x12gw.x12.X12Problem;
import dev.x12gw.x12.X12ReadSession;
import dev.x12gw.x12.X12Reader;
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
public final class SmooksX12Parser implements X12Reader, AutoCloseable {
  private static final TypedKey<X12ReadSession> SESSION = TypedKey.of("x12gw.read-session");

  /**
   * Written in a mapping where a path must be absolute (the EDI cartridge's {@code schemaUri}):
   * replaced by the directory holding the mapping, with a trailing separator.
   */
  public static final String MAPPINGS_DIR = "${x12gw.mappings}";

  /** Mapping parameter of a reader limited to one element separator and segment terminator. */
  public static final String REQUIRED_DELIMITERS = "x12gw.required-delimiters";

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
    Path absolute = config.toAbsolutePath().normalize();
    String text =
        Files.readString(absolute, java.nio.charset.StandardCharsets.UTF_8)
            .replace(MAPPINGS_DIR, absolute.getParent() + java.io.File.separator);
    try {
      this.smooks = new Smooks();
      smooks.addResourceConfigs(
          absolute.getParent().toUri().toString(),
          new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
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
  @Override
  public ReadResult parse(Path file, String fileName, BindingSink sink) throws IOException {
    X12ReadSession session = new X12ReadSession(fileName, sink);
    ExecutionContext context = smooks.createExecutionContext();
    context.put(SESSION, session);
    String required = context.getConfigParameter(REQUIRED_DELIMITERS);
    if (required != null && required.length() == 2) {
      X12Problem refused = refuse(file, required.charAt(0), required.charAt(1));
      if (refused != null) {
        session.unreadable(refused);
        return session.result();
      }
    }
    try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      smooks.filterSource(context, new StreamSource<>(in));
    } catch (SmooksException e) {
      // Smooks wraps whatever a visitor threw: an I/O error, or a failure of the records' target
      // (the store: a StoreException around its SQLException), reaches the caller as itself, which
      // retries the file; only what the reader itself could not read is a READ_FAILED problem
      for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
        if (t instanceof IOException io) {
          throw io;
        }
        if (t instanceof RuntimeException rt && !t.getClass().getName().startsWith("org.smooks.")) {
          throw rt;
        }
      }
      session.unreadable(
          unreadable("READ_FAILED", "the X12 reader failed: " + rootCause(e).getMessage()));
    }
    return session.result();
  }

  /**
   * For a reader that handles fixed delimiters only (mapping parameter {@value
   * #REQUIRED_DELIMITERS}, element separator then segment terminator): a problem when the file does
   * not start with an ISA declaring them, else null.
   */
  static X12Problem refuse(Path file, char element, char segment) throws IOException {
    try (dev.x12gw.x12.X12Tokenizer t =
        new dev.x12gw.x12.X12Tokenizer(
            Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8))) {
      dev.x12gw.x12.Segment s;
      boolean any = false;
      while ((s = t.next()) != null) {
        any = true;
        if ("ISA".equals(s.id())) {
          dev.x12gw.x12.Delimiters d = s.delimiters();
          if (d.element() != element || d.segment() != segment) {
            return unreadable(
                "DELIMITERS_NOT_SUPPORTED",
                "this mapping reads element separator '"
                    + element
                    + "' and segment terminator '"
                    + segment
                    + "' only; the ISA at offset "
                    + s.offset()
                    + " declares "
                    + d);
          }
        }
      }
      if (!any) {
        return unreadable("NOT_X12", "the file is empty: no ISA interchange");
      }
      if (t.wrappedLineBreaks() > 0) {
        return unreadable(
            "DELIMITERS_NOT_SUPPORTED",
            "this mapping cannot read segments broken across lines (wrapped lines)");
      }
      if (t.lastSegmentUnterminated()) {
        return unreadable(
            "DELIMITERS_NOT_SUPPORTED",
            "this mapping needs every segment terminated with '"
                + segment
                + "'; the last segment of the file has no terminator");
      }
      return null;
    } catch (dev.x12gw.x12.X12SyntaxException e) {
      return unreadable(e.code(), e.getMessage());
    } catch (java.nio.charset.MalformedInputException e) {
      return unreadable("NOT_X12", "the file is not UTF-8 text");
    }
  }

  private static X12Problem unreadable(String code, String message) {
    return X12Problem.ofFile(X12Problem.Severity.ERROR, code, message);
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
