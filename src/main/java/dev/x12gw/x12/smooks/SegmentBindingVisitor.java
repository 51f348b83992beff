package dev.x12gw.x12.smooks;

import dev.x12gw.x12.Segment;
import dev.x12gw.x12.X12ReadSession;
import org.smooks.api.ExecutionContext;
import org.smooks.api.resource.visitor.sax.ng.BeforeVisitor;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * Any segment element inside a transaction set ({@code T835/*}): rebuilds the segment from the
 * event's attributes and hands it to the transaction's binder. ST and SE belong to the envelope and
 * are not bound.
 */
public final class SegmentBindingVisitor implements BeforeVisitor {
  @Override
  public void visitBefore(Element element, ExecutionContext executionContext) {
    String id = element.getTagName();
    if ("ST".equals(id) || "SE".equals(id)) {
      return;
    }
    X12ReadSession session = SmooksX12Parser.session(executionContext);
    NamedNodeMap attributes = element.getAttributes();
    int size = 0;
    for (int i = 0; i < attributes.getLength(); i++) {
      size = Math.max(size, elementNumber(attributes.item(i).getNodeName()));
    }
    String[] elements = new String[size + 1];
    elements[0] = id;
    for (int n = 1; n <= size; n++) {
      elements[n] = "";
    }
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr a = (Attr) attributes.item(i);
      int n = elementNumber(a.getName());
      if (n > 0) {
        elements[n] = a.getValue();
      }
    }
    Segment at = session.currentSegment();
    session.bindSegment(
        new Segment(elements, session.delimiters(), at.filePosition(), at.offset()));
  }

  private static int elementNumber(String attribute) {
    if (attribute.length() < 2 || attribute.charAt(0) != 'e') {
      return 0;
    }
    int n = 0;
    for (int i = 1; i < attribute.length(); i++) {
      char c = attribute.charAt(i);
      if (c < '0' || c > '9') {
        return 0;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }
}
