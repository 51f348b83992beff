package dev.x12gw.x12.smooks;

import org.smooks.api.ExecutionContext;
import org.smooks.api.resource.visitor.sax.ng.AfterVisitor;
import org.w3c.dom.Element;

/**
 * A loop inside a transaction set ({@code T835/*}): hands the loop's segments, as {@link
 * X12SegmentReader} tokenized them and with their exact positions, to the transaction's binder. The
 * segments come through the read session ({@link dev.x12gw.x12.X12ReadSession#bindLoop()}), not
 * through the element, which carries no text.
 */
public final class LoopBindingVisitor implements AfterVisitor {
  @Override
  public void visitAfter(Element element, ExecutionContext executionContext) {
    SmooksX12Parser.session(executionContext).bindLoop();
  }
}
