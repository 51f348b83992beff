package dev.x12gw.x12;

/** A segment's content cannot be bound: a required element is missing or malformed. */
public final class X12BindingException extends Exception {
  private final String code;
  private final int element;

  public X12BindingException(String code, String message, int element) {
    super(message);
    this.code = code;
    this.element = element;
  }

  public String code() {
    return code;
  }

  /** 1-based data element position, or 0. */
  public int element() {
    return element;
  }
}
