package dev.x12gw.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.x12gw.domain.scrub.ScrubFinding;
import dev.x12gw.domain.scrub.Scrubber;
import dev.x12gw.domain.scrub.Severity;
import dev.x12gw.intake.ScrubGate;
import dev.x12gw.x12.ReadResult;
import dev.x12gw.x12.X12Problem;
import dev.x12gw.x12.smooks.SmooksX12Parser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code x12gw scrub FILES...}: the scrubber's checks over 837 files offline, as the gateway would
 * run them before submission: one JSON finding per line on standard output; a transaction set the
 * reader rejects is reported on standard error with its file, control numbers and segment, and its
 * claims are not scrubbed. Exit 0 when no claim has a hard stop, 1 when any would be held or any
 * part of a file was quarantined.
 */
final class Scrub {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SmooksX12Parser parser;
  private final Scrubber scrubber;
  private final LocalDate today;
  private final PrintStream out;
  private final PrintStream err;

  /** The services of the claims scrubbed in earlier files of this run (kept sets only). */
  private final java.util.Set<String> earlier = new java.util.HashSet<>();

  /** What one run found. */
  record Totals(long claims, long held, long findings, boolean quarantined) {}

  Scrub(
      SmooksX12Parser parser,
      Scrubber scrubber,
      LocalDate today,
      PrintStream out,
      PrintStream err) {
    this.parser = parser;
    this.scrubber = scrubber;
    this.today = today;
    this.out = out;
    this.err = err;
  }

  int run(List<Path> files) throws IOException {
    long claims = 0;
    long held = 0;
    long findings = 0;
    boolean quarantined = false;
    for (Path f : files) {
      Totals t = scrub(f);
      claims += t.claims();
      held += t.held();
      findings += t.findings();
      quarantined |= t.quarantined();
    }
    out.flush();
    err.printf(
        "x12gw scrub: %d claim(s), %d with a hard stop, %d finding(s)%s%n",
        claims, held, findings, quarantined ? "; part of the input was quarantined (above)" : "");
    return held > 0 || quarantined ? 1 : 0;
  }

  /** Scrubs every claim of one file. */
  Totals scrub(Path file) throws IOException {
    String name = file.getFileName().toString();
    ScrubGate gate =
        new ScrubGate(scrubber, (claimRef, key) -> earlier.contains(key), c -> "ENFORCE", today);
    ReadResult r = parser.parse(file, name, gate.sink());
    List<List<ScrubFinding>> found = new ArrayList<>();
    for (ScrubGate.Scrubbed s : gate.claims()) {
      found.add(s.findings());
      s.applyTo(earlier::add, earlier::remove);
    }
    for (X12Problem p : r.problems()) {
      err.println(name + ": " + p.describe());
    }
    long held = 0;
    long n = 0;
    for (List<ScrubFinding> claim : found) {
      if (claim.stream().anyMatch(f -> f.severity() == Severity.HARD_STOP)) {
        held++;
      }
      for (ScrubFinding f : claim) {
        out.println(json(f));
        n++;
      }
    }
    return new Totals(found.size(), held, n, r.quarantined());
  }

  /** One finding as a JSON line. */
  static String json(ScrubFinding f) {
    ObjectNode o = JSON.createObjectNode();
    o.put("file", f.source().fileName());
    o.put("isa13", f.source().interchangeControlNumber());
    o.put("gs06", f.source().groupControlNumber());
    o.put("st02", f.source().transactionControlNumber());
    o.put("claim", f.claimRef());
    o.put("line", f.lineNumber());
    o.put("segmentPosition", f.segmentPosition());
    o.put("element", f.element());
    o.put("value", f.value());
    o.put("ruleId", f.rule().id());
    o.put("kind", f.rule().kind().name());
    o.put("severity", f.severity().name());
    o.put("carc", f.rule().carc());
    o.put("rarc", f.rule().rarc());
    o.put("message", f.message());
    o.put("rationale", f.rule().rationale());
    return o.toString();
  }
}
