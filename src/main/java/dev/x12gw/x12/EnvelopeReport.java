package dev.x12gw.x12;

import java.util.ArrayList;
import java.util.List;

/**
 * What was received, envelope by envelope, and what became of it: the input of 999 and TA1
 * acknowledgments and of {@code x12gw validate}. Built while reading; one entry per interchange,
 * group and transaction set, so it stays small whatever the file's size.
 */
public final class EnvelopeReport {
  /** ISA/IEA. */
  public static final class Interchange {
    final Segment isa;
    final List<X12Problem> problems = new ArrayList<>(1);
    final List<Group> groups = new ArrayList<>(1);

    Interchange(Segment isa) {
      this.isa = isa;
    }

    /** ISA element {@code n} (trimmed). */
    public String isa(int n) {
      return isa.element(n).trim();
    }

    public String controlNumber() {
      return isa(13);
    }

    /** The delimiters the ISA declared (acknowledgments are written back with them). */
    public Delimiters delimiters() {
      return isa.delimiters();
    }

    public List<X12Problem> problems() {
      return List.copyOf(problems);
    }

    public List<Group> groups() {
      return List.copyOf(groups);
    }
  }

  /** GS/GE. */
  public static final class Group {
    final Segment gs;
    final List<X12Problem> problems = new ArrayList<>(1);
    final List<TransactionSet> transactions = new ArrayList<>(2);

    Group(Segment gs) {
      this.gs = gs;
    }

    /** GS element {@code n} (trimmed). */
    public String gs(int n) {
      return gs.element(n).trim();
    }

    public String controlNumber() {
      return gs(6);
    }

    public List<X12Problem> problems() {
      return List.copyOf(problems);
    }

    public List<TransactionSet> transactions() {
      return List.copyOf(transactions);
    }
  }

  /**
   * ST/SE.
   *
   * @param setId ST01
   * @param controlNumber ST02
   * @param version ST03 (or GS08)
   * @param accepted false when quarantined
   * @param problems its defects
   */
  public record TransactionSet(
      String setId,
      String controlNumber,
      String version,
      boolean accepted,
      List<X12Problem> problems) {
    public TransactionSet {
      problems = List.copyOf(problems);
    }
  }

  private final List<Interchange> interchanges = new ArrayList<>(1);
  private Interchange interchange;
  private Group group;

  void interchangeStart(Segment isa) {
    interchange = new Interchange(isa);
    interchanges.add(interchange);
    group = null;
  }

  void groupStart(Segment gs) {
    if (interchange == null) {
      return; // a GS without ISA: nothing to acknowledge it in
    }
    group = new Group(gs);
    interchange.groups.add(group);
  }

  void groupEnd() {
    group = null;
  }

  void interchangeEnd() {
    interchange = null;
    group = null;
  }

  void transaction(Transaction tx) {
    if (group != null) {
      group.transactions.add(
          new TransactionSet(
              tx.transactionSetId(),
              tx.controlNumber(),
              tx.version(),
              !tx.isRejected(),
              tx.problems()));
    }
  }

  /**
   * A defect outside transaction sets: it belongs to the open group, else the interchange; a defect
   * of the file itself (no ISA13) belongs to neither.
   */
  void problem(X12Problem p) {
    if (p.interchangeControlNumber().isEmpty()) {
      return;
    }
    if (group != null && !p.groupControlNumber().isEmpty()) {
      group.problems.add(p);
    } else if (interchange != null) {
      interchange.problems.add(p);
    } else if (!interchanges.isEmpty()) {
      interchanges.get(interchanges.size() - 1).problems.add(p);
    }
  }

  public List<Interchange> interchanges() {
    return List.copyOf(interchanges);
  }
}
