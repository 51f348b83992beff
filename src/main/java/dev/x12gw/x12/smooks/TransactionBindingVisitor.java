package dev.x12gw.x12.smooks;

import dev.x12gw.x12.BinderRegistry;
import dev.x12gw.x12.TransactionBinder;
import dev.x12gw.x12.X12ReadSession;
import java.lang.reflect.Constructor;
import javax.inject.Inject;
import javax.inject.Named;
import org.smooks.api.ExecutionContext;
import org.smooks.api.SmooksConfigException;
import org.smooks.api.resource.visitor.sax.ng.BeforeVisitor;
import org.w3c.dom.Element;

/**
 * ST/SE transaction set element ({@code T835}, {@code T837P}, ...): claims the transaction for the
 * binder named by the mapping's {@code binder} parameter. A binder class has a public constructor
 * {@code (Transaction, SourceRef, BindingSink)}.
 */
public final class TransactionBindingVisitor implements BeforeVisitor {
  @Inject
  @Named("binder")
  private String binderClass;

  private Constructor<? extends TransactionBinder> constructor;

  @Override
  public void visitBefore(Element element, ExecutionContext executionContext) {
    X12ReadSession session = SmooksX12Parser.session(executionContext);
    if (constructor == null) {
      try {
        constructor = BinderRegistry.constructor(binderClass);
      } catch (IllegalArgumentException e) {
        throw new SmooksConfigException(e.getMessage(), e.getCause());
      }
    }
    session.bind(
        BinderRegistry.instantiate(
            constructor, session.transaction(), session.source(), session.buffer()));
  }
}
