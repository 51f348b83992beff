package dev.x12gw.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The file's duplicate check: service keys by their first 64 bits. */
class ScrubGateServiceSetTest {
  private static String key(long first64, String rest) {
    return String.format("%016x", first64) + rest;
  }

  @Test
  void aKeyIsAddedOnceAcrossGrowth() {
    dev.x12gw.domain.scrub.ServiceKeySet set = new dev.x12gw.domain.scrub.ServiceKeySet();
    for (long i = 1; i <= 20_000; i++) {
      assertThat(set.add(key(i * 0x9E3779B97F4A7C15L, "ab".repeat(24)))).isTrue();
    }
    for (long i = 1; i <= 20_000; i++) {
      assertThat(set.add(key(i * 0x9E3779B97F4A7C15L, "cd".repeat(24)))).isFalse();
    }
    assertThat(set.add(key(0, "ef".repeat(24)))).isTrue();
    assertThat(set.add(key(0, "ef".repeat(24)))).isFalse();
    assertThat(set.add(key(-1L, "00".repeat(24)))).isTrue();
    assertThat(set.add(key(-1L, "00".repeat(24)))).isFalse();
    assertThat(set.contains(key(7 * 0x9E3779B97F4A7C15L, "99".repeat(24)))).isTrue();
    assertThat(set.contains(key(12345, "99".repeat(24)))).isFalse();
    assertThat(set.size()).isEqualTo(20_002);
  }

  /**
   * Each key counts the claims that hold it: a void withdraws one, a replacement adds none to a key
   * already held, a void of a key never held withdraws nothing; across growth and for the key whose
   * first 64 bits are zero.
   */
  @Test
  void aVoidWithdrawsOneClaimsServiceAndNeverGoesBelowNone() {
    dev.x12gw.domain.scrub.ServiceKeySet set = new dev.x12gw.domain.scrub.ServiceKeySet();
    for (long v : new long[] {0, 42, -1L}) {
      assertThat(set.remove(v)).as("a void of a service never billed").isFalse();
      assertThat(set.contains(v)).isFalse();
      assertThat(set.add(v)).isTrue();
      assertThat(set.add(v)).as("billed by a second claim").isFalse();
      assertThat(set.addIfAbsent(v)).as("a replacement of one of them").isFalse();
      assertThat(set.remove(v)).isTrue();
      assertThat(set.contains(v)).as("one claim still holds it").isTrue();
      assertThat(set.remove(v)).isTrue();
      assertThat(set.contains(v)).isFalse();
      assertThat(set.remove(v)).isFalse();
      assertThat(set.addIfAbsent(v)).as("billed again after the voids").isTrue();
      assertThat(set.contains(v)).isTrue();
    }
    assertThat(set.size()).isEqualTo(3);
    for (long i = 1; i <= 20_000; i++) {
      set.add(i * 0x9E3779B97F4A7C15L);
    }
    for (long i = 1; i <= 20_000; i += 2) {
      set.remove(i * 0x9E3779B97F4A7C15L);
    }
    assertThat(set.size()).isEqualTo(3 + 10_000);
    assertThat(set.contains(2 * 0x9E3779B97F4A7C15L)).isTrue();
    assertThat(set.contains(3 * 0x9E3779B97F4A7C15L)).isFalse();
    assertThat(set.contains(42)).isTrue();
  }
}
