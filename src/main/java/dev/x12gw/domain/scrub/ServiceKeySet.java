package dev.x12gw.domain.scrub;

/**
 * Service keys ({@link ServiceHistory#key}, SHA-256 in hex) by their first 64 bits, each with how
 * many claims in force hold it: open addressing over a {@code long[]} and an {@code int[]} of
 * counts, a duplicate check once per service line without a string hash or an object per key, 12 to
 * 24 bytes a key. A claim adds its services; a void (CLM05-3 8) withdraws them, so the service may
 * be billed again; a key whose count is back to zero is no longer {@link #contains contained}. Two
 * different services share 64 bits with odds of about 1 in 10^10 over a million lines. Not
 * thread-safe.
 */
public final class ServiceKeySet {
  private long[] table = new long[1 << 12];
  private int[] counts = new int[1 << 12];

  /** Slots in use (keys ever added, whatever their count). */
  private int slots;

  /** Keys with a count above zero. */
  private int size;

  /** The count of the key whose first 64 bits are 0 (0 marks a free slot). */
  private int zeroCount;

  /** The first 64 bits of a key. */
  public static long prefix(String key) {
    return Long.parseUnsignedLong(key, 0, 16, 16);
  }

  /** Adds one claim's service of the key; false when the key was held already. */
  public boolean add(String key) {
    return add(prefix(key));
  }

  /** Adds one claim's service by the key's first 64 bits; false when it was held already. */
  public boolean add(long v) {
    int i = slot(v, true);
    int before = i < 0 ? zeroCount++ : counts[i]++;
    if (before == 0) {
      size++;
    }
    return before == 0;
  }

  /**
   * Adds the key unless it is held already (a replacement, CLM05-3 7, stands for the claim it
   * replaces: its services count once with that claim's); false when it was held.
   */
  public boolean addIfAbsent(long v) {
    return !contains(v) && add(v);
  }

  /**
   * Withdraws one claim's service of the key (a void); a key not held stays not held (a void of a
   * claim never seen withdraws nothing). False when the key was not held.
   */
  public boolean remove(long v) {
    int i = slot(v, false);
    if (i == -2) {
      return false;
    }
    int before = i < 0 ? zeroCount : counts[i];
    if (before == 0) {
      return false;
    }
    if (i < 0) {
      zeroCount--;
    } else {
      counts[i]--;
    }
    if (before == 1) {
      size--;
    }
    return true;
  }

  /** Withdraws one claim's service of the key ({@link #remove(long)}). */
  public boolean remove(String key) {
    return remove(prefix(key));
  }

  /** True when a claim in force holds the key. */
  public boolean contains(String key) {
    return contains(prefix(key));
  }

  /** True when a claim in force holds the key of these first 64 bits. */
  public boolean contains(long v) {
    int i = slot(v, false);
    return i == -1 ? zeroCount > 0 : i >= 0 && counts[i] > 0;
  }

  /** Keys held (a count above zero). */
  public int size() {
    return size;
  }

  /**
   * The slot of {@code v}: -1 for the zero key, -2 when absent and not {@code create}d; a new slot
   * (count 0) when absent and {@code create}d.
   */
  private int slot(long v, boolean create) {
    if (v == 0) {
      return -1;
    }
    int mask = table.length - 1;
    int i = (int) (v ^ (v >>> 32)) & mask;
    while (table[i] != 0) {
      if (table[i] == v) {
        return i;
      }
      i = (i + 1) & mask;
    }
    if (!create) {
      return -2;
    }
    if ((slots + 1) * 2 > table.length) {
      grow();
      return slot(v, true);
    }
    table[i] = v;
    slots++;
    return i;
  }

  private void grow() {
    long[] oldTable = table;
    int[] oldCounts = counts;
    table = new long[oldTable.length * 2];
    counts = new int[oldTable.length * 2];
    slots = 0;
    for (int j = 0; j < oldTable.length; j++) {
      if (oldTable[j] != 0) {
        counts[slot(oldTable[j], true)] = oldCounts[j];
      }
    }
  }
}
