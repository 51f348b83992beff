package dev.x12gw.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The scrubber's rows on H2 and PostgreSQL: a file scrubbed once by content, its held claims listed
 * and released once, and the 837s to forward pending until marked forwarded.
 */
class PrebillStoreTest {
  @ParameterizedTest
  @EnumSource(TestStore.Backend.class)
  void filesHeldClaimsAndForwards(TestStore.Backend backend) throws Exception {
    Instant at = Instant.parse("2026-12-07T10:00:00Z");
    try (TestStore store = backend.open()) {
      Database db = store.database();
      String sha = "ab".repeat(32);
      assertThat(db.<Boolean>inTransaction(c -> PrebillStore.scrubbed(c, sha))).isFalse();
      long held =
          db.inTransaction(
              c -> {
                long file = PrebillStore.file(c, sha, "out.837", 3, 1, at);
                PrebillStore.forward(
                    c,
                    file,
                    null,
                    "x12gw-837-000000001.837",
                    "ISA~".getBytes(StandardCharsets.UTF_8),
                    2,
                    at);
                return PrebillStore.hold(
                    c,
                    file,
                    new PrebillStore.Held(
                        0,
                        "11111111-2222-3333-4444-555555555555",
                        "PCN1",
                        "60054",
                        "1234567893",
                        "000000301",
                        "301",
                        "0001",
                        "005010X222A1",
                        "ISA*...~\nGS*HC",
                        "*:^",
                        "CLM*PCN1*100\nLX*1",
                        "[{\"ruleId\":\"R\"}]",
                        "k1 k2",
                        "HELD",
                        at,
                        null,
                        null));
              });
      assertThat(db.<Boolean>inTransaction(c -> PrebillStore.scrubbed(c, sha))).isTrue();

      List<Long> pending = db.inTransaction(c -> PrebillStore.pending(c, 50));
      assertThat(pending).hasSize(1);
      PrebillStore.Forward f =
          db.inTransaction(c -> PrebillStore.forwardOf(c, pending.get(0))).orElseThrow();
      assertThat(f.fileName()).isEqualTo("x12gw-837-000000001.837");
      assertThat(new String(f.content(), StandardCharsets.UTF_8)).isEqualTo("ISA~");
      assertThat(f.claims()).isEqualTo(2);

      List<PrebillStore.Held> list = db.inTransaction(c -> PrebillStore.held(c, "HELD", 10));
      assertThat(list).extracting(PrebillStore.Held::claimRef).containsExactly("PCN1");
      assertThat(list.get(0).recordId()).isEqualTo("11111111-2222-3333-4444-555555555555");
      assertThat(list.get(0).envelope()).isEqualTo("ISA*...~\nGS*HC");
      db.inTransaction(
          c -> {
            PrebillStore.forward(c, null, held, "x12gw-837-000000002.837", new byte[] {1}, 1, at);
            PrebillStore.released(c, held, "auth obtained", at.plusSeconds(60));
            return null;
          });
      PrebillStore.Held released =
          db.inTransaction(c -> PrebillStore.heldClaim(c, held)).orElseThrow();
      assertThat(released.status()).isEqualTo("RELEASED");
      assertThat(released.releaseNote()).isEqualTo("auth obtained");
      assertThat(released.releasedAt()).isEqualTo(at.plusSeconds(60));
      assertThat(db.<List<PrebillStore.Held>>inTransaction(c -> PrebillStore.held(c, "HELD", 10)))
          .isEmpty();

      assertThat(db.<List<Long>>inTransaction(c -> PrebillStore.pending(c, 50))).hasSize(2);
      assertThat(db.<Boolean>inTransaction(c -> PrebillStore.forwardedService(c, "cd".repeat(32))))
          .isFalse();
      db.inTransaction(
          c -> {
            try (PrebillStore.Services services = new PrebillStore.Services(c)) {
              services.add(List.of("cd".repeat(32), "cd".repeat(32)), "PCN1", at);
              services.add(List.of("cd".repeat(32), "ef".repeat(32)), "PCN2", at);
            }
            return null;
          });
      assertThat(db.<Boolean>inTransaction(c -> PrebillStore.forwardedService(c, "cd".repeat(32))))
          .isTrue();
      assertThat(db.<Boolean>inTransaction(c -> PrebillStore.forwardedService(c, "ef".repeat(32))))
          .isTrue();
      // a file's services through statements prepared once: a key twice in the file, or stored
      // before, is kept as it was; more than a batch of keys is written whole
      db.inTransaction(
          c -> {
            try (PrebillStore.Services services = new PrebillStore.Services(c)) {
              assertThat(services.forwarded("cd".repeat(32))).isTrue();
              assertThat(services.forwarded("0a".repeat(32))).isFalse();
              List<String> many = new java.util.ArrayList<>();
              for (int i = 0; i < 700; i++) {
                many.add(String.format("%064x", i + 1000));
              }
              services.add(many, "PCN3", at);
              services.add(List.of("cd".repeat(32), String.format("%064x", 1000)), "PCN4", at);
              assertThat(services.forwarded(String.format("%064x", 1699))).isTrue();
            }
            return null;
          });
      assertThat(
              db.<Boolean>inTransaction(
                  c -> PrebillStore.forwardedService(c, String.format("%064x", 1699))))
          .isTrue();
      // a void going out withdraws its services, those added in the same unit of work included
      db.inTransaction(
          c -> {
            try (PrebillStore.Services services = new PrebillStore.Services(c)) {
              services.add(List.of("1b".repeat(32)), "PCN5", at);
              services.withdraw(List.of("1b".repeat(32), "cd".repeat(32), "2c".repeat(32)));
              assertThat(services.forwarded("1b".repeat(32))).isFalse();
              assertThat(services.forwarded("cd".repeat(32))).isFalse();
              assertThat(services.forwarded("ef".repeat(32))).isTrue();
            }
            return null;
          });
      assertThat(db.<Boolean>inTransaction(c -> PrebillStore.forwardedService(c, "cd".repeat(32))))
          .isFalse();
      assertThat(db.<Boolean>inTransaction(c -> PrebillStore.forwardedService(c, "1b".repeat(32))))
          .isFalse();
      db.inTransaction(
          c -> {
            PrebillStore.forwarded(c, pending.get(0), at);
            return null;
          });
      assertThat(
              db.<java.util.Optional<PrebillStore.Forward>>inTransaction(
                  c -> PrebillStore.forwardOf(c, pending.get(0))))
          .isEmpty();
      assertThat(db.<List<Long>>inTransaction(c -> PrebillStore.pending(c, 50))).hasSize(1);
    }
  }
}
