package dev.x12gw.x12.smooks;

import dev.x12gw.x12.BinderRegistry;
import dev.x12gw.x12.Delimiters;
import dev.x12gw.x12.DirectBinding;
import dev.x12gw.x12.EnvelopeTracker;
import dev.x12gw.x12.Segment;
import dev.x12gw.x12.X12Problem;
import dev.x12gw.x12.X12ReadSession;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Named;
import org.smooks.api.ExecutionContext;
import org.smooks.api.TypedKey;
import org.smooks.api.resource.visitor.sax.ng.ParameterizedVisitor;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Segments parsed by the Smooks EDI cartridge (DFDL, {@code edi-mappings/dfdl/
 * x12-segments.dfdl.xsd}): each {@code <S>} becomes a segment that goes through the same envelope
 * checks, binders, quarantine and problem reporting as segments from the gateway's own reader.
 * Selector {@code X12/S}; the same class on {@code X12} ends the document.
 */
public final class DfdlSegmentVisitor implements ParameterizedVisitor {
  private static final TypedKey<State> STATE = TypedKey.of("x12gw.dfdl-state");

  /** Guide to binder class, e.g. {@code 835=dev.x12gw.x12.Remittance835Binder,837P=...}. */
  @Inject
  @Named("binders")
  private String binders;

  /** The element separator the mapping's edi:parser declares. */
  @Inject
  @Named("elementSeparator")
  private String elementSeparator = "*";

  /** The segment terminator character the mapping's edi:parser declares. */
  @Inject
  @Named("segmentTerminator")
  private String segmentTerminator = "~";

  private BinderRegistry registry;

  /** Per-file reading state. */
  private static final class State {
    EnvelopeTracker tracker;
    Delimiters delimiters;
    long segments;
  }

  @Override
  public int getMaxNodeDepth() {
    return Integer.MAX_VALUE;
  }

  @Override
  public void visitBefore(Element element, ExecutionContext executionContext) {}

  @Override
  public void visitAfter(Element element, ExecutionContext executionContext) {
    X12ReadSession session = SmooksX12Parser.session(executionContext);
    State state = state(session, executionContext);
    if (!"S".equals(element.getTagName())) {
      state.tracker.finish();
      if (state.segments == 0) {
        session.unreadable(
            X12Problem.ofFile(X12Problem.Severity.ERROR, "NOT_X12", "the file has no segments"));
      }
      return;
    }
    // line breaks after terminators (~ CR LF) arrive at the start of the next segment
    String text = element.getTextContent().strip();
    if (text.isEmpty()) {
      return; // line breaks after the last terminator
    }
    String[] elements = Segment.split(text, elementSeparator.charAt(0)).toArray(new String[0]);
    if ("ISA".equals(elements[0]) && elements.length > 16) {
      String isa11 = elements[11];
      char repetition =
          isa11.length() == 1 && !Character.isLetterOrDigit(isa11.charAt(0))
              ? isa11.charAt(0)
              : Delimiters.NONE;
      state.delimiters =
          new Delimiters(
              elementSeparator.charAt(0),
              elements[16].isEmpty() ? ':' : elements[16].charAt(0),
              repetition,
              segmentTerminator.charAt(0));
    }
    if (state.delimiters == null) {
      session.unreadable(
          new X12Problem(
              X12Problem.Severity.ERROR,
              "NOT_X12",
              "not an X12 interchange: the first segment is " + elements[0] + ", not ISA",
              "",
              "",
              "",
              0,
              1,
              elements[0],
              0));
      state.delimiters =
          new Delimiters(elementSeparator.charAt(0), ':', '^', segmentTerminator.charAt(0));
    }
    state.tracker.accept(new Segment(elements, state.delimiters, ++state.segments, 0));
    // keep memory flat: this segment's content and the segments before it are bound already
    while (element.getFirstChild() != null) {
      element.removeChild(element.getFirstChild());
    }
    Node parent = element.getParentNode();
    while (parent != null && parent.getFirstChild() != null && parent.getFirstChild() != element) {
      parent.removeChild(parent.getFirstChild());
    }
  }

  private State state(X12ReadSession session, ExecutionContext context) {
    State state = context.get(STATE);
    if (state == null) {
      if (registry == null) {
        Map<String, String> classes = new LinkedHashMap<>();
        for (String pair : binders.split(",")) {
          String[] kv = pair.trim().split("=", 2);
          classes.put(kv[0].trim(), kv[1].trim());
        }
        registry = new BinderRegistry(classes);
      }
      state = new State();
      state.tracker = new EnvelopeTracker(new DirectBinding(session, registry));
      context.put(STATE, state);
    }
    return state;
  }
}
