package dev.x12gw.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.x12gw.TestFiles;
import dev.x12gw.x12.Segment;
import dev.x12gw.x12.X12SyntaxException;
import dev.x12gw.x12.X12Tokenizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * No PHI in the logs: the gateway takes in every scenario fixture and every bad-input fixture
 * (whose errors are the likeliest to quote a segment), and no line it logs at INFO or above, from
 * any logger, exception messages included, holds a patient's or insured's name, member id, birth
 * date or patient control number from those files.
 */
class NoPhiInLogsIT {
  private static final Duration WAIT = Duration.ofSeconds(120);

  @TempDir Path var;

  @Test
  void nothingLoggedAtInfoOrAboveNamesAPatient() throws Exception {
    List<Path> files = fixtures();
    Map<String, String> phi = phi(files);
    assertThat(phi)
        .as("PHI found in the fixtures (the test must have something to look for)")
        .hasSizeGreaterThan(50);

    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level rootLevel = root.getLevel();
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.start();
    root.addAppender(captured);
    root.setLevel(Level.INFO); // every library's INFO lines too, as a production config may log
    try (GatewayHarness gw = GatewayHarness.start(var, Map.of())) {
      // all uploaded at once, then taken in (what is logged does not depend on their order)
      long claimFiles = files.stream().filter(NoPhiInLogsIT::isClaims).count();
      NotifyBuilder claimsDone = gw.whenDone("receive-claims", (int) claimFiles);
      NotifyBuilder remitsDone =
          gw.whenDone("receive-remittances", (int) (files.size() - claimFiles));
      int n = 0;
      for (Path f : files) {
        String name = String.format("%03d-%s", n++, f.getFileName());
        gw.upload(isClaims(f) ? "inbound/837" : "inbound/835", name, f);
      }
      assertThat(claimsDone.matches(WAIT.toSeconds(), TimeUnit.SECONDS))
          .as("%d 837s taken in", claimFiles)
          .isTrue();
      assertThat(remitsDone.matches(WAIT.toSeconds(), TimeUnit.SECONDS))
          .as("%d 835s taken in", files.size() - claimFiles)
          .isTrue();
      // whatever was queued is published (the relay logs what it sends)
      assertThat(gw.whenDone("publish-records", 3).matches(WAIT.toSeconds(), TimeUnit.SECONDS))
          .isTrue();
    } finally {
      root.detachAppender(captured);
      root.setLevel(rootLevel);
    }

    List<String> lines = new ArrayList<>();
    for (ILoggingEvent e : captured.list) {
      if (e.getLevel().isGreaterOrEqual(Level.INFO)) {
        StringBuilder line = new StringBuilder(e.getFormattedMessage());
        for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
          line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
        }
        lines.add(e.getLevel() + " " + e.getLoggerName() + " - " + line);
      }
    }
    assertThat(lines).as("log lines captured").hasSizeGreaterThan(files.size());
    // a whole word: the fixtures' made-up names include words that are also parts of the
    // gateway's own identifiers (UNMATCHED in UNMATCHED_REMIT), which are not PHI
    Map<Pattern, String> patterns = new java.util.LinkedHashMap<>();
    phi.forEach(
        (value, what) ->
            patterns.put(
                Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(value) + "(?![A-Za-z0-9_])"),
                what + " '" + value + "'"));
    List<String> leaks = new ArrayList<>();
    for (String line : lines) {
      patterns.forEach(
          (pattern, what) -> {
            if (pattern.matcher(line).find()) {
              leaks.add(what + " in: " + line);
            }
          });
    }
    assertThat(leaks).as("PHI in log lines at INFO and above").isEmpty();
  }

  /** Every 837 and 835 of the scenarios (in their order) and of testdata/. */
  private static List<Path> fixtures() throws IOException {
    List<Path> out = new ArrayList<>();
    Path scenarios = TestFiles.testdata("scenarios");
    try (Stream<Path> s = Files.walk(scenarios)) {
      s.filter(NoPhiInLogsIT::isX12).sorted().forEach(out::add);
    }
    try (Stream<Path> s = Files.list(TestFiles.testdata("."))) {
      s.filter(NoPhiInLogsIT::isX12).sorted().forEach(out::add);
    }
    return out;
  }

  private static boolean isClaims(Path p) {
    return p.getFileName().toString().endsWith(".837");
  }

  private static boolean isX12(Path p) {
    String n = p.getFileName().toString();
    return Files.isRegularFile(p) && (n.endsWith(".835") || n.endsWith(".837"));
  }

  /**
   * The PHI of the files, value → what it is: NM1 of the patient (QC) and the subscriber (IL) —
   * last and first name, member id — their DMG birth dates, and CLM01/CLP01 patient control
   * numbers. Values shorter than four characters are left out (they match too much to mean
   * anything).
   */
  private static Map<String, String> phi(List<Path> files) throws IOException {
    Map<String, String> out = new TreeMap<>();
    Set<String> unreadable = new TreeSet<>();
    for (Path f : files) {
      try (X12Tokenizer t =
          new X12Tokenizer(Files.newBufferedReader(f, StandardCharsets.ISO_8859_1))) {
        Segment s;
        while ((s = t.next()) != null) {
          switch (s.id()) {
            case "NM1" -> {
              if ("QC".equals(s.element(1)) || "IL".equals(s.element(1))) {
                put(out, s.element(3), "patient/insured last name");
                put(out, s.element(4), "patient/insured first name");
                put(out, s.element(9), "member id");
              }
            }
            case "DMG" -> put(out, s.element(2), "birth date");
            case "CLM", "CLP" -> put(out, s.element(1), "patient control number");
            default -> {}
          }
        }
      } catch (X12SyntaxException | RuntimeException e) {
        unreadable.add(f.getFileName().toString()); // a bad-input fixture: its PHI is not needed
      }
    }
    assertThat(unreadable.size())
        .as("fixtures the tokenizer cannot read: %s", unreadable)
        .isLessThan(files.size() / 4);
    return out;
  }

  private static void put(Map<String, String> out, String value, String what) {
    String v = value.trim();
    if (v.length() >= 4) {
      out.putIfAbsent(v, what);
    }
  }
}
