package dev.x12gw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.store.PrebillStore;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A held claim released: whether it is a void, read from its segments as received. */
class PrebillTest {
  private static PrebillStore.Held held(String delimiters, String segments) {
    return new PrebillStore.Held(
        1,
        "11111111-2222-3333-4444-555555555555",
        "PCN1",
        "60054",
        "1234567893",
        "000000301",
        "301",
        "0001",
        "005010X222A1",
        "ISA*...~\nGS*HC",
        delimiters,
        segments,
        "[]",
        "k1",
        "HELD",
        Instant.EPOCH,
        null,
        null);
  }

  @Test
  void aHeldClaimIsAVoidByItsClm05Frequency() {
    assertThat(Prebill.isVoid(held("*:^", "NM1*IL*1*A\nCLM*PCN1*150***11:B:8*Y*A*Y*Y\nLX*1")))
        .isTrue();
    assertThat(Prebill.isVoid(held("*:^", "CLM*PCN1*150***11:B:1*Y*A*Y*Y\nLX*1"))).isFalse();
    assertThat(Prebill.isVoid(held("*:^", "CLM*PCN1*150***11:B:7*Y*A*Y*Y"))).isFalse();
    // the file's own delimiters, not the usual ones
    assertThat(Prebill.isVoid(held("|>^", "CLM|PCN1|150|||11>B>8|Y|A|Y|Y"))).isTrue();
    assertThat(Prebill.isVoid(held("|>^", "CLM|PCN1|150|||11:B:8|Y"))).isFalse();
    // CLM05 short or absent
    assertThat(Prebill.isVoid(held("*:^", "CLM*PCN1*150***11:B"))).isFalse();
    assertThat(Prebill.isVoid(held("*:^", "CLM*PCN1*150"))).isFalse();
    assertThat(Prebill.isVoid(held("*:^", "LX*1"))).isFalse();
  }
}
