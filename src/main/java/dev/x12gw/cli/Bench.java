package dev.x12gw.cli;

import dev.x12gw.bench.X12Generator;
import dev.x12gw.config.Intelligence;
import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.RemittanceHeader;
import dev.x12gw.intake.X12FileProcessor;
import dev.x12gw.records.QueueNames;
import dev.x12gw.records.RecordFactory;
import dev.x12gw.x12.BindingSink;
import dev.x12gw.x12.smooks.SmooksX12Parser;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code x12gw bench}: generates an 835 and an 837P of a given size (realistic claim mixes, see
 * {@link X12Generator}) and measures, in one JVM, interleaved and repeated: StAEDI tokenize-only (a
 * streaming X12 tokenizer, the reference), the gateway's parse+bind through Smooks, and end-to-end
 * {@code analyze} (parse, store, match, classify, serialize records to a discarding stream), with
 * their ratios to StAEDI and the peak heap of each. Not part of the test suite.
 */
final class Bench {
  /**
   * StAEDI logs unused schema types through java.util.logging at INFO; held so the level sticks.
   */
  private static final java.util.logging.Logger STAEDI_LOG =
      java.util.logging.Logger.getLogger("io.xlate.edi");

  static {
    STAEDI_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  /** One measured run. */
  record Run(double seconds, long claims, long peakHeapBytes) {}

  private final Path mapping;
  private final PrintStream out;

  private final Intelligence intelligence;
  private final dev.x12gw.domain.scrub.ScrubRules scrubRules;

  Bench(
      Path mapping,
      Intelligence intelligence,
      dev.x12gw.domain.scrub.ScrubRules scrubRules,
      PrintStream out) {
    this.intelligence = intelligence;
    this.scrubRules = scrubRules;
    this.mapping = mapping;
    this.out = out;
  }

  int run(Path dir, int sizeMb, int runs) throws Exception {
    Files.createDirectories(dir);
    Path f835 = dir.resolve("bench-" + sizeMb + "mb.835");
    Path f837 = dir.resolve("bench-" + sizeMb + "mb.837");
    long bytes = sizeMb * 1_000_000L;
    if (!Files.isRegularFile(f835) || Files.size(f835) < bytes) {
      out.printf("generating %s ...%n", f835);
      new X12Generator(42, 2000).write835(f835, bytes);
    }
    if (!Files.isRegularFile(f837) || Files.size(f837) < bytes) {
      out.printf("generating %s ...%n", f837);
      new X12Generator(42, 2000).write837(f837, bytes);
    }
    out.printf(
        "JDK %s, %d cores, max heap %d MB; %d run(s) per measure after one warm-up, medians%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        runs);
    try (SmooksX12Parser parser = new SmooksX12Parser(mapping)) {
      X12FileProcessor processor =
          new X12FileProcessor(
              parser,
              new RecordFactory(QueueNames.defaults(), intelligence.codes()),
              intelligence.policy(),
              intelligence.classifier());
      for (Path file : List.of(f835, f837)) {
        double mb = Files.size(file) / 1e6;
        List<Run> staedi = new ArrayList<>();
        List<Run> bind = new ArrayList<>();
        List<Run> e2e = new ArrayList<>();
        List<Run> scrub = new ArrayList<>();
        List<Run> scrubbingAnalyze = new ArrayList<>();
        for (int i = 0; i <= runs; i++) {
          Run a = measure(() -> staedi(file));
          Run b = measure(() -> parseAndBind(parser, file));
          Analyze analyze = analyzer(processor);
          if (file == f835) {
            analyze.run(List.of(f837)); // the claims are in the store before the remittances
          }
          Run c = measure(() -> analyzeOne(analyze, file));
          Run d = null;
          Run e = null;
          if (file == f837) {
            d = measure(() -> scrubOne(parser, file));
            // the gateway's 837-outgoing path: one read scrubs every claim and takes the clean
            // ones in (here: all but the held ones), into analyze's in-memory store
            java.util.concurrent.atomic.AtomicReference<dev.x12gw.intake.ScrubGate> gate =
                new java.util.concurrent.atomic.AtomicReference<>();
            Analyze gated =
                analyzer(processor)
                    .gate(
                        f -> {
                          gate.set(scrubGate());
                          return gate.get();
                        });
            e =
                measure(
                    () -> {
                      long claims = analyzeOne(gated, file);
                      forwardOf(gate.get(), file); // the 837 of the claims that pass, as Prebill
                      return claims;
                    });
          }
          if (i > 0) {
            staedi.add(a);
            bind.add(b);
            e2e.add(c);
            if (d != null) {
              scrub.add(d);
              scrubbingAnalyze.add(e);
            }
          }
        }
        report(file, mb, staedi, bind, e2e);
        if (!scrub.isEmpty()) {
          Run s = median(staedi);
          Run sc = median(scrub);
          Run gated = median(scrubbingAnalyze);
          line("scrub only (parse+bind+every check)", mb, sc, s);
          line("analyze, scrubbing in the same read", mb, gated, s);
          out.printf(
              Locale.ROOT,
              "  the 837 path with scrubbing runs at %.2f of analyze alone (target at least 0.70)%n",
              median(e2e).seconds() / gated.seconds());
        }
      }
    }
    return X12gw.OK;
  }

  private void report(Path file, double mb, List<Run> staedi, List<Run> bind, List<Run> e2e) {
    Run s = median(staedi);
    Run b = median(bind);
    Run e = median(e2e);
    out.printf("%n%s (%.1f MB, %,d claims)%n", file.getFileName(), mb, s.claims());
    out.printf(
        "  %-40s %8s %12s %9s %11s%n", "measure", "MB/s", "claims/s", "×StAEDI", "peak heap");
    line("StAEDI 1.26 tokenize only (1 thread)", mb, s, s);
    line("gateway parse+bind (Smooks)", mb, b, s);
    line(
        file.toString().endsWith(".835")
            ? "gateway end-to-end analyze (837 loaded)"
            : "gateway end-to-end analyze",
        mb,
        e,
        s);
  }

  private void line(String name, double mb, Run r, Run reference) {
    double rate = mb / r.seconds();
    double ref = mb / reference.seconds();
    out.printf(
        Locale.ROOT,
        "  %-40s %8.1f %,12.0f %9.2f %8d MB%n",
        name,
        rate,
        r.claims() / r.seconds(),
        rate / ref,
        r.peakHeapBytes() >> 20);
  }

  private static Run median(List<Run> runs) {
    Run[] sorted = runs.toArray(new Run[0]);
    Arrays.sort(sorted, (x, y) -> Double.compare(x.seconds(), y.seconds()));
    return sorted[sorted.length / 2];
  }

  /** Something measured: returns the number of claims (CLM or CLP) it saw. */
  @FunctionalInterface
  interface Work {
    long run() throws Exception;
  }

  private static Run measure(Work work) throws Exception {
    System.gc();
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long start = System.nanoTime();
    long claims = work.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    return new Run(seconds, claims, peak);
  }

  /** StAEDI reading every event, counting CLP/CLM segments: the tokenizer-speed reference. */
  static long staedi(Path file) throws IOException, EDIStreamException {
    long claims = 0;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        EDIStreamReader reader = EDIInputFactory.newFactory().createEDIStreamReader(in)) {
      while (reader.hasNext()) {
        if (reader.next() == EDIStreamEvent.START_SEGMENT) {
          String id = reader.getText();
          if ("CLP".equals(id) || "CLM".equals(id)) {
            claims++;
          }
        }
      }
    }
    return claims;
  }

  private static long parseAndBind(SmooksX12Parser parser, Path file) throws IOException {
    long[] claims = new long[1];
    parser.parse(
        file,
        file.getFileName().toString(),
        new BindingSink() {
          @Override
          public void claim(SubmittedClaim claim) {
            claims[0]++;
          }

          @Override
          public void payment(RemittanceHeader remittance, ClaimPayment payment) {
            claims[0]++;
          }
        });
    return claims[0];
  }

  /** The scrubber over {@code file}, its findings serialized to a discarding stream. */
  private long scrubOne(SmooksX12Parser parser, Path file) throws IOException {
    PrintStream nowhere = new PrintStream(java.io.OutputStream.nullOutputStream());
    return new Scrub(
            parser,
            new dev.x12gw.domain.scrub.Scrubber(scrubRules),
            java.time.LocalDate.now(),
            nowhere,
            nowhere)
        .scrub(file)
        .claims();
  }

  /** The scrubber as the gateway's intake gate: enforce mode, services of this file only. */
  private dev.x12gw.intake.ScrubGate scrubGate() {
    return new dev.x12gw.intake.ScrubGate(
        new dev.x12gw.domain.scrub.Scrubber(scrubRules),
        (claimRef, key) -> false,
        c -> "ENFORCE",
        java.time.LocalDate.now());
  }

  /** The fresh 837 of the claims {@code gate} let through, as the gateway queues it to forward. */
  private static int forwardOf(dev.x12gw.intake.ScrubGate gate, Path file) throws IOException {
    String head;
    try (InputStream in = Files.newInputStream(file)) {
      head = new String(in.readNBytes(4096), java.nio.charset.StandardCharsets.ISO_8859_1);
    }
    String isa = head.substring(0, 106);
    int gs = head.indexOf("GS" + isa.charAt(3));
    String gsSegment = head.substring(gs, head.indexOf(isa.charAt(105), gs));
    return gate.forward(isa, gsSegment, 1, java.time.LocalDateTime.now()).orElse("").length();
  }

  /** An {@code analyze} whose records go to a discarding stream. */
  private static Analyze analyzer(X12FileProcessor processor) {
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
    return new Analyze(processor, nowhere, nowhere);
  }

  private static long analyzeOne(Analyze analyze, Path file) throws IOException {
    analyze.run(List.of(file));
    return analyze.claimsRead(file);
  }
}
