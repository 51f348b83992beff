package dev.x12gw.cli;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.x12gw.domain.port.ClaimRepository;
import dev.x12gw.intake.FileReport;
import dev.x12gw.intake.IntakeTarget;
import dev.x12gw.intake.RecordSink;
import dev.x12gw.intake.X12FileProcessor;
import dev.x12gw.records.OutboundRecord;
import dev.x12gw.store.InMemoryClaimRepository;
import dev.x12gw.store.InMemoryPayerStats;
import dev.x12gw.x12.Segment;
import dev.x12gw.x12.X12Problem;
import dev.x12gw.x12.X12SyntaxException;
import dev.x12gw.x12.X12Tokenizer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code x12gw analyze PATH...}: the gateway's parsing, matching and classification over local
 * files, with an in-memory store and no broker. Every record the gateway would publish is written
 * to standard output as one JSON object per line with its destination in an extra {@code queue}
 * field. Claims (837) are read before remittances (835) so the result does not depend on the order
 * files are named in.
 */
final class Analyze {
  private final X12FileProcessor processor;
  private final OutputStream out;
  private final PrintStream err;
  private final InMemoryClaimRepository store = new InMemoryClaimRepository();
  private final InMemoryPayerStats stats = new InMemoryPayerStats();
  private final RecordIdSet published = new RecordIdSet();
  private final Map<String, String> seenContent = new HashMap<>();
  private final Target target = new Target();
  private final Map<Path, Long> claimsRead = new HashMap<>();

  Analyze(X12FileProcessor processor, PrintStream out, PrintStream err) {
    store.onDrop(stats::fold);
    this.processor = processor;
    this.out = new BufferedOutputStream(out, 1 << 16);
    this.err = err;
  }

  /** Expands directories (recursively, by name) and keeps files in the order given. */
  static List<Path> expand(List<Path> paths) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile)
              .filter(f -> !p.relativize(f).toString().matches("(^|.*/)\\..*"))
              .sorted(Comparator.comparing(Path::toString))
              .forEach(files::add);
        }
      } else {
        files.add(p);
      }
    }
    return files;
  }

  /** Analyzes the files; returns the exit status (0 all read, 1 anything quarantined). */
  int run(List<Path> files) throws IOException {
    List<Path> claims = new ArrayList<>();
    List<Path> others = new ArrayList<>();
    for (Path f : files) {
      ("837".equals(sniff(f)) ? claims : others).add(f);
    }
    boolean quarantined = false;
    try {
      for (Path f : claims) {
        quarantined |= analyze(f);
      }
      // every claim is in: a remittance without its claim now will never find it
      store.stopWaitingForClaims();
      for (Path f : others) {
        quarantined |= analyze(f);
      }
    } finally {
      out.flush();
      target.buffer.close();
    }
    return quarantined ? 1 : 0;
  }

  private boolean analyze(Path file) throws IOException {
    String name = file.getFileName().toString();
    String sha = sha256(file);
    String first = seenContent.putIfAbsent(sha, file.toString());
    if (first != null) {
      err.println("x12gw analyze: " + file + ": same content as " + first + "; skipped");
      return false;
    }
    FileReport report =
        processor.process(file, name, sha, target, gate == null ? null : gate.apply(file));
    claimsRead.put(file, report.read().claims() + report.read().payments());
    if (report.outcome().quarantined()) {
      out.flush();
      err.println("x12gw analyze: " + file + ": " + report.outcome());
      for (X12Problem p : report.read().problems()) {
        if (p.isError()) {
          err.println("  " + p.describe());
        }
      }
      return true;
    }
    return false;
  }

  /**
   * A gate before each 837 claim of each file (the scrubber, as in the gateway's {@code
   * 837-outgoing} path: one read both scrubs and takes the claims in); null takes every claim.
   */
  private java.util.function.Function<Path, dev.x12gw.intake.ClaimGate> gate;

  Analyze gate(java.util.function.Function<Path, dev.x12gw.intake.ClaimGate> perFile) {
    this.gate = perFile;
    return this;
  }

  /** Payer intelligence of everything analyzed so far. */
  InMemoryPayerStats stats() {
    return stats;
  }

  /** 837 claims plus 835 claim payments read from a file of the last run (0 if not read). */
  long claimsRead(Path file) {
    return claimsRead.getOrDefault(file, 0L);
  }

  /** Records of a transaction set wait in a buffer until it is accepted. */
  private final class Target implements IntakeTarget {
    final SpillBuffer buffer = new SpillBuffer(8 << 20);

    /** Fingerprints of the ids written in the current transaction set (to forget on rollback). */
    private long[] idsInTransaction = new long[1024];

    private int idCount;
    private boolean inTransaction;

    @Override
    public ClaimRepository repository() {
      return store;
    }

    @Override
    public RecordSink records() {
      return this::print;
    }

    @Override
    public InMemoryPayerStats stats() {
      return stats;
    }

    private boolean print(OutboundRecord r) {
      long id = RecordIdSet.fingerprint(r.recordId());
      if (!published.add(id)) {
        return false;
      }
      StringBuilder line = new StringBuilder(r.json().length() + r.queue().length() + 12);
      line.append("{\"queue\":\"");
      JsonStringEncoder.getInstance().quoteAsString(r.queue(), line);
      line.append("\",").append(r.json(), 1, r.json().length()).append('\n');
      byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
      if (inTransaction) {
        if (idCount == idsInTransaction.length) {
          idsInTransaction = java.util.Arrays.copyOf(idsInTransaction, idCount * 2);
        }
        idsInTransaction[idCount++] = id;
        buffer.write(bytes);
      } else {
        try {
          out.write(bytes);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      return true;
    }

    @Override
    public void beginTransaction() {
      store.begin();
      stats.begin();
      inTransaction = true;
    }

    @Override
    public void commitTransaction(dev.x12gw.intake.CommittedSet set) {
      store.commit();
      stats.commit();
      inTransaction = false;
      idCount = 0;
      buffer.drainTo(out);
    }

    @Override
    public void rollbackTransaction() {
      store.rollback();
      stats.rollback();
      inTransaction = false;
      for (int i = 0; i < idCount; i++) {
        published.remove(idsInTransaction[i]);
      }
      idCount = 0;
      buffer.discard();
    }
  }

  /**
   * Transaction set of a file from its first GS01/ST01: "837", "835", or "" when not X12 or
   * neither.
   */
  static String sniff(Path file) throws IOException {
    char[] head = new char[8192];
    int n;
    try (Reader r = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
      n = r.read(head);
    }
    if (n <= 0) {
      return "";
    }
    try (X12Tokenizer t = new X12Tokenizer(new StringReader(new String(head, 0, n)))) {
      for (int i = 0; i < 20; i++) {
        Segment s = t.next();
        if (s == null) {
          return "";
        }
        if ("GS".equals(s.id())) {
          return switch (s.element(1)) {
            case "HC" -> "837";
            case "HP" -> "835";
            default -> "";
          };
        }
        if ("ST".equals(s.id())) {
          return s.element(1);
        }
      }
    } catch (X12SyntaxException e) {
      return "";
    }
    return "";
  }

  static String sha256(Path file) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
      in.transferTo(OutputStreamSink.INSTANCE);
    }
    return java.util.HexFormat.of().formatHex(sha.digest());
  }

  /** Discards bytes (the digest stream does the work). */
  private static final class OutputStreamSink extends java.io.OutputStream {
    static final OutputStreamSink INSTANCE = new OutputStreamSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }
}
