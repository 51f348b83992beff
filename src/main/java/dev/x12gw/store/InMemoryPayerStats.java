package dev.x12gw.store;

import dev.x12gw.domain.DenialOverturned;
import dev.x12gw.domain.Money;
import dev.x12gw.domain.classification.DenialFamily;
import dev.x12gw.domain.classification.PayerFamilyStat;
import dev.x12gw.domain.classification.PayerStats;
import dev.x12gw.domain.classification.ServiceLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Payer intelligence in memory (for {@code analyze}), with the same rollback as the in-memory claim
 * store: {@link #begin()} starts a transaction set, {@link #rollback()} undoes it.
 */
public final class InMemoryPayerStats implements PayerStats {
  /** An entry with its overturn, if any. */
  private record State(Entry entry, String overturnedBy, BigDecimal recovered) {}

  private final Map<String, State> byKey = new HashMap<>();
  private final Map<String, String> keyByRecord = new HashMap<>();
  private final Map<String, String> keyByOverturn = new HashMap<>();

  /** Denials and overturns per payer|family, by decision date (undated under LocalDate.MAX). */
  private final Map<String, TreeMap<LocalDate, long[]>> counters = new HashMap<>();

  private final Deque<Runnable> undo = new ArrayDeque<>();
  private boolean journaling;

  /** Starts a transaction set. */
  public void begin() {
    undo.clear();
    journaling = true;
  }

  /** Keeps the transaction set's changes. */
  public void commit() {
    undo.clear();
    journaling = false;
  }

  /** Undoes the transaction set's changes. */
  public void rollback() {
    while (!undo.isEmpty()) {
      undo.pop().run();
    }
    journaling = false;
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

  private void put(State s) {
    Entry e = s.entry();
    set(byKey, e.findingKey(), s);
    set(keyByRecord, e.recordId(), e.findingKey());
    if (s.overturnedBy() != null) {
      set(keyByOverturn, s.overturnedBy(), e.findingKey());
    }
    count(s, 1);
  }

  private void remove(State s) {
    Entry e = s.entry();
    set(byKey, e.findingKey(), null);
    set(keyByRecord, e.recordId(), null);
    if (s.overturnedBy() != null) {
      set(keyByOverturn, s.overturnedBy(), null);
    }
    count(s, -1);
  }

  private void count(State s, int sign) {
    if (!"DENIAL".equals(s.entry().category())) {
      return;
    }
    add(s, sign);
    if (journaling) {
      undo.push(() -> add(s, -sign));
    }
  }

  private void add(State s, int sign) {
    String key = s.entry().payerId() + "|" + s.entry().family();
    LocalDate date = s.entry().decidedOn() != null ? s.entry().decidedOn() : LocalDate.MAX;
    TreeMap<LocalDate, long[]> byDate = counters.computeIfAbsent(key, k -> new TreeMap<>());
    long[] c = byDate.computeIfAbsent(date, d -> new long[2]);
    c[0] += sign;
    c[1] += s.overturnedBy() != null ? sign : 0;
    if (c[0] == 0) {
      byDate.remove(date);
      if (byDate.isEmpty()) {
        counters.remove(key);
      }
    }
  }

  /** Sets or removes a value, journaling the old one inside a transaction set. */
  private <K, V> void set(Map<K, V> map, K key, V value) {
    V old = value == null ? map.remove(key) : map.put(key, value);
    if (journaling) {
      undo.push(
          () -> {
            if (old == null) {
              map.remove(key);
            } else {
              map.put(key, old);
            }
          });
    }
  }

  @Override
  public List<PayerFamilyStat> summary() {
    record Key(String payer, DenialFamily family, ServiceLine line, String category) {}
    Map<Key, PayerFamilyStat> out =
        new TreeMap<>(
            Comparator.comparing(Key::payer)
                .thenComparing(k -> k.family().name())
                .thenComparing(k -> k.line().name())
                .thenComparing(Key::category));
    for (State s : byKey.values()) {
      Entry e = s.entry();
      Key k = new Key(e.payerId(), e.family(), e.serviceLine(), e.category());
      PayerFamilyStat before =
          out.getOrDefault(
              k,
              new PayerFamilyStat(
                  k.payer(),
                  k.family(),
                  k.line(),
                  k.category(),
                  0,
                  Money.ZERO,
                  0,
                  Money.ZERO,
                  Money.ZERO));
      out.put(
          k,
          new PayerFamilyStat(
              k.payer(),
              k.family(),
              k.line(),
              k.category(),
              before.findings() + 1,
              Money.normalize(before.amount().add(e.amount())),
              before.overturned() + (s.overturnedBy() != null ? 1 : 0),
              Money.normalize(
                  before.recovered().add(s.recovered() != null ? s.recovered() : BigDecimal.ZERO)),
              Money.normalize(before.expectedRecovery().add(e.expectedRecovery()))));
    }
    return new ArrayList<>(out.values());
  }
}
