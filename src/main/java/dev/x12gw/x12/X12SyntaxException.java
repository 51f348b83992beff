package dev.x12gw.x12;

/**
 * The bytes cannot be read as X12 from this point on (no ISA, a truncated or unusable ISA): the
 * rest of the file is unreadable.
 */
public final class X12SyntaxException extends Exception {
  private final String code;
  private final long offset;

  public X12SyntaxException(String code, String message, long offset) {
    super(message);
    this.code = code;
    this.offset = offset;
  }

  public String code() {
    return code;
  }

  public long offset() {
    return offset;
  }
}
