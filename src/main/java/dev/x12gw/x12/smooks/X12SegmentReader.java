package dev.x12gw.x12.smooks;

import dev.x12gw.x12.EnvelopeListener;
import dev.x12gw.x12.EnvelopeTracker;
import dev.x12gw.x12.Segment;
import dev.x12gw.x12.Transaction;
import dev.x12gw.x12.X12Problem;
import dev.x12gw.x12.X12ReadSession;
import dev.x12gw.x12.X12SyntaxException;
import dev.x12gw.x12.X12Tokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.inject.Inject;
import javax.inject.Named;
import org.smooks.api.ExecutionContext;
import org.smooks.api.resource.reader.SmooksXMLReader;
import org.xml.sax.ContentHandler;
import org.xml.sax.DTDHandler;
import org.xml.sax.EntityResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

/**
 * Smooks reader for X12: streams an interchange into Smooks with the delimiters each ISA declares.
 * Each transaction set is an element named after its implementation guide ({@code <T835>}, {@code
 * <T837P>}), so mappings select {@code T835/*}; inside it, one element per loop (a new loop starts
 * at each segment listed in the {@code loopStarts} parameter: CLP, PLB, HL and CLM by default),
 * named after its first segment, empty, whose attributes {@code position} and {@code filePosition}
 * locate its first segment. The loop's segments themselves, as tokenized, are handed to the {@link
 * X12ReadSession} just before the element ({@link X12ReadSession#handOverLoop}), where {@link
 * LoopBindingVisitor} takes them: each segment is tokenized once, never turned back into text.
 * Envelope segments (ISA, GS, GE, IEA) are elements with their data elements as attributes ({@code
 * e01}, {@code e02}, ...).
 *
 * <p>One event per loop rather than per segment: Smooks' cost is per element, and a claim loop has
 * 10 to 60 segments (see README, performance).
 *
 * <p>Envelope checks (ISA/GS/ST counts and control numbers) happen here, and defects go to the
 * {@link X12ReadSession} of the execution context rather than aborting the filter: one bad
 * transaction never stops the rest of the file.
 */
public final class X12SegmentReader implements SmooksXMLReader {
  /** Name of the document element. */
  public static final String ROOT = "x12";

  /**
   * A loop longer than this many characters (segments and terminators) is passed on in parts
   * (positions stay exact).
   */
  static final int MAX_LOOP_CHARS = 1 << 20;

  private static final String[] ATTRIBUTE_NAMES = new String[100];

  static {
    for (int i = 1; i < ATTRIBUTE_NAMES.length; i++) {
      ATTRIBUTE_NAMES[i] = String.format("e%02d", i);
    }
  }

  /** Loops start at these segment ids (comma-separated); a mapping may set its own. */
  @Inject
  @Named("loopStarts")
  private String loopStarts = "CLP,PLB,HL,CLM";

  private final Map<String, Object> properties = new HashMap<>();
  private final Map<String, Boolean> features = new HashMap<>();
  private ExecutionContext executionContext;
  private ContentHandler handler;
  private EntityResolver entityResolver;
  private DTDHandler dtdHandler;
  private ErrorHandler errorHandler;

  /** 1-based attribute name of data element {@code n}: {@code e01}, {@code e02}, ... */
  static String attributeName(int n) {
    return n < ATTRIBUTE_NAMES.length ? ATTRIBUTE_NAMES[n] : String.format("e%02d", n);
  }

  @Override
  public void setExecutionContext(ExecutionContext executionContext) {
    this.executionContext = executionContext;
  }

  @Override
  public void parse(InputSource input) throws IOException, SAXException {
    X12ReadSession session = SmooksX12Parser.session(executionContext);
    Reader chars = input.getCharacterStream();
    if (chars == null) {
      InputStream bytes = input.getByteStream();
      if (bytes == null) {
        throw new SAXException("X12 reader needs a byte or character stream");
      }
      Charset cs =
          input.getEncoding() == null
              ? StandardCharsets.UTF_8
              : Charset.forName(input.getEncoding());
      chars =
          new InputStreamReader(
              bytes,
              cs.newDecoder()
                  .onMalformedInput(CodingErrorAction.REPLACE)
                  .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }
    X12Tokenizer tokenizer = new X12Tokenizer(chars);
    Emitter emitter = new Emitter(session, tokenizer);
    EnvelopeTracker tracker = new EnvelopeTracker(emitter);
    handler.startDocument();
    AttributesImpl rootAttributes = new AttributesImpl();
    rootAttributes.addAttribute("", "file", "file", "CDATA", session.fileName());
    handler.startElement("", ROOT, ROOT, rootAttributes);
    try {
      Segment s;
      boolean any = false;
      while ((s = tokenizer.next()) != null) {
        any = true;
        tracker.accept(s);
      }
      tracker.finish();
      if (!any) {
        session.unreadable(
            X12Problem.ofFile(
                X12Problem.Severity.ERROR, "NOT_X12", "the file is empty: no ISA interchange"));
      }
      if (tokenizer.wrappedLineBreaks() > 0) {
        session.problem(
            X12Problem.ofFile(
                X12Problem.Severity.WARNING,
                "WRAPPED_LINES",
                tokenizer.wrappedLineBreaks()
                    + " line break(s) inside segments were removed (wrapped lines)"));
      }
    } catch (X12SyntaxException e) {
      tracker.finish();
      session.unreadable(
          X12Problem.ofFile(
              X12Problem.Severity.ERROR,
              e.code(),
              e.getMessage()
                  + (tracker.transactions() > 0 ? "; the rest of the file was not read" : "")));
    }
    handler.endElement("", ROOT, ROOT);
    handler.endDocument();
  }

  /** Turns envelope structure into SAX events and keeps the session informed. */
  private final class Emitter implements EnvelopeListener {
    private final X12ReadSession session;
    private final X12Tokenizer tokenizer;
    private final Set<String> starts = Set.of(loopStarts.replace(" ", "").split(","));
    private final AttributesImpl attributes = new AttributesImpl();
    private final List<Segment> loop = new ArrayList<>(64);
    private int loopChars;
    private String loopId;
    private int loopPosition;
    private long loopFilePosition;
    private int nextPosition;

    Emitter(X12ReadSession session, X12Tokenizer tokenizer) {
      this.session = session;
      this.tokenizer = tokenizer;
    }

    @Override
    public void interchangeStart(Segment isa) {
      session.interchangeStart(isa);
      emit(isa);
    }

    @Override
    public void groupStart(Segment gs) {
      session.groupStart(gs);
      emit(gs);
    }

    @Override
    public void transactionStart(Segment st, Transaction tx) {
      session.beginTransaction(tx, tokenizer.delimiters());
      attributes.clear();
      add("interchangeControlNumber", tx.interchangeControlNumber());
      add("groupControlNumber", tx.groupControlNumber());
      add("transactionControlNumber", tx.controlNumber());
      add("version", tx.version());
      String name = elementName(tx);
      try {
        handler.startElement("", name, name, attributes);
      } catch (SAXException e) {
        throw new IllegalStateException(e);
      }
      session.position(st, 1);
      startLoop(st, 1);
    }

    @Override
    public void transactionSegment(Segment segment, Transaction tx, int position) {
      if (loopId == null
          || starts.contains(segment.id())
          || position != nextPosition
          || loopChars > MAX_LOOP_CHARS) {
        flushLoop();
        startLoop(segment, position);
      } else {
        loop.add(segment);
        loopChars += 1 + segment.toString().length();
        nextPosition++;
      }
    }

    @Override
    public void transactionEnd(Segment se, Transaction tx) {
      flushLoop();
      if (se != null) {
        session.position(se, tx.segmentCount());
      }
      String name = elementName(tx);
      try {
        handler.endElement("", name, name);
      } catch (SAXException e) {
        throw new IllegalStateException(e);
      }
      session.endTransaction(se != null);
    }

    @Override
    public void groupEnd(Segment ge) {
      session.groupEnd();
      if (ge != null) {
        emit(ge);
      }
    }

    @Override
    public void interchangeEnd(Segment iea) {
      session.interchangeEnd();
      if (iea != null) {
        emit(iea);
      }
    }

    @Override
    public void problem(X12Problem problem) {
      session.problem(problem);
    }

    private void startLoop(Segment first, int position) {
      loopId = first.id();
      loopPosition = position;
      loopFilePosition = first.filePosition();
      nextPosition = position + 1;
      loop.clear();
      loop.add(first);
      loopChars = first.toString().length();
    }

    private void flushLoop() {
      if (loopId == null) {
        return;
      }
      attributes.clear();
      add("position", Integer.toString(loopPosition));
      add("filePosition", Long.toString(loopFilePosition));
      session.handOverLoop(loop, loopPosition);
      try {
        handler.startElement("", loopId, loopId, attributes);
        handler.endElement("", loopId, loopId);
      } catch (SAXException e) {
        throw new IllegalStateException(e);
      }
      loopId = null;
    }

    private void emit(Segment s) {
      attributes.clear();
      for (int n = 1; n <= s.size(); n++) {
        String v = s.element(n);
        if (!v.isEmpty()) {
          String name = attributeName(n);
          attributes.addAttribute("", name, name, "CDATA", v);
        }
      }
      try {
        handler.startElement("", s.id(), s.id(), attributes);
        handler.endElement("", s.id(), s.id());
      } catch (SAXException e) {
        throw new IllegalStateException(e);
      }
    }

    private void add(String name, String value) {
      attributes.addAttribute("", name, name, "CDATA", value);
    }
  }

  /** Element wrapping a transaction set: {@code T} + guide, e.g. {@code T835}, {@code T837P}. */
  static String elementName(Transaction tx) {
    return "T" + tx.guide();
  }

  @Override
  public void parse(String systemId) throws SAXException {
    throw new SAXException("X12 reader reads streams only, not system ids");
  }

  @Override
  public boolean getFeature(String name) {
    return features.getOrDefault(name, false);
  }

  @Override
  public void setFeature(String name, boolean value) {
    features.put(name, value);
  }

  @Override
  public Object getProperty(String name) {
    return properties.get(name);
  }

  @Override
  public void setProperty(String name, Object value) {
    properties.put(name, value);
  }

  @Override
  public void setEntityResolver(EntityResolver resolver) {
    this.entityResolver = resolver;
  }

  @Override
  public EntityResolver getEntityResolver() {
    return entityResolver;
  }

  @Override
  public void setDTDHandler(DTDHandler handler) {
    this.dtdHandler = handler;
  }

  @Override
  public DTDHandler getDTDHandler() {
    return dtdHandler;
  }

  @Override
  public void setContentHandler(ContentHandler handler) {
    this.handler = handler;
  }

  @Override
  public ContentHandler getContentHandler() {
    return handler;
  }

  @Override
  public void setErrorHandler(ErrorHandler handler) {
    this.errorHandler = handler;
  }

  @Override
  public ErrorHandler getErrorHandler() {
    return errorHandler;
  }
}
