package dev.x12gw.x12.smooks;

import dev.x12gw.domain.SourceRef;
import dev.x12gw.x12.BindingSink;
import dev.x12gw.x12.Transaction;
import dev.x12gw.x12.TransactionBinder;
import dev.x12gw.x12.X12ReadSession;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
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
    try {
      session.bind(
          constructor().newInstance(session.transaction(), session.source(), session.buffer()));
    } catch (InstantiationException | IllegalAccessException e) {
      throw new SmooksConfigException("cannot create binder " + binderClass, e);
    } catch (InvocationTargetException e) {
      throw new SmooksConfigException("binder " + binderClass + " failed to start", e.getCause());
    }
  }

  private Constructor<? extends TransactionBinder> constructor() {
    if (constructor == null) {
      try {
        Class<? extends TransactionBinder> type =
            Class.forName(binderClass).asSubclass(TransactionBinder.class);
        constructor = type.getConstructor(Transaction.class, SourceRef.class, BindingSink.class);
      } catch (ClassNotFoundException | NoSuchMethodException | ClassCastException e) {
        throw new SmooksConfigException(
            "binder '"
                + binderClass
                + "' is not a TransactionBinder with a public"
                + " (Transaction, SourceRef, BindingSink) constructor",
            e);
      }
    }
    return constructor;
  }
}
