package dev.x12gw.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.TestFiles;
import dev.x12gw.domain.scrub.Scrubber;
import dev.x12gw.x12.ClaimSegmentsSink;
import dev.x12gw.x12.ScrubClaims;
import dev.x12gw.x12.smooks.SmooksX12Parser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scrubber's service history fed by the ordinary 837 intake, on H2 and PostgreSQL: every
 * service of a claim taken in as submitted is known to the duplicate check of later outgoing files,
 * whichever way the claim came; a void (CLM05-3 8) takes its services out again.
 */
class ServiceHistoryStoreTest {
  @TempDir Path dir;

  @BeforeAll
  static void open() throws Exception {
    ControlRoomStoreTest.open();
  }

  @AfterAll
  static void close() {
    ControlRoomStoreTest.close();
  }

  static List<TestStore.Backend> backends() {
    return TestStore.backends();
  }

  /** The service keys of every claim of {@code file}, as the scrubber computes them. */
  private static List<String> keysOf(Path file) throws Exception {
    List<String> keys = new ArrayList<>();
    try (SmooksX12Parser parser = new SmooksX12Parser(TestFiles.mapping())) {
      parser.parse(
          file,
          file.getFileName().toString(),
          (ClaimSegmentsSink)
              (claim, segments, positions, d) ->
                  keys.addAll(Scrubber.serviceKeys(ScrubClaims.of(claim, segments, positions, d))));
    }
    return keys;
  }

  private static boolean known(TestStore store, String key) throws Exception {
    return store.database().inTransaction(c -> PrebillStore.forwardedService(c, key));
  }

  @ParameterizedTest
  @MethodSource("backends")
  void theIntakesClaimsFeedTheDuplicateCheckAndAVoidTakesItsServicesOut(TestStore.Backend backend)
      throws Exception {
    try (TestStore store = backend.open()) {
      Path claims = TestFiles.testdata("claims-professional-3.837");
      List<String> keys = keysOf(claims);
      assertThat(keys).hasSizeGreaterThanOrEqualTo(3).doesNotHaveDuplicates();
      for (String k : keys) {
        assertThat(known(store, k)).isFalse();
      }
      ControlRoomStoreTest.take(store, claims, "claims.837");
      for (String k : keys) {
        assertThat(known(store, k)).as("service %s", k).isTrue();
      }

      // the first claim voided: its services leave the history, the others stay
      String text = Files.readString(claims);
      String voided =
          text.replaceFirst("(CLM\\*PCN1001\\*[^~]*\\*11:B:)1", "$18")
              .replace("*000000", "*000009");
      Path v = Files.writeString(dir.resolve("void.837"), voided);
      List<String> voidedKeys = keysOf(v);
      ControlRoomStoreTest.take(store, v, "void.837");
      List<String> first = Scrubber.serviceKeys(firstClaim(v));
      for (String k : first) {
        assertThat(known(store, k)).as("voided %s", k).isFalse();
      }
      assertThat(voidedKeys).containsAll(first);
      for (String k : keys) {
        if (!first.contains(k)) {
          assertThat(known(store, k)).isTrue();
        }
      }
    }
  }

  private static dev.x12gw.domain.scrub.ScrubClaim firstClaim(Path file) throws Exception {
    List<dev.x12gw.domain.scrub.ScrubClaim> out = new ArrayList<>();
    try (SmooksX12Parser parser = new SmooksX12Parser(TestFiles.mapping())) {
      parser.parse(
          file,
          file.getFileName().toString(),
          (ClaimSegmentsSink)
              (claim, segments, positions, d) -> {
                if (out.isEmpty()) {
                  out.add(ScrubClaims.of(claim, segments, positions, d));
                }
              });
    }
    return out.get(0);
  }
}
