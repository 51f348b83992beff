package dev.x12gw.x12;

/**
 * Envelope structure straight to binders: the path used when segments do not come from the
 * gateway's own Smooks reader (e.g. from the EDI cartridge's DFDL parser), so transaction handling,
 * quarantine and problems are the same whichever reader produced the segments.
 */
public final class DirectBinding implements EnvelopeListener {
  private final X12ReadSession session;
  private final BinderRegistry binders;

  public DirectBinding(X12ReadSession session, BinderRegistry binders) {
    this.session = session;
    this.binders = binders;
  }

  @Override
  public void interchangeStart(Segment isa) {
    session.interchangeStart(isa);
  }

  @Override
  public void groupStart(Segment gs) {
    session.groupStart(gs);
  }

  @Override
  public void transactionStart(Segment st, Transaction tx) {
    session.beginTransaction(tx, st.delimiters());
    TransactionBinder binder = binders.create(tx, session.source(), session.buffer());
    if (binder != null) {
      session.bind(binder);
    }
    session.position(st, 1);
  }

  @Override
  public void transactionSegment(Segment segment, Transaction tx, int position) {
    session.position(segment, position);
    session.bindSegment(segment);
  }

  @Override
  public void transactionEnd(Segment se, Transaction tx) {
    if (se != null) {
      session.position(se, tx.segmentCount());
    }
    session.endTransaction(se != null);
  }

  @Override
  public void groupEnd(Segment ge) {
    session.groupEnd();
  }

  @Override
  public void interchangeEnd(Segment iea) {
    session.interchangeEnd();
  }

  @Override
  public void problem(X12Problem problem) {
    session.problem(problem);
  }
}
