package dev.x12gw.store;

import dev.x12gw.domain.Money;
import dev.x12gw.domain.classification.DenialFamily;
import dev.x12gw.domain.classification.PayerFamilyStat;
import dev.x12gw.domain.classification.PayerStats;
import dev.x12gw.domain.classification.ServiceLine;
import dev.x12gw.domain.finding.DenialOverturned;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Payer intelligence in memory (for {@code analyze}), with the same rollback as the in-memory claim
 * store: {@link #begin()} starts a transaction set, {@link #rollback()} undoes it.
 *
 * <p>Each finding is tracked by its key while it can still change. When the claim store drops a
 * case (a remittance without a claim, once no claim can arrive), its findings are final: {@link
 * #fold(Collection)} keeps only their totals, so memory grows with the claims read, not with the
 * remittances. A rollback restores what the transaction set touched, from a snapshot taken the
 * first time it touched it.
 */
public final class InMemoryPayerStats implements PayerStats {
  /** An entry with its overturn, if any. */
  private record State(Entry entry, String overturnedBy, BigDecimal recovered) {}

  /** Summary bucket. */
  private record Bucket(String payer, DenialFamily family, ServiceLine line, String category) {}

  /** Totals of a bucket: findings, amount, overturned, recovered, expected recovery. */
  private static final class Totals {
    long findings;
    BigDecimal amount = BigDecimal.ZERO;
    long overturned;
    BigDecimal recovered = BigDecimal.ZERO;
    BigDecimal expected = BigDecimal.ZERO;

    void add(State s, int sign) {
      BigDecimal k = BigDecimal.valueOf(sign);
      findings += sign;
      amount = amount.add(s.entry().amount().multiply(k));
      overturned += s.overturnedBy() != null ? sign : 0;
      recovered =
          recovered.add(s.recovered() != null ? s.recovered().multiply(k) : BigDecimal.ZERO);
      expected = expected.add(s.entry().expectedRecovery().multiply(k));
    }

    void add(Totals t) {
      findings += t.findings;
      amount = amount.add(t.amount);
      overturned += t.overturned;
      recovered = recovered.add(t.recovered);
      expected = expected.add(t.expected);
    }
  }

  private static final Comparator<Bucket> ORDER =
      Comparator.comparing(Bucket::payer)
          .thenComparing(b -> b.family().name())
          .thenComparing(b -> b.line().name())
          .thenComparing(Bucket::category);

  private final Map<String, State> byKey = new HashMap<>();
  private final Map<String, String> keyByRecord = new HashMap<>();
  private final Map<String, String> keyByOverturn = new HashMap<>();

  /** Denials and overturns per payer|family, by decision date (undated under LocalDate.MAX). */
  private final Map<String, TreeMap<LocalDate, long[]>> counters = new HashMap<>();

  /** Totals of folded (final) findings. */
  private final Map<Bucket, Totals> folded = new HashMap<>();

  // the open transaction set: first-touch snapshots (null = absent before) and small deltas
  private boolean journaling;
  private final Map<String, State> byKeyBefore = new HashMap<>();
  private final Map<String, String> keyByRecordBefore = new HashMap<>();
  private final Map<String, String> keyByOverturnBefore = new HashMap<>();
  private final Map<String, Map<LocalDate, long[]>> counterDelta = new HashMap<>();
  private final Map<Bucket, Totals> foldedDelta = new HashMap<>();

  /** Starts a transaction set. */
  public void begin() {
    clearJournal();
    journaling = true;
  }

  /** Keeps the transaction set's changes. */
  public void commit() {
    foldedDelta.forEach((b, t) -> folded.computeIfAbsent(b, x -> new Totals()).add(t));
    clearJournal();
    journaling = false;
  }

  /** Undoes the transaction set's changes. */
  public void rollback() {
    restore(byKey, byKeyBefore);
    restore(keyByRecord, keyByRecordBefore);
    restore(keyByOverturn, keyByOverturnBefore);
    counterDelta.forEach(
        (key, byDate) -> byDate.forEach((date, d) -> bump(key, date, -d[0], -d[1])));
    clearJournal();
    journaling = false;
  }

  private static <V> void restore(Map<String, V> live, Map<String, V> before) {
    before.forEach(
        (k, v) -> {
          if (v == null) {
            live.remove(k);
          } else {
            live.put(k, v);
          }
        });
  }

  private void clearJournal() {
    byKeyBefore.clear();
    keyByRecordBefore.clear();
    keyByOverturnBefore.clear();
    counterDelta.clear();
    foldedDelta.clear();
  }

  @Override
  public Observed observed(
      String payerId, DenialFamily family, String excludedFindingKey, LocalDate decidedBy) {
    TreeMap<LocalDate, long[]> byDate = counters.get(payerId + "|" + family);
    if (byDate == null) {
      return new Observed(0, 0);
    }
    long denials = 0;
    long overturned = 0;
    for (long[] c : (decidedBy == null ? byDate : byDate.headMap(decidedBy, true)).values()) {
      denials += c[0];
      overturned += c[1];
    }
    State own = excludedFindingKey == null ? null : byKey.get(excludedFindingKey);
    if (own != null
        && "DENIAL".equals(own.entry().category())
        && own.entry().payerId().equals(payerId)
        && own.entry().family() == family
        && (decidedBy == null
            || (own.entry().decidedOn() != null && !own.entry().decidedOn().isAfter(decidedBy)))) {
      denials--;
      overturned -= own.overturnedBy() != null ? 1 : 0;
    }
    return new Observed(denials, overturned);
  }

  @Override
  public void classified(Entry e) {
    State old = byKey.get(e.findingKey());
    if (old != null) {
      remove(old);
    }
    put(
        new State(
            e, old != null ? old.overturnedBy() : null, old != null ? old.recovered() : null));
  }

  @Override
  public void overturned(DenialOverturned o) {
    String key = keyByRecord.get(o.deniedRecordId());
    State s = key == null ? null : byKey.get(key);
    if (s == null) {
      return;
    }
    remove(s);
    put(new State(s.entry(), o.recordId(), o.recoveredAmount()));
  }

  @Override
  public void withdrawn(String recordId) {
    String key = keyByRecord.get(recordId);
    if (key != null && byKey.containsKey(key)) {
      remove(byKey.get(key));
      return;
    }
    String denied = keyByOverturn.get(recordId);
    State s = denied == null ? null : byKey.get(denied);
    if (s != null) {
      remove(s);
      put(new State(s.entry(), null, null));
    }
  }

  /**
   * The findings of a dropped case are final: only their totals are kept (they still count in
   * {@link #summary()} and in the observed rates).
   */
  public void fold(Collection<String> findingKeys) {
    for (String key : findingKeys) {
      State s = byKey.get(key);
      if (s == null) {
        continue;
      }
      Entry e = s.entry();
      foldedDelta
          .computeIfAbsent(
              new Bucket(e.payerId(), e.family(), e.serviceLine(), e.category()), b -> new Totals())
          .add(s, 1);
      set(byKey, byKeyBefore, key, null);
      set(keyByRecord, keyByRecordBefore, e.recordId(), null);
      if (s.overturnedBy() != null) {
        set(keyByOverturn, keyByOverturnBefore, s.overturnedBy(), null);
      }
    }
    if (!journaling) {
      commit();
    }
  }

  private void put(State s) {
    Entry e = s.entry();
    set(byKey, byKeyBefore, e.findingKey(), s);
    set(keyByRecord, keyByRecordBefore, e.recordId(), e.findingKey());
    if (s.overturnedBy() != null) {
      set(keyByOverturn, keyByOverturnBefore, s.overturnedBy(), e.findingKey());
    }
    count(s, 1);
  }

  private void remove(State s) {
    Entry e = s.entry();
    set(byKey, byKeyBefore, e.findingKey(), null);
    set(keyByRecord, keyByRecordBefore, e.recordId(), null);
    if (s.overturnedBy() != null) {
      set(keyByOverturn, keyByOverturnBefore, s.overturnedBy(), null);
    }
    count(s, -1);
  }

  /**
   * Sets (or, with null, removes) a value; inside a transaction set the value before its first
   * change is kept. A value created and removed within the set needs no snapshot: a rollback
   * removes it anyway, so its snapshot is dropped to keep memory bounded.
   */
  private static <V> void apply(Map<String, V> live, Map<String, V> before, String key, V value) {
    V old = value == null ? live.remove(key) : live.put(key, value);
    if (before != null) {
      if (!before.containsKey(key)) {
        before.put(key, old);
      } else if (value == null && before.get(key) == null) {
        before.remove(key);
      }
    }
  }

  private <V> void set(Map<String, V> live, Map<String, V> before, String key, V value) {
    apply(live, journaling ? before : null, key, value);
  }

  private void count(State s, int sign) {
    if (!"DENIAL".equals(s.entry().category())) {
      return;
    }
    String key = s.entry().payerId() + "|" + s.entry().family();
    LocalDate date = s.entry().decidedOn() != null ? s.entry().decidedOn() : LocalDate.MAX;
    long overturned = s.overturnedBy() != null ? sign : 0;
    bump(key, date, sign, overturned);
    if (journaling) {
      long[] d =
          counterDelta
              .computeIfAbsent(key, k -> new HashMap<>())
              .computeIfAbsent(date, x -> new long[2]);
      d[0] += sign;
      d[1] += overturned;
    }
  }

  private void bump(String key, LocalDate date, long denials, long overturned) {
    TreeMap<LocalDate, long[]> byDate = counters.computeIfAbsent(key, k -> new TreeMap<>());
    long[] c = byDate.computeIfAbsent(date, d -> new long[2]);
    c[0] += denials;
    c[1] += overturned;
    if (c[0] == 0 && c[1] == 0) {
      byDate.remove(date);
      if (byDate.isEmpty()) {
        counters.remove(key);
      }
    }
  }

  @Override
  public List<PayerFamilyStat> summary() {
    Map<Bucket, Totals> all = new TreeMap<>(ORDER);
    folded.forEach((b, t) -> all.computeIfAbsent(b, x -> new Totals()).add(t));
    foldedDelta.forEach((b, t) -> all.computeIfAbsent(b, x -> new Totals()).add(t));
    for (State s : byKey.values()) {
      Entry e = s.entry();
      all.computeIfAbsent(
              new Bucket(e.payerId(), e.family(), e.serviceLine(), e.category()), b -> new Totals())
          .add(s, 1);
    }
    List<PayerFamilyStat> out = new ArrayList<>();
    all.forEach(
        (b, t) -> {
          if (t.findings > 0) {
            out.add(
                new PayerFamilyStat(
                    b.payer(),
                    b.family(),
                    b.line(),
                    b.category(),
                    t.findings,
                    money(t.amount),
                    t.overturned,
                    money(t.recovered),
                    money(t.expected)));
          }
        });
    return out;
  }

  private static BigDecimal money(BigDecimal v) {
    return Money.normalize(v.signum() == 0 ? Money.ZERO : v.stripTrailingZeros());
  }
}
