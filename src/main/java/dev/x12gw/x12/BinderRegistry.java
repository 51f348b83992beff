package dev.x12gw.x12;

import dev.x12gw.domain.claim.SourceRef;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.Map;

/**
 * Implementation guide (835, 837P, ...) to binder class, for readers that bind directly rather than
 * through per-guide Smooks selectors. A binder class has a public constructor {@code (Transaction,
 * SourceRef, BindingSink)}.
 */
public final class BinderRegistry {
  private final Map<String, Constructor<? extends TransactionBinder>> binders = new HashMap<>();

  /**
   * @param classes guide to fully qualified binder class name
   */
  public BinderRegistry(Map<String, String> classes) {
    classes.forEach((guide, name) -> binders.put(guide, constructor(name)));
  }

  /** The binder constructor of a class; fails fast with a message naming the class. */
  public static Constructor<? extends TransactionBinder> constructor(String className) {
    try {
      return Class.forName(className.trim())
          .asSubclass(TransactionBinder.class)
          .getConstructor(Transaction.class, SourceRef.class, BindingSink.class);
    } catch (ClassNotFoundException | NoSuchMethodException | ClassCastException e) {
      throw new IllegalArgumentException(
          "binder '"
              + className
              + "' is not a TransactionBinder with a public (Transaction, SourceRef, BindingSink)"
              + " constructor",
          e);
    }
  }

  /** A new binder for the transaction, or null when no binder is registered for its guide. */
  public TransactionBinder create(Transaction tx, SourceRef source, BindingSink sink) {
    Constructor<? extends TransactionBinder> c = binders.get(tx.guide());
    return c == null ? null : instantiate(c, tx, source, sink);
  }

  /** Creates a binder with its constructor, unwrapping reflection failures. */
  public static TransactionBinder instantiate(
      Constructor<? extends TransactionBinder> c,
      Transaction tx,
      SourceRef source,
      BindingSink sink) {
    try {
      return c.newInstance(tx, source, sink);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(
          "binder " + c.getDeclaringClass().getName() + " failed to start", e.getCause());
    } catch (InstantiationException | IllegalAccessException e) {
      throw new IllegalStateException("cannot create binder " + c.getDeclaringClass().getName(), e);
    }
  }
}
