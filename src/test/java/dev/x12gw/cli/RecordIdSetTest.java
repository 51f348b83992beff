package dev.x12gw.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.domain.finding.RecordIds;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordIdSetTest {
  @Test
  void behavesLikeASetThroughGrowthAndRemovals() {
    RecordIdSet set = new RecordIdSet();
    Set<Long> reference = new HashSet<>();
    Random random = new Random(7);
    for (int i = 0; i < 200_000; i++) {
      long key = random.nextInt(50_000) + 1L;
      if (random.nextInt(4) == 0) {
        set.remove(key);
        reference.remove(key);
      } else {
        assertThat(set.add(key)).isEqualTo(reference.add(key));
      }
    }
    assertThat(set.size()).isEqualTo(reference.size());
    for (long k = 1; k <= 50_000; k++) {
      assertThat(set.add(k)).isEqualTo(reference.add(k));
    }
  }

  @Test
  void fingerprintsOurIdsByTheirFirst64Bits() {
    String id = RecordIds.of("x");
    assertThat(RecordIdSet.fingerprint(id))
        .isEqualTo(Long.parseUnsignedLong(id.replace("-", "").substring(0, 16), 16));
    assertThat(RecordIdSet.fingerprint("not-a-uuid")).isNotZero();
  }
}
