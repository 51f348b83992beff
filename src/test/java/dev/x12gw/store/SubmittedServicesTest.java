package dev.x12gw.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.TestFiles;
import dev.x12gw.config.ScrubberFiles;
import dev.x12gw.domain.scrub.ScrubClaim;
import dev.x12gw.domain.scrub.Scrubber;
import dev.x12gw.intake.ScrubGate;
import dev.x12gw.intake.X12FileProcessor;
import dev.x12gw.x12.ClaimSegmentsSink;
import dev.x12gw.x12.ScrubClaims;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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

  /**
   * The scrubber in the claims' path computes each line's key once, for its duplicate check and for
   * the intake to store: the same keys {@link Scrubber#serviceKeys} gives, for every claim of the
   * scrubber's fixtures (voids and replacements, which the duplicate check skips, included), with
   * the same findings {@link Scrubber#scrub} gives.
   */
  @Test
  void theScrubsKeysAreTheServiceKeys() throws Exception {
    Path rules = Files.createTempDirectory("rules");
    TestFiles.scrubberRulesWithExamples(rules);
    Scrubber scrubber = new Scrubber(ScrubberFiles.load(rules));
    int claims = 0;
    for (String name :
        List.of("defect-per-rule.837", "clean-near-misses.837", "duplicate-of-forwarded.837")) {
      Path file = TestFiles.testdata("scrubber").resolve(name);
      List<ScrubClaim> read = new ArrayList<>();
      ControlRoomStoreTest.parser()
          .parse(
              file,
              name,
              (ClaimSegmentsSink)
                  (claim, segments, positions, d) ->
                      read.add(ScrubClaims.of(claim, segments, positions, d)));
      for (ScrubClaim c : read) {
        Set<String> seenA = new HashSet<>();
        Set<String> seenB = new HashSet<>();
        Scrubber.Outcome outcome =
            scrubber.scrubAndKey(c, (ref, key) -> !seenA.add(key), LocalDate.of(2026, 12, 7));
        assertThat(outcome.serviceKeys()).isEqualTo(Scrubber.serviceKeys(c));
        assertThat(outcome.findings())
            .isEqualTo(scrubber.scrub(c, (ref, key) -> !seenB.add(key), LocalDate.of(2026, 12, 7)));
        claims++;
      }
    }
    assertThat(claims).isGreaterThan(10);
  }

  /** A file taken in through the scrubber's gate stores the keys of every line it let in. */
  @ParameterizedTest
  @EnumSource(TestStore.Backend.class)
  void linesLetInByTheScrubbersGateAreKnown(TestStore.Backend backend) throws Exception {
    Path rules = Files.createTempDirectory("rules");
    TestFiles.scrubberRulesWithExamples(rules);
    Scrubber scrubber = new Scrubber(ScrubberFiles.load(rules));
    Path file = TestFiles.testdata("scrubber").resolve("defect-per-rule.837");
    List<String> keys = keysOf(file);
    try (TestStore store = backend.open()) {
      // advise only: every claim goes in, the gate's findings held by no one
      ScrubGate gate =
          new ScrubGate(scrubber, (ref, key) -> false, c -> "ADVISE", LocalDate.of(2026, 12, 7));
      X12FileProcessor p = TestFiles.processor(ControlRoomStoreTest.parser(), file.getParent());
      store
          .database()
          .inTransaction(
              c -> {
                long id = IntakeFiles.start(c, "sha-gated", "gated.837", "x12");
                p.process(
                    file,
                    "gated.837",
                    "sha-gated",
                    new JdbcIntakeTarget(c, id, "gated.837", Map.of()),
                    gate);
                return id;
              });
      SubmittedServices submitted = new SubmittedServices();
      refresh(store, submitted);
      assertThat(keys).hasSizeGreaterThan(3).allMatch(submitted::submitted);
      assertThat(submitted.size()).isEqualTo(new HashSet<>(keys).size());
    }
  }

  /**
   * A void (CLM05-3 8) withdraws its services from the file's duplicate check in the claims' path:
   * the service billed again after the void is no duplicate, the same service billed once more is.
   */
  @Test
  void aVoidLetsItsServiceBeBilledAgainLaterInTheFile() throws Exception {
    Path rules = Files.createTempDirectory("rules");
    TestFiles.scrubberRulesWithExamples(rules);
    Scrubber scrubber = new Scrubber(ScrubberFiles.load(rules));
    Path file = TestFiles.testdata("scrubber").resolve("void-then-billed-again.837");
    ScrubGate gate =
        new ScrubGate(scrubber, (ref, key) -> false, c -> "ENFORCE", LocalDate.of(2026, 12, 7));
    ControlRoomStoreTest.parser().parse(file, "void-then-billed-again.837", gate.sink());
    List<ScrubGate.Scrubbed> claims = gate.claims();
    assertThat(claims)
        .extracting(s -> s.claim().patientControlNumber() + " " + s.claim().frequencyCode())
        .containsExactly("PCN-VOIDED 1", "PCN-VOIDED 8", "PCN-REBILLED 1", "PCN-REBILLED-AGAIN 1");
    assertThat(claims).extracting(ScrubGate.Scrubbed::held).containsOnly(false, true);
    assertThat(claims.get(1).withdrawsServices()).isTrue();
    assertThat(claims.get(1).services()).isEqualTo(claims.get(0).services()).hasSize(1);
    assertThat(duplicate(claims.get(0))).isFalse();
    assertThat(duplicate(claims.get(2))).as("billed again after the void").isFalse();
    assertThat(duplicate(claims.get(3))).as("billed a third time").isTrue();
    assertThat(claims.get(3).held()).isTrue();
  }

  private static boolean duplicate(ScrubGate.Scrubbed s) {
    return s.findings().stream()
        .anyMatch(f -> f.rule().kind() == dev.x12gw.domain.scrub.RuleKind.DUPLICATE);
  }

  /**
   * A void taken in as submitted (by the 837 intake) withdraws the services it voids from the
   * stored history: the service may be billed again; billed again, it is held again.
   */
  @ParameterizedTest
  @EnumSource(TestStore.Backend.class)
  void aVoidTakenInWithdrawsItsServicesFromTheStoredHistory(TestStore.Backend backend)
      throws Exception {
    Path voided = TestFiles.testdata("scrubber").resolve("billed-then-voided.837");
    List<String> keys = keysOf(voided);
    assertThat(keys).hasSize(2).containsOnly(keys.get(0));
    try (TestStore store = backend.open()) {
      SubmittedServices submitted = new SubmittedServices();
      ControlRoomStoreTest.take(store, voided, "billed-then-voided.837");
      refresh(store, submitted);
      assertThat(submitted.submitted(keys.get(0))).as("billed, then voided").isFalse();
      // read whole by a fresh reader, in the order the lines were stored: the same
      SubmittedServices fresh = new SubmittedServices();
      refresh(store, fresh);
      assertThat(fresh.submitted(keys.get(0))).isFalse();

      Path again = TestFiles.testdata("scrubber").resolve("void-then-billed-again.837");
      ControlRoomStoreTest.take(store, again, "void-then-billed-again.837");
      refresh(store, submitted);
      // billed, voided, billed twice more: two claims in force hold it
      assertThat(submitted.submitted(keys.get(0))).isTrue();
      assertThat(submitted.size()).isEqualTo(1);
    }
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
  @EnumSource(TestStore.Backend.class)
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
