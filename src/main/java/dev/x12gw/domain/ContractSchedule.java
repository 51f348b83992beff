package dev.x12gw.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Payer contracts: every {@link ContractRate} in force, looked up by payer (835 loop 1000A) and
 * procedure (SVC01 / SV1-01).
 *
 * <p>Immutable. Rates are indexed by normalised payer id and procedure code. Two rates for the same
 * payer, procedure and modifier whose date ranges share a day are refused when the schedule is
 * built, so a contract never has two answers for one line.
 */
public final class ContractSchedule {
  private static final ContractSchedule EMPTY = new ContractSchedule(List.of(), Map.of());

  private final List<ContractRate> rates;
  private final Map<Key, List<Entry>> index;

  private record Key(String payerKey, String procedureCode) {}

  /** A rate with its position in the loaded order (the last tie-breaker). */
  private record Entry(int order, ContractRate rate) {}

  /** A matching rate with where its modifier stands on the line. */
  private record Candidate(Entry entry, int modifierPosition) {}

  /** Specific modifier first (earliest on the line), then latest start, then loaded first. */
  private static final Comparator<Candidate> PREFERENCE =
      Comparator.comparingInt(Candidate::modifierPosition)
          .thenComparing(
              c -> c.entry().rate().effectiveFrom(),
              Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()).reversed())
          .thenComparingInt(c -> c.entry().order());

  private ContractSchedule(List<ContractRate> rates, Map<Key, List<Entry>> index) {
    this.rates = rates;
    this.index = index;
  }

  /**
   * A schedule of these rates, in this order.
   *
   * @throws IllegalArgumentException when two rates for the same payer, procedure and modifier
   *     overlap in time; the message names both rates' sources
   */
  public static ContractSchedule of(List<ContractRate> rates) {
    List<ContractRate> copy = List.copyOf(rates);
    if (copy.isEmpty()) {
      return EMPTY;
    }
    Map<Key, List<Entry>> building = new HashMap<>();
    for (int i = 0; i < copy.size(); i++) {
      ContractRate rate = copy.get(i);
      List<Entry> bucket =
          building.computeIfAbsent(
              new Key(rate.payerKey(), rate.procedureCode()), k -> new ArrayList<>());
      for (Entry earlier : bucket) {
        ContractRate other = earlier.rate();
        if (other.modifier().equals(rate.modifier()) && other.overlaps(rate)) {
          throw new IllegalArgumentException(
              "overlapping contract rates for payer "
                  + rate.payerKey()
                  + ", procedure "
                  + describe(rate)
                  + ": "
                  + other.source()
                  + " ("
                  + other.period()
                  + ") and "
                  + rate.source()
                  + " ("
                  + rate.period()
                  + ")");
        }
      }
      bucket.add(new Entry(i, rate));
    }
    Map<Key, List<Entry>> index = new HashMap<>();
    building.forEach((k, v) -> index.put(k, List.copyOf(v)));
    return new ContractSchedule(copy, Map.copyOf(index));
  }

  /** A schedule without rates. */
  public static ContractSchedule empty() {
    return EMPTY;
  }

  /**
   * True when any rate is for one of these payers (normalised as by {@link
   * RemittanceHeader#payerKey}).
   */
  public boolean hasPayer(Collection<String> payerKeys) {
    if (index.isEmpty() || payerKeys == null) {
      return false;
    }
    Set<String> keys = new LinkedHashSet<>();
    for (String k : payerKeys) {
      keys.add(RemittanceHeader.payerKey(k));
    }
    return index.keySet().stream().anyMatch(k -> keys.contains(k.payerKey()));
  }

  public boolean isEmpty() {
    return rates.isEmpty();
  }

  public int size() {
    return rates.size();
  }

  /** Every rate, in the order given to {@link #of(List)}. */
  public List<ContractRate> rates() {
    return rates;
  }

  /**
   * The rate that applies to a service line.
   *
   * <p>A rate matches when its normalised payer id is one of {@code payerKeys}, its procedure code
   * equals {@code procedureCode} (ignoring case and surrounding blanks), it {@link
   * ContractRate#appliesTo(List) applies to} the line's modifiers and it {@link
   * ContractRate#covers(LocalDate) covers} the service date (a null date is covered by every rate).
   * Among matching rates the first by these rules wins:
   *
   * <ol>
   *   <li>a rate for a specific modifier beats a rate for any modifier; among specific ones, the
   *       one whose modifier comes first in {@code modifiers};
   *   <li>the latest {@code effectiveFrom} (an open start counts as the oldest);
   *   <li>the rate loaded first.
   * </ol>
   *
   * @param payerKeys the payer's identifiers, normalised as by {@link
   *     RemittanceHeader#payerKey(String)} (e.g. {@link RemittanceHeader#payerKeys()})
   * @param procedureCode SVC01-2 / SV1-01-2 procedure code
   * @param modifiers the line's modifiers in the order sent, or null for none
   * @param serviceDate the date of service, or null when unknown
   */
  public Optional<ContractRate> find(
      Collection<String> payerKeys,
      String procedureCode,
      List<String> modifiers,
      LocalDate serviceDate) {
    if (index.isEmpty() || payerKeys == null || procedureCode == null) {
      return Optional.empty();
    }
    String code = procedureCode.trim().toUpperCase(Locale.ROOT);
    Set<String> payers = new LinkedHashSet<>();
    for (String payerKey : payerKeys) {
      if (payerKey != null && !payerKey.isBlank()) {
        payers.add(RemittanceHeader.payerKey(payerKey));
      }
    }
    Candidate best = null;
    for (String payer : payers) {
      for (Entry entry : index.getOrDefault(new Key(payer, code), List.of())) {
        ContractRate rate = entry.rate();
        int position = rate.modifierPosition(modifiers);
        if (position < 0 || !rate.covers(serviceDate)) {
          continue;
        }
        Candidate candidate = new Candidate(entry, position);
        if (best == null || PREFERENCE.compare(candidate, best) < 0) {
          best = candidate;
        }
      }
    }
    return best == null ? Optional.empty() : Optional.of(best.entry().rate());
  }

  private static String describe(ContractRate rate) {
    return rate.modifier().isEmpty()
        ? rate.procedureCode() + " (any modifier)"
        : rate.procedureCode() + "-" + rate.modifier();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContractSchedule other && rates.equals(other.rates);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rates);
  }

  @Override
  public String toString() {
    return "ContractSchedule[" + rates.size() + " rates]";
  }
}
