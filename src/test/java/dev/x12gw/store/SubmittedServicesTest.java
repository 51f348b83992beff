package dev.x12gw.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.TestFiles;
import dev.x12gw.domain.scrub.Scrubber;
import dev.x12gw.x12.ClaimSegmentsSink;
import dev.x12gw.x12.ScrubClaims;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scrubber's duplicate check sees every claim line taken in as submitted, whichever way it
 * came, on H2 and PostgreSQL: the intake writes each line's service hash ({@code
 * claim_line.service_hash}); {@link SubmittedServices} reads them whole, then only what was stored
 * since.
 */
class SubmittedServicesTest {
  /** The service keys of every line of {@code file}, as the scrubber computes them. */
  private static List<String> keysOf(Path file) throws Exception {
    List<String> keys = new ArrayList<>();
    ControlRoomStoreTest.parser()
        .parse(
            file,
            file.getFileName().toString(),
            (ClaimSegmentsSink)
                (claim, segments, positions, d) ->
                    keys.addAll(
                        Scrubber.serviceKeys(ScrubClaims.of(claim, segments, positions, d))
                            .values()));
    return keys;
  }

  /** Reads the lines stored since its last read into {@code services}. */
  private static void refresh(TestStore store, SubmittedServices services) throws Exception {
    store
        .database()
        .inTransaction(
            c -> {
              services.refresh(c);
              return null;
            });
  }

  @ParameterizedTest
  @MethodSource("dev.x12gw.store.TestStore#backends")
  void everyLineTakenInIsKnownAndLaterOnesAreReadByTheirIds(TestStore.Backend backend)
      throws Exception {
    try (TestStore store = backend.open()) {
      Path first = TestFiles.testdata("claims-professional-3.837");
      List<String> firstKeys = keysOf(first);
      assertThat(firstKeys).hasSizeGreaterThanOrEqualTo(3);
      SubmittedServices submitted = new SubmittedServices();
      refresh(store, submitted);
      assertThat(firstKeys).noneMatch(submitted::submitted);

      ControlRoomStoreTest.take(store, first, "first.837");
      refresh(store, submitted);
      assertThat(firstKeys).allMatch(submitted::submitted);
      int afterFirst = submitted.size();

      Path second = TestFiles.testdata("scrubber").resolve("clean-near-misses.837");
      List<String> secondKeys = keysOf(second);
      assertThat(secondKeys).noneMatch(submitted::submitted);
      ControlRoomStoreTest.take(store, second, "second.837");
      refresh(store, submitted);
      assertThat(secondKeys).allMatch(submitted::submitted);
      assertThat(submitted.size()).isGreaterThan(afterFirst);
      // a fresh reader reads them all at once
      SubmittedServices fresh = new SubmittedServices();
      refresh(store, fresh);
      assertThat(fresh.size()).isEqualTo(submitted.size());
    }
  }
}
