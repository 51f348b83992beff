package dev.x12gw.domain.scrub;

/**
 * A set of service keys ({@link ServiceHistory#key}, SHA-256 in hex) by their first 64 bits, open
 * addressing over a {@code long[]}: a duplicate check once per service line without a string hash
 * or an object per key, 8 to 16 bytes a key. Two different services share 64 bits with odds of
 * about 1 in 10^10 over a million lines. Not thread-safe.
 */
public final class ServiceKeySet {
  private long[] table = new long[1 << 12];
  private boolean hasZero;
  private int size;

  /** The first 64 bits of a key. */
  public static long prefix(String key) {
    return Long.parseUnsignedLong(key, 0, 16, 16);
  }

  /** Adds the key; false when it was there. */
  public boolean add(String key) {
    return add(prefix(key));
  }

  /** Adds a key by its first 64 bits; false when it was there. */
  public boolean add(long v) {
    if (v == 0) {
      boolean added = !hasZero;
      hasZero = true;
      return added;
    }
    if ((size + 1) * 2 > table.length) {
      grow();
    }
    return insert(table, v);
  }

  /** True when the key is in the set. */
  public boolean contains(String key) {
    long v = prefix(key);
    if (v == 0) {
      return hasZero;
    }
    int mask = table.length - 1;
    for (int i = (int) (v ^ (v >>> 32)) & mask; table[i] != 0; i = (i + 1) & mask) {
      if (table[i] == v) {
        return true;
      }
    }
    return false;
  }

  public int size() {
    return size + (hasZero ? 1 : 0);
  }

  private boolean insert(long[] t, long v) {
    int mask = t.length - 1;
    int i = (int) (v ^ (v >>> 32)) & mask;
    while (t[i] != 0) {
      if (t[i] == v) {
        return false;
      }
      i = (i + 1) & mask;
    }
    t[i] = v;
    size++;
    return true;
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    size = 0;
    for (long v : old) {
      if (v != 0) {
        insert(table, v);
      }
    }
  }
}
