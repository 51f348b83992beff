package dev.x12gw.cli;

/**
 * The record ids already written by {@code analyze}, kept as 64-bit fingerprints in an
 * open-addressing table (8 bytes an id instead of a String's ~100): a 1 GB 835 yields over a
 * million records. Two different ids share a fingerprint with a probability around n²/2⁶⁵ (about
 * 10⁻⁷ for a million records).
 */
final class RecordIdSet {
  private static final long EMPTY = 0;
  private long[] table = new long[1 << 16];
  private int size;

  /** True when the id was not in the set (it is now). */
  boolean add(String recordId) {
    return add(fingerprint(recordId));
  }

  /** True when the fingerprint was not in the set (it is now). */
  boolean add(long key) {
    if ((size + 1) * 2 > table.length) {
      grow();
    }
    int i = slot(key, table.length);
    while (table[i] != EMPTY) {
      if (table[i] == key) {
        return false;
      }
      i = (i + 1) & (table.length - 1);
    }
    table[i] = key;
    size++;
    return true;
  }

  /** Removes a fingerprint (linear probing with backward-shift deletion). */
  void remove(long key) {
    int mask = table.length - 1;
    int i = slot(key, table.length);
    while (table[i] != key) {
      if (table[i] == EMPTY) {
        return;
      }
      i = (i + 1) & mask;
    }
    table[i] = EMPTY;
    size--;
    int j = i;
    while (true) {
      j = (j + 1) & mask;
      if (table[j] == EMPTY) {
        return;
      }
      int home = slot(table[j], table.length);
      boolean between = i <= j ? (i < home && home <= j) : (i < home || home <= j);
      if (!between) {
        table[i] = table[j];
        table[j] = EMPTY;
        i = j;
      }
    }
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    for (long key : old) {
      if (key != EMPTY) {
        int i = slot(key, table.length);
        while (table[i] != EMPTY) {
          i = (i + 1) & (table.length - 1);
        }
        table[i] = key;
      }
    }
  }

  private static int slot(long key, int length) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 40) & (length - 1);
  }

  /** 64 bits of the id (its first 16 hex digits when it is one of ours), never 0. */
  static long fingerprint(String id) {
    long h = 1125899906842597L;
    String hex = id.replace("-", "");
    if (hex.length() >= 16 && hex.chars().limit(16).allMatch(c -> Character.digit(c, 16) >= 0)) {
      h = Long.parseUnsignedLong(hex.substring(0, 16), 16);
    } else {
      for (int i = 0; i < id.length(); i++) {
        h = 31 * h + id.charAt(i);
      }
    }
    return h == EMPTY ? 1 : h;
  }
}
