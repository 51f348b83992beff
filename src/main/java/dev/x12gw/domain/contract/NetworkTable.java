package dev.x12gw.domain.contract;

import dev.x12gw.domain.claim.Provider;
import dev.x12gw.domain.remittance.RemittanceHeader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 835 loop 1000A payer × 837 loop 2010AA billing provider: every configured network status.
 *
 * <p>Immutable. A look-up takes, among the rows of the payer that apply to the provider and cover
 * the date of service, the one that names the provider most closely (NPI and TIN, then NPI, then
 * TIN, then a payer-wide row), then the latest {@code effectiveFrom}, then the row loaded first.
 * Two rows for the same payer and provider scope whose dates share a day are refused.
 */
public final class NetworkTable {
  private static final NetworkTable EMPTY = new NetworkTable(List.of(), Map.of());

  private final List<NetworkRow> rows;
  private final Map<String, List<Ranked>> byPayer;

  /** A row with its position in the loaded order (the last tie-breaker). */
  private record Ranked(int order, NetworkRow row) {}

  private NetworkTable(List<NetworkRow> rows, Map<String, List<Ranked>> byPayer) {
    this.rows = rows;
    this.byPayer = byPayer;
  }

  /** No configured status: every decision falls to the contracts. */
  public static NetworkTable empty() {
    return EMPTY;
  }

  /**
   * A table of these rows, in this order.
   *
   * @throws IllegalArgumentException when two rows for the same payer and provider scope overlap in
   *     time; the message names both sources
   */
  public static NetworkTable of(List<NetworkRow> rows) {
    List<NetworkRow> copy = List.copyOf(rows);
    if (copy.isEmpty()) {
      return EMPTY;
    }
    Map<String, List<Ranked>> building = new HashMap<>();
    for (int i = 0; i < copy.size(); i++) {
      NetworkRow row = copy.get(i);
      List<Ranked> bucket = building.computeIfAbsent(row.payerKey(), k -> new ArrayList<>());
      for (Ranked r : bucket) {
        NetworkRow earlier = r.row();
        if (earlier.provider().equals(row.provider()) && earlier.overlaps(row)) {
          throw new IllegalArgumentException(
              "two network statuses for payer "
                  + row.payerKey()
                  + (row.provider().any() ? "" : " and " + row.provider().describe())
                  + " on the same days: "
                  + earlier.source()
                  + " ("
                  + earlier.period()
                  + ") and "
                  + row.source()
                  + " ("
                  + row.period()
                  + ")");
        }
      }
      bucket.add(new Ranked(i, row));
    }
    Map<String, List<Ranked>> byPayer = new HashMap<>();
    building.forEach((k, v) -> byPayer.put(k, List.copyOf(v)));
    return new NetworkTable(copy, Map.copyOf(byPayer));
  }

  /** Every row, in the order given to {@link #of(List)}. */
  public List<NetworkRow> rows() {
    return rows;
  }

  /**
   * The configured status of a provider with a payer on a date, or empty when none is configured.
   *
   * @param payerKeys the payer's identifiers (normalised as by {@link RemittanceHeader#payerKey})
   * @param provider the billing provider, or null when unknown (then only payer-wide rows apply)
   * @param date the date of service, or null (covered by every row)
   */
  public Optional<NetworkRow> find(
      Collection<String> payerKeys, Provider provider, LocalDate date) {
    if (byPayer.isEmpty() || payerKeys == null) {
      return Optional.empty();
    }
    NetworkRow best = null;
    int bestSpecificity = -1;
    int bestOrder = Integer.MAX_VALUE;
    for (String k : payerKeys) {
      for (Ranked ranked : byPayer.getOrDefault(RemittanceHeader.payerKey(k), List.of())) {
        NetworkRow row = ranked.row();
        int specificity = row.provider().specificity(provider);
        if (specificity < 0 || !row.covers(date)) {
          continue;
        }
        int order = ranked.order();
        boolean better =
            best == null
                || specificity > bestSpecificity
                || (specificity == bestSpecificity && laterStart(row, best))
                || (specificity == bestSpecificity && sameStart(row, best) && order < bestOrder);
        if (better) {
          best = row;
          bestSpecificity = specificity;
          bestOrder = order;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private static boolean laterStart(NetworkRow a, NetworkRow b) {
    if (a.effectiveFrom() == null) {
      return false;
    }
    return b.effectiveFrom() == null || a.effectiveFrom().isAfter(b.effectiveFrom());
  }

  private static boolean sameStart(NetworkRow a, NetworkRow b) {
    return a.effectiveFrom() == null
        ? b.effectiveFrom() == null
        : a.effectiveFrom().equals(b.effectiveFrom());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NetworkTable other && rows.equals(other.rows);
  }

  @Override
  public int hashCode() {
    return rows.hashCode();
  }

  @Override
  public String toString() {
    return "NetworkTable[" + rows.size() + " rows]";
  }
}
