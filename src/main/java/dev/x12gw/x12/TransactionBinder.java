package dev.x12gw.x12;

/**
 * Binds the segments of one ST/SE transaction set to domain records, in a single forward pass with
 * no look-ahead, handing each record to the sink as soon as its loop closes.
 */
public interface TransactionBinder {
  /** The next segment of the transaction (ST and SE excluded), at {@code position} (ST = 1). */
  void segment(Segment segment, int position) throws X12BindingException;

  /** SE reached: flush what is still open. */
  void end() throws X12BindingException;
}
