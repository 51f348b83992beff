package dev.x12gw.domain.contract;

import dev.x12gw.domain.claim.Provider;
import dev.x12gw.domain.remittance.RemittanceHeader;
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
 * Payer contracts: every {@link ContractRate} in force, looked up by payer (835 loop 1000A),
 * billing provider (837 loop 2010AA NM1*85 / REF*EI) and procedure (SVC01 / SV1-01).
 *
 * <p>Immutable. Rates are indexed by normalised payer id and procedure code, and by payer and
 * provider. A rate for a named provider (billing NPI, TIN or both) beats a payer-wide rate for the
 * same line. Two rates for the same payer, provider scope, procedure and modifier whose date ranges
 * share a day are refused when the schedule is built, so a contract never has two answers for one
 * line.
 */
public final class ContractSchedule {
  private static final ContractSchedule EMPTY = new ContractSchedule(List.of(), Map.of(), Map.of());

  private final List<ContractRate> rates;
  private final Map<Key, List<Entry>> index;
  private final Map<String, PayerRows> byPayer;

  private record Key(String payerKey, String procedureCode) {}

  /** A rate with its position in the loaded order (the last tie-breaker). */
  private record Entry(int order, ContractRate rate) {}

  /** A matching rate with how closely it names the provider and where its modifier stands. */
  private record Candidate(Entry entry, int providerSpecificity, int modifierPosition) {}

  /** One payer's rates: payer-wide ones, and those naming a provider by NPI and by TIN. */
  private record PayerRows(
      List<Entry> wide, Map<String, List<Entry>> byNpi, Map<String, List<Entry>> byTin) {}

  /**
   * The provider's own rate first (NPI and TIN, then NPI, then TIN, then payer-wide), then a
   * specific modifier (earliest on the line), then the latest start, then the rate loaded first.
   */
  private static final Comparator<Candidate> PREFERENCE =
      Comparator.comparingInt((Candidate c) -> -c.providerSpecificity())
          .thenComparingInt(Candidate::modifierPosition)
          .thenComparing(
              c -> c.entry().rate().effectiveFrom(),
              Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()).reversed())
          .thenComparingInt(c -> c.entry().order());

  private ContractSchedule(
      List<ContractRate> rates, Map<Key, List<Entry>> index, Map<String, PayerRows> byPayer) {
    this.rates = rates;
    this.index = index;
    this.byPayer = byPayer;
  }

  /**
   * A schedule of these rates, in this order.
   *
   * @throws IllegalArgumentException when two rates for the same payer, provider scope, procedure
   *     and modifier overlap in time; the message names both rates' sources
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
        if (other.modifier().equals(rate.modifier())
            && other.provider().equals(rate.provider())
            && other.overlaps(rate)) {
          throw new IllegalArgumentException(
              "overlapping contract rates for payer "
                  + rate.payerKey()
                  + (rate.provider().any() ? "" : ", " + rate.provider().describe())
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
    Map<String, List<Entry>> wide = new HashMap<>();
    Map<String, Map<String, List<Entry>>> byNpi = new HashMap<>();
    Map<String, Map<String, List<Entry>>> byTin = new HashMap<>();
    for (int i = 0; i < copy.size(); i++) {
      ContractRate rate = copy.get(i);
      Entry e = new Entry(i, rate);
      ProviderScope scope = rate.provider();
      if (scope.any()) {
        wide.computeIfAbsent(rate.payerKey(), k -> new ArrayList<>()).add(e);
      }
      if (!scope.npi().isEmpty()) {
        byNpi
            .computeIfAbsent(rate.payerKey(), k -> new HashMap<>())
            .computeIfAbsent(scope.npi(), k -> new ArrayList<>())
            .add(e);
      } else if (!scope.tin().isEmpty()) {
        byTin
            .computeIfAbsent(rate.payerKey(), k -> new HashMap<>())
            .computeIfAbsent(scope.tin(), k -> new ArrayList<>())
            .add(e);
      }
    }
    Set<String> payers = new LinkedHashSet<>(wide.keySet());
    payers.addAll(byNpi.keySet());
    payers.addAll(byTin.keySet());
    Map<String, PayerRows> byPayer = new HashMap<>();
    for (String payer : payers) {
      byPayer.put(
          payer,
          new PayerRows(
              List.copyOf(wide.getOrDefault(payer, List.of())),
              copyLists(byNpi.getOrDefault(payer, Map.of())),
              copyLists(byTin.getOrDefault(payer, Map.of()))));
    }
    return new ContractSchedule(copy, Map.copyOf(index), Map.copyOf(byPayer));
  }

  private static Map<String, List<Entry>> copyLists(Map<String, List<Entry>> m) {
    Map<String, List<Entry>> out = new HashMap<>();
    m.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return Map.copyOf(out);
  }

  /** A schedule without rates. */
  public static ContractSchedule empty() {
    return EMPTY;
  }

  /**
   * The contract row that puts a billing provider under contract with a payer on a date: the first
   * row loaded, for one of these payers, that names the provider (NPI and TIN, then NPI, then TIN)
   * and is in effect on the date; else the first payer-wide row in effect on the date. Empty when
   * the provider has no contract rows with the payer for that date (a null date is covered by every
   * row).
   *
   * @param payerKeys the payer's identifiers (normalised as by {@link RemittanceHeader#payerKey})
   * @param provider the billing provider (837 NM1*85 with REF*EI, else the 835 payee), or null
   * @param date the date of service, or null
   */
  public Optional<ContractRate> rowFor(
      Collection<String> payerKeys, Provider provider, LocalDate date) {
    if (byPayer.isEmpty() || payerKeys == null) {
      return Optional.empty();
    }
    Entry best = null;
    int bestSpecificity = -1;
    Entry wide = null;
    for (String k : payerKeys) {
      PayerRows rows = byPayer.get(RemittanceHeader.payerKey(k));
      if (rows == null) {
        continue;
      }
      List<Entry> named = new ArrayList<>();
      if (provider != null && !provider.npi().isEmpty()) {
        named.addAll(rows.byNpi().getOrDefault(provider.npi(), List.of()));
      }
      if (provider != null && !provider.taxId().isEmpty()) {
        named.addAll(rows.byTin().getOrDefault(provider.taxId(), List.of()));
      }
      for (Entry e : named) {
        int specificity = e.rate().provider().specificity(provider);
        if (specificity <= 0 || !e.rate().covers(date)) {
          continue;
        }
        if (best == null
            || specificity > bestSpecificity
            || (specificity == bestSpecificity && e.order() < best.order())) {
          best = e;
          bestSpecificity = specificity;
        }
      }
      for (Entry e : rows.wide()) {
        if (e.rate().covers(date)) {
          if (wide == null || e.order() < wide.order()) {
            wide = e;
          }
          break;
        }
      }
    }
    Entry chosen = best != null ? best : wide;
    return chosen == null ? Optional.empty() : Optional.of(chosen.rate());
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
   * The payer-wide rate that applies to a service line of a provider the caller does not know: as
   * {@link #find(Collection, Provider, String, List, LocalDate)} with no provider, so only rates
   * for every provider apply.
   */
  public Optional<ContractRate> find(
      Collection<String> payerKeys,
      String procedureCode,
      List<String> modifiers,
      LocalDate serviceDate) {
    return find(payerKeys, null, procedureCode, modifiers, serviceDate);
  }

  /**
   * The rate that applies to a service line.
   *
   * <p>A rate matches when its normalised payer id is one of {@code payerKeys}, its provider scope
   * {@link ProviderScope#specificity applies to} the billing provider, its procedure code equals
   * {@code procedureCode} (ignoring case and surrounding blanks), it {@link
   * ContractRate#appliesTo(List) applies to} the line's modifiers and it {@link
   * ContractRate#covers(LocalDate) covers} the service date (a null date is covered by every rate).
   * Among matching rates the first by these rules wins:
   *
   * <ol>
   *   <li>a rate that names the provider beats a payer-wide rate: NPI and TIN, then NPI, then TIN;
   *   <li>a rate for a specific modifier beats a rate for any modifier; among specific ones, the
   *       one whose modifier comes first in {@code modifiers};
   *   <li>the latest {@code effectiveFrom} (an open start counts as the oldest);
   *   <li>the rate loaded first.
   * </ol>
   *
   * @param payerKeys the payer's identifiers, normalised as by {@link
   *     RemittanceHeader#payerKey(String)} (e.g. {@link RemittanceHeader#payerKeys()})
   * @param provider the billing provider (837 NM1*85 with REF*EI, else the 835 payee), or null when
   *     unknown (then only payer-wide rates apply)
   * @param procedureCode SVC01-2 / SV1-01-2 procedure code
   * @param modifiers the line's modifiers in the order sent, or null for none
   * @param serviceDate the date of service, or null when unknown
   */
  public Optional<ContractRate> find(
      Collection<String> payerKeys,
      Provider provider,
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
        int specificity = rate.provider().specificity(provider);
        int position = rate.modifierPosition(modifiers);
        if (specificity < 0 || position < 0 || !rate.covers(serviceDate)) {
          continue;
        }
        Candidate candidate = new Candidate(entry, specificity, position);
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
