package dev.x12gw.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Claims of files shared by several gateway nodes, on both backends: one node takes a file, the
 * other leaves it alone while the claim is renewed, takes it over once it expired, never takes a
 * file dealt with; a node that lost its claim cannot commit; one relay holds the lease.
 */
class FileClaimsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

  @ParameterizedTest
  @EnumSource(TestStore.Backend.class)
  void aFileIsTakenByOneNodeTakenOverWhenItsClaimExpiredAndNeverTakenOnceDone(
      TestStore.Backend backend) throws Exception {
    try (TestStore store = backend.open()) {
      FileClaims a = new FileClaims(store.database(), "node-a", TIMEOUT);
      FileClaims b = new FileClaims(store.database(), "node-b", TIMEOUT);
      String key = "drop:/inbound/835/r1.835:1200:1733565600000";

      assertThat(a.claim(key, T0).outcome()).isEqualTo(FileClaims.Outcome.TAKEN);
      assertThat(a.claim(key, T0.plusSeconds(1)).outcome())
          .isEqualTo(FileClaims.Outcome.ALREADY_OURS);
      FileClaims.Claim held = b.claim(key, T0.plusSeconds(60));
      assertThat(held.outcome()).isEqualTo(FileClaims.Outcome.HELD);
      assertThat(held.previousNode()).isEqualTo("node-a");
      assertThat(held.outcome().mine()).isFalse();

      // renewed at +100 s: still held at +200 s (100 s after the renewal)
      assertThat(a.renew(T0.plusSeconds(100), T0.minus(Duration.ofDays(1)))).isEqualTo(1);
      assertThat(b.claim(key, T0.plusSeconds(200)).outcome()).isEqualTo(FileClaims.Outcome.HELD);

      // node a died: 121 s after its last renewal, node b takes the file over
      FileClaims.Claim over = b.claim(key, T0.plusSeconds(221));
      assertThat(over.outcome()).isEqualTo(FileClaims.Outcome.TAKEN_OVER);
      assertThat(over.previousNode()).isEqualTo("node-a");
      assertThat(a.claim(key, T0.plusSeconds(222)).outcome()).isEqualTo(FileClaims.Outcome.HELD);

      b.done(key, T0.plusSeconds(230));
      assertThat(a.claim(key, T0.plusSeconds(300)).outcome())
          .as("a file moved away is not taken again by a node that listed it before the move")
          .isEqualTo(FileClaims.Outcome.DONE);
      // forgotten a day later
      b.renew(T0.plus(Duration.ofDays(2)), T0.plus(Duration.ofDays(1)));
      assertThat(a.claim(key, T0.plus(Duration.ofDays(2))).outcome())
          .isEqualTo(FileClaims.Outcome.TAKEN);

      // taken in, but its move failed: still listed a claim timeout later, it is taken again
      String stuck = "drop:/inbound/835/stuck.835:10:1";
      assertThat(a.claim(stuck, T0).outcome()).isEqualTo(FileClaims.Outcome.TAKEN);
      a.done(stuck, T0.plusSeconds(1));
      assertThat(b.claim(stuck, T0.plusSeconds(60)).outcome()).isEqualTo(FileClaims.Outcome.DONE);
      FileClaims.Claim again = b.claim(stuck, T0.plusSeconds(200));
      assertThat(again.outcome()).isEqualTo(FileClaims.Outcome.LEFT_BEHIND);
      assertThat(again.previousNode()).isEqualTo("node-a");
      assertThat(a.claim(stuck, T0.plusSeconds(201)).outcome())
          .as("held by the node that took it again")
          .isEqualTo(FileClaims.Outcome.HELD);
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.Backend.class)
  void aReleasedClaimIsFreeAndAContentClaimIsRenewedOnlyByItsUnitOfWork(TestStore.Backend backend)
      throws Exception {
    try (TestStore store = backend.open()) {
      FileClaims a = new FileClaims(store.database(), "node-a", TIMEOUT);
      FileClaims b = new FileClaims(store.database(), "node-b", TIMEOUT);
      a.claim("drop:/x.837:1:1", T0);
      a.release("drop:/x.837:1:1");
      assertThat(b.claim("drop:/x.837:1:1", T0).outcome()).isEqualTo(FileClaims.Outcome.TAKEN);

      String content = "content:" + "ab".repeat(32);
      a.claim(content, T0);
      assertThat(a.renew(T0.plusSeconds(100), T0)).as("drop claims only").isZero();
      assertThat(held(store, a, content, T0.plusSeconds(100))).isTrue();
      assertThat(b.claim(content, T0.plusSeconds(200)).outcome())
          .as("renewed by the unit of work at +100 s")
          .isEqualTo(FileClaims.Outcome.HELD);
      assertThat(b.claim(content, T0.plusSeconds(221)).outcome())
          .isEqualTo(FileClaims.Outcome.TAKEN_OVER);
      assertThat(held(store, a, content, T0.plusSeconds(222)))
          .as("the node that lost its claim is told so before it commits")
          .isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.Backend.class)
  void oneRelayHoldsTheLeaseUntilItExpires(TestStore.Backend backend) throws Exception {
    try (TestStore store = backend.open()) {
      Database db = store.database();
      Duration lease = Duration.ofSeconds(30);
      assertThat(lease(db, "node-a", T0, lease)).isTrue();
      assertThat(lease(db, "node-b", T0.plusSeconds(10), lease)).isFalse();
      assertThat(lease(db, "node-a", T0.plusSeconds(20), lease)).as("renewed").isTrue();
      assertThat(lease(db, "node-b", T0.plusSeconds(49), lease)).isFalse();
      assertThat(lease(db, "node-b", T0.plusSeconds(51), lease))
          .as("expired, but not by half a lease: node-a may only be stalled in a batch")
          .isFalse();
      assertThat(lease(db, "node-b", T0.plusSeconds(66), lease)).as("expired").isTrue();
      assertThat(db.inTransaction(Outbox::relayLeaseHolder)).isEqualTo("node-b");
      assertThat(lease(db, "node-a", T0.plusSeconds(67), lease)).isFalse();
      store.reset(); // the row gone: the lease starts again
      assertThat(lease(db, "node-a", T0.plusSeconds(68), lease)).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(TestStore.Backend.class)
  void aNodeNameIsRequired(TestStore.Backend backend) {
    try (TestStore store = backend.open()) {
      assertThatThrownBy(() -> new FileClaims(store.database(), " ", TIMEOUT))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new FileClaims(store.database(), "n", Duration.ZERO))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static boolean held(TestStore store, FileClaims node, String key, Instant now)
      throws Exception {
    Boolean held = store.database().inTransaction(c -> node.stillHeld(c, key, now));
    return held;
  }

  private static boolean lease(Database db, String node, Instant now, Duration lease)
      throws Exception {
    return db.inTransaction(c -> Outbox.leaseRelay(c, node, now, now.plus(lease)));
  }
}
