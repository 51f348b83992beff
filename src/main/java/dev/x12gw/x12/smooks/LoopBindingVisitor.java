package dev.x12gw.x12.smooks;

import dev.x12gw.x12.Delimiters;
import dev.x12gw.x12.Segment;
import dev.x12gw.x12.X12ReadSession;
import org.smooks.api.ExecutionContext;
import org.smooks.api.TypedKey;
import org.smooks.api.resource.visitor.sax.ng.ElementVisitor;
import org.w3c.dom.CharacterData;
import org.w3c.dom.Element;

/**
 * A loop inside a transaction set ({@code T835/*}): splits the loop's X12 text into its segments
 * and hands them, with their exact positions, to the transaction's binder.
 */
public final class LoopBindingVisitor implements ElementVisitor {
  private static final TypedKey<StringBuilder> TEXT = TypedKey.of("x12gw.loop-text");

  @Override
  public void visitBefore(Element element, ExecutionContext executionContext) {
    StringBuilder text = executionContext.get(TEXT);
    if (text == null) {
      executionContext.put(TEXT, new StringBuilder(1 << 12));
    } else {
      text.setLength(0);
    }
  }

  @Override
  public void visitChildText(CharacterData characterData, ExecutionContext executionContext) {
    executionContext.get(TEXT).append(characterData.getData());
  }

  @Override
  public void visitChildElement(Element childElement, ExecutionContext executionContext) {}

  @Override
  public void visitAfter(Element element, ExecutionContext executionContext) {
    X12ReadSession session = SmooksX12Parser.session(executionContext);
    StringBuilder text = executionContext.get(TEXT);
    Delimiters delimiters = session.delimiters();
    int position = Integer.parseInt(element.getAttribute("position"));
    long filePosition = Long.parseLong(element.getAttribute("filePosition"));
    char terminator = delimiters.segment();
    int start = 0;
    int n = text.length();
    for (int i = 0; i <= n; i++) {
      if (i == n || text.charAt(i) == terminator) {
        Segment segment = new Segment(text.substring(start, i), delimiters, filePosition++, 0);
        if (!"ST".equals(segment.id())) {
          session.bindSegment(segment, position);
        }
        position++;
        start = i + 1;
      }
    }
    text.setLength(0);
  }
}
