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
}
