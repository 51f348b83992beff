package dev.x12gw.intake;

import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.scrub.ScrubFinding;
import dev.x12gw.domain.scrub.Scrubber;
import dev.x12gw.domain.scrub.ServiceHistory;
import dev.x12gw.domain.scrub.Severity;
import dev.x12gw.x12.Delimiters;
import dev.x12gw.x12.ScrubClaims;
import dev.x12gw.x12.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * 837 loop 2300 CLM: the scrubber as the intake's {@link ClaimGate}. Each claim is scrubbed in the
 * intake's one read of the file; a claim with a hard stop in {@code ENFORCE} mode is kept out
 * (held), every other one is taken in as submitted. What it decided for the claims of kept
 * transaction sets is {@link #claims()}; a quarantined set's claims are forgotten, with the
 * services they added to the file's duplicate check.
 */
public final class ScrubGate implements ClaimGate {
  /**
   * One claim as scrubbed.
   *
   * @param segments as read, for a held claim; empty for a claim taken in (they are in {@link
   *     #forward})
   * @param version ST03 (else GS08) of its transaction set
   * @param services the keys of its services (the duplicate check's): a void's (CLM05-3 8) are
   *     those it withdraws once it goes out ({@link #withdrawsServices})
   * @param mode ENFORCE or ADVISE for its billing NPI and payer
   * @param held kept out: a hard stop in ENFORCE mode
   */
  public record Scrubbed(
      SubmittedClaim claim,
      String version,
      List<String> segments,
      Delimiters delimiters,
      List<ScrubFinding> findings,
      List<String> services,
      String mode,
      boolean held) {
    public Scrubbed {
      Objects.requireNonNull(claim, "claim");
      segments = List.copyOf(segments);
      findings = List.copyOf(findings);
      services = List.copyOf(services);
    }

    /**
     * A void (CLM05-3 8) that goes out: its services leave the duplicate history instead of joining
     * it, so a service voided may be billed again (the void repeats the lines of the claim it
     * voids).
     */
    public boolean withdrawsServices() {
      return !held && isVoid(claim);
    }

    /**
     * Adds this claim's services to a duplicate history, or withdraws a void's that goes out (a
     * held void changes nothing).
     */
    public void applyTo(Consumer<String> add, Consumer<String> withdraw) {
      if (!isVoid(claim)) {
        services.forEach(add);
      } else if (!held) {
        services.forEach(withdraw);
      }
    }
  }

  /** A void: CLM05-3 8. */
  static boolean isVoid(SubmittedClaim claim) {
    return "8".equals(claim.frequencyCode());
  }

  private final Scrubber scrubber;
  private final ServiceHistory before;
  private final Function<SubmittedClaim, String> mode;
  private final LocalDate today;
  private final List<Scrubbed> kept = new ArrayList<>();
  private final List<Scrubbed> inSet = new ArrayList<>();

  /**
   * The services of this file's kept sets and of the set being read, by their keys' first 64 bits.
   */
  private dev.x12gw.domain.scrub.ServiceKeySet seenInFile =
      new dev.x12gw.domain.scrub.ServiceKeySet();

  /** The service keys of the claim last admitted ({@link #serviceKeys}). */
  private java.util.Map<Integer, String> lastServiceKeys;

  /** Whether the set being read added a service to {@link #seenInFile}. */
  private boolean addedInSet;

  private String version = "";

  /** Whether {@link #forward} is built (not for a read that only scrubs). */
  private boolean forwarding = true;

  /** The 837 of the claims taken in, built as they come; null before the first. */
  private dev.x12gw.x12.ClaimForwardWriter.Batch forward;

  private dev.x12gw.x12.ClaimForwardWriter.Mark forwardAtSetStart;

  /**
   * @param before services that went out before this file (the store's, or none offline)
   * @param mode ENFORCE or ADVISE for a claim
   * @param today stands in for a claim's creation date (BHT04) when it has none
   */
  public ScrubGate(
      Scrubber scrubber,
      ServiceHistory before,
      Function<SubmittedClaim, String> mode,
      LocalDate today) {
    this.scrubber = scrubber;
    this.before = before;
    this.mode = mode;
    this.today = today;
  }

  @Override
  public void beginTransaction(Transaction transaction) {
    version = transaction.version();
    inSet.clear();
    addedInSet = false;
    forwardAtSetStart = forward == null ? null : forward.mark();
  }

  @Override
  public boolean admit(
      SubmittedClaim claim, List<String> segments, int[] positions, Delimiters delimiters) {
    List<String> keys = new ArrayList<>();
    ServiceHistory history =
        (claimRef, key) -> {
          keys.add(key);
          if (!seenInFile.add(key)) {
            return true; // an earlier line of this file
          }
          addedInSet = true;
          return before.seenBefore(claimRef, key);
        };
    Scrubber.Outcome outcome =
        scrubber.scrubAndKey(
            ScrubClaims.of(claim, segments, positions, delimiters), history, today);
    List<ScrubFinding> findings = outcome.findings();
    lastServiceKeys = outcome.serviceKeys();
    String m = mode.apply(claim);
    boolean held =
        m.equals("ENFORCE") && findings.stream().anyMatch(f -> f.severity() == Severity.HARD_STOP);
    List<String> services = keys;
    if (isVoid(claim)) {
      // not checked as duplicates: its lines' services are the ones it withdraws when it goes out
      services = List.copyOf(outcome.serviceKeys().values());
      if (!held && !services.isEmpty()) {
        services.forEach(seenInFile::remove);
        addedInSet = true; // the file's check changed: a quarantined set's void gives them back
      }
    }
    if (!held && forwarding) {
      if (forward == null) {
        forward = new dev.x12gw.x12.ClaimForwardWriter.Batch(delimiters.element());
      }
      forward.add(segments, version);
    }
    // a claim that goes out keeps its segments in the forward 837 only
    inSet.add(
        new Scrubbed(
            claim, version, held ? segments : List.of(), delimiters, findings, services, m, held));
    return !held;
  }

  @Override
  public java.util.Map<Integer, String> serviceKeys() {
    return lastServiceKeys;
  }

  @Override
  public void endTransaction(boolean accepted) {
    if (accepted) {
      kept.addAll(inSet);
    } else if (addedInSet) {
      // rare (a quarantined set): the kept sets' services again, without the set's
      seenInFile = new dev.x12gw.domain.scrub.ServiceKeySet();
      for (Scrubbed k : kept) {
        k.applyTo(seenInFile::add, seenInFile::remove);
      }
    }
    if (!accepted) {
      if (forwardAtSetStart != null) {
        forward.reset(forwardAtSetStart);
      } else {
        forward = null;
      }
    }
    inSet.clear();
    addedInSet = false;
  }

  /**
   * The gate as a reader's sink, for a read that only scrubs (the offline {@code scrub} command,
   * the backtest): the claims of kept sets are then {@link #claims()}; no {@link #forward} is
   * built.
   */
  public dev.x12gw.x12.BindingSink sink() {
    forwarding = false;
    return new dev.x12gw.x12.ClaimSegmentsSink() {
      @Override
      public void beginTransaction(Transaction transaction) {
        ScrubGate.this.beginTransaction(transaction);
      }

      @Override
      public void claimWithSegments(
          SubmittedClaim claim, List<String> segments, int[] positions, Delimiters delimiters) {
        admit(claim, segments, positions, delimiters);
      }

      @Override
      public void endTransaction(boolean accepted) {
        ScrubGate.this.endTransaction(accepted);
      }
    };
  }

  /**
   * The 837 of the claims of kept sets that were taken in, under fresh envelopes ({@link
   * dev.x12gw.x12.ClaimForwardWriter}): {@code isa} and {@code gs} the source's first, ISA13 {@code
   * controlNumber}; empty when no claim was taken in.
   */
  public java.util.Optional<String> forward(
      String isa, String gs, long controlNumber, java.time.LocalDateTime now) {
    return forward == null || forward.claims() == 0
        ? java.util.Optional.empty()
        : java.util.Optional.of(forward.write(isa, gs, controlNumber, now));
  }

  /** The claims of the kept transaction sets, in file order (a claim taken in without segments). */
  public List<Scrubbed> claims() {
    return List.copyOf(kept);
  }
}
