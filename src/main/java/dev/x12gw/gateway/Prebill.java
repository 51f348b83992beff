package dev.x12gw.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.scrub.Scrubber;
import dev.x12gw.domain.scrub.ServiceHistory;
import dev.x12gw.intake.FileReport;
import dev.x12gw.intake.ScrubGate;
import dev.x12gw.records.RecordFactory;
import dev.x12gw.store.AckControlNumbers;
import dev.x12gw.store.Database;
import dev.x12gw.store.IntakeFiles;
import dev.x12gw.store.Outbox;
import dev.x12gw.store.PrebillStore;
import dev.x12gw.x12.ClaimForwardWriter;
import dev.x12gw.x12.Delimiters;
import dev.x12gw.x12.Segment;
import dev.x12gw.x12.X12Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pre-submission scrubber in the claims' path (bean {@code prebill}, routes {@code
 * routes/scrub-outgoing-claims.camel.yaml}). {@link #scrub} reads an outgoing 837 once by content,
 * scrubs every claim and, in one database transaction, holds the claims with a hard stop (in {@code
 * enforce} mode) with their findings, segments and a {@code CLAIM_HELD} record each, and queues one
 * fresh 837 of the other claims to forward; {@link #pending}/{@link #load}/{@link #forwarded} let
 * the forward route upload each queued 837 (to the clearinghouse folder and to the gateway's own
 * 837 intake, which stores its claims as submitted) until it is marked done, so a crash between the
 * commit and the upload uploads it again; {@link #release} queues a held claim alone in a fresh
 * 837.
 */
public final class Prebill {
  private static final Logger LOG = LoggerFactory.getLogger(Prebill.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The flow of an outgoing 837's intake_file row. */
  static final String FLOW = "837-outgoing";

  private final Database database;
  private final GatewayIntake intake;

  /** Every claim line taken in as submitted, for the duplicate check (read as files come). */
  private final dev.x12gw.store.SubmittedServices submitted =
      new dev.x12gw.store.SubmittedServices();

  private final Scrubber scrubber;
  private final RecordFactory records;
  private final String defaultMode;
  private final Map<String, String> modes;
  private final Clock clock;

  public Prebill(
      Database database,
      GatewayIntake intake,
      Scrubber scrubber,
      RecordFactory records,
      String defaultMode,
      Map<String, String> modes,
      Clock clock) {
    this.database = database;
    this.intake = intake;
    this.scrubber = scrubber;
    this.records = records;
    this.defaultMode = defaultMode.strip().toUpperCase(Locale.ROOT);
    if (!this.defaultMode.equals("ENFORCE") && !this.defaultMode.equals("ADVISE")) {
      throw new IllegalArgumentException("prebill.mode is enforce or advise: " + defaultMode);
    }
    this.modes = Map.copyOf(modes);
    this.clock = clock;
  }

  /**
   * Scrubs the spooled outgoing 837 {@code spool} (named {@code name}, content {@code sha}) and
   * takes it in, in one read and one database transaction: the claims that pass are stored as
   * submitted (matched and published as by the 837 intake), the others held; one fresh 837 of the
   * claims that pass is queued to forward. A file of the same content scrubbed before (or taken in
   * by the 837 intake) is left alone. The spool is deleted.
   */
  public void scrub(
      @Header(Exchange.FILE_NAME_ONLY) String name,
      @Header(IntakeHeaders.SHA256) String sha,
      @Header(IntakeHeaders.SPOOL) String spool,
      @org.apache.camel.Headers Map<String, Object> headers)
      throws Exception {
    Path file = Path.of(spool);
    try {
      String[] envelope = envelope(file);
      LocalDate today = LocalDate.now(clock);
      FileReport report =
          intake.inTurn(
              () ->
                  database.inTransaction(
                      c -> {
                        if (PrebillStore.scrubbed(c, sha)) {
                          LOG.info(
                              "{}: same content as an outgoing file scrubbed before; left alone",
                              name);
                          return null;
                        }
                        if (IntakeFiles.find(c, sha).isPresent()) {
                          LOG.warn(
                              "{}: same content as a file the 837 intake took in as submitted;"
                                  + " left alone",
                              name);
                          return null;
                        }
                        try (PrebillStore.Services services = new PrebillStore.Services(c)) {
                          // duplicates: a line of this file, or of a claim that went out before
                          submitted.refresh(c);
                          ServiceHistory sent =
                              (claimRef, key) -> {
                                try {
                                  return submitted.submitted(key) || services.forwarded(key);
                                } catch (java.sql.SQLException e) {
                                  throw new dev.x12gw.store.StoreUnavailableException(
                                      "cannot read the services forwarded before", e);
                                }
                              };
                          ScrubGate gate = new ScrubGate(scrubber, sent, this::mode, today);
                          FileReport r = intake.takeInGated(c, file, name, sha, FLOW, gate);
                          commitScrubbed(c, name, sha, envelope, gate, services);
                          return r;
                        }
                      }));
      if (report == null) {
        return;
      }
      database.sync();
      for (X12Problem p : report.read().problems()) {
        if (p.isError()) {
          LOG.warn("{}: {}", name, p.describe());
        }
      }
      if (report.outcome().quarantined()) {
        headers.put(IntakeHeaders.TARGET_FOLDER, ".error"); // as the intake does
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** The scrubbed claims' holds, records, forwarded services and forward, in {@code c}. */
  private void commitScrubbed(
      java.sql.Connection c,
      String name,
      String sha,
      String[] envelope,
      ScrubGate gate,
      PrebillStore.Services services)
      throws Exception {
    List<ScrubGate.Scrubbed> claims = gate.claims();
    Instant now = clock.instant();
    int held = (int) claims.stream().filter(ScrubGate.Scrubbed::held).count();
    long fileId = PrebillStore.file(c, sha, name, claims.size(), held, now);
    for (int i = 0; i < claims.size(); i++) {
      ScrubGate.Scrubbed s = claims.get(i);
      if (!s.held()) {
        if (s.withdrawsServices()) {
          services.withdraw(s.services());
        } else {
          services.add(s.services(), s.claim().patientControlNumber(), now);
        }
        if (!s.findings().isEmpty()) {
          Outbox.add(c, records.claimScrubbed(sha, i, s.mode(), s.claim(), s.findings()));
        }
        continue;
      }
      dev.x12gw.records.OutboundRecord preview =
          records.claimHeld(sha, i, 0, s.mode(), s.claim(), s.findings());
      long id =
          PrebillStore.hold(
              c,
              fileId,
              new PrebillStore.Held(
                  0,
                  preview.recordId(),
                  s.claim().patientControlNumber(),
                  s.claim().payer().id(),
                  s.claim().billingProvider().npi(),
                  s.claim().source().interchangeControlNumber(),
                  s.claim().source().groupControlNumber(),
                  s.claim().source().transactionControlNumber(),
                  s.version(),
                  envelope[0] + "\n" + envelope[1],
                  delimiters(s.delimiters()),
                  String.join("\n", s.segments()),
                  findingsOf(preview),
                  String.join(" ", s.services()),
                  "HELD",
                  now,
                  null,
                  null));
      Outbox.add(c, records.claimHeld(sha, i, id, s.mode(), s.claim(), s.findings()));
    }
    if (held < claims.size()) {
      long control = AckControlNumbers.next(c);
      String content =
          gate.forward(envelope[0], envelope[1], control, LocalDateTime.now(clock)).orElseThrow();
      PrebillStore.forward(
          c,
          fileId,
          null,
          forwardName(control),
          content.getBytes(StandardCharsets.UTF_8),
          claims.size() - held,
          now);
    }
    LOG.info(
        "{}: {} claim(s) scrubbed: {} held, {} taken in as submitted and queued to forward;"
            + " committing",
        name,
        claims.size(),
        held,
        claims.size() - held);
  }

  /** The 837s queued and not forwarded yet (at most 50), oldest first. */
  public List<Long> pending() throws Exception {
    return database.inTransaction(c -> PrebillStore.pending(c, 50));
  }

  /** Sets the body to queued 837 {@code id} and the file name header; null body when done. */
  public void load(@Header(IntakeHeaders.FORWARD_ID) long id, Exchange exchange) throws Exception {
    PrebillStore.Forward f =
        database.inTransaction(c -> PrebillStore.forwardOf(c, id)).orElse(null);
    if (f == null) {
      exchange.getIn().setBody(null);
      return;
    }
    exchange.getIn().setHeader(Exchange.FILE_NAME, f.fileName());
    exchange.getIn().setBody(f.content());
  }

  /** Queued 837 {@code id} was uploaded to both folders. */
  public void forwarded(
      @Header(IntakeHeaders.FORWARD_ID) long id, @Header(Exchange.FILE_NAME) String name)
      throws Exception {
    database.inTransaction(
        c -> {
          PrebillStore.forwarded(c, id, clock.instant());
          return null;
        });
    LOG.info("{}: forwarded to the clearinghouse", name);
  }

  /**
   * Releases held claim {@code id}: queues it alone in a fresh 837 (its segments as received) and
   * marks it released with {@code note}; returns the released claim as JSON. {@link
   * NoSuchElementException} when there is no such claim, {@link IllegalStateException} when it was
   * released before.
   */
  public String release(long id, String note) throws Exception {
    PrebillStore.Held h =
        intake.inTurn(
            () ->
                database.inTransaction(
                    c -> {
                      PrebillStore.Held held =
                          PrebillStore.heldClaim(c, id)
                              .orElseThrow(() -> new NoSuchElementException("no held claim " + id));
                      if (!held.status().equals("HELD")) {
                        throw new IllegalStateException(
                            "held claim " + id + " was released on " + held.releasedAt());
                      }
                      String[] envelope = held.envelope().split("\n", 2);
                      long control = AckControlNumbers.next(c);
                      byte[] content =
                          ClaimForwardWriter.write(
                                  envelope[0],
                                  envelope[1],
                                  List.of(
                                      new ClaimForwardWriter.Claim(
                                          List.of(held.segments().split("\n")), held.guide())),
                                  control,
                                  LocalDateTime.now(clock))
                              .getBytes(StandardCharsets.UTF_8);
                      String name = forwardName(control);
                      // taken in as submitted with the release, as a scrubbed file's claims are
                      Path spool = Files.createTempFile("x12gw-release-", ".837");
                      try {
                        Files.write(spool, content);
                        intake.takeInGated(c, spool, name, sha256(content), FLOW, null);
                      } finally {
                        Files.deleteIfExists(spool);
                      }
                      Instant now = clock.instant();
                      PrebillStore.forward(c, null, id, name, content, 1, now);
                      PrebillStore.released(c, id, note, now);
                      if (!held.services().isBlank()) {
                        try (PrebillStore.Services services = new PrebillStore.Services(c)) {
                          List<String> keys = List.of(held.services().split(" "));
                          if (isVoid(held)) {
                            services.withdraw(keys); // a void going out, as in a scrubbed file
                          } else {
                            services.add(keys, held.claimRef(), now);
                          }
                        }
                      }
                      return PrebillStore.heldClaim(c, id).orElseThrow();
                    }));
    database.sync();
    LOG.info("Held claim {} released: taken in as submitted and queued to forward", id);
    return json(h).toString();
  }

  private static String sha256(byte[] content) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** The held claims of {@code status} (HELD, RELEASED, or all when empty) as a JSON list. */
  public String heldClaims(String status) throws Exception {
    String s = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
    if (s != null && !s.equals("HELD") && !s.equals("RELEASED")) {
      throw new IllegalArgumentException("status is held or released: '" + status + "'");
    }
    List<PrebillStore.Held> list = database.inTransaction(c -> PrebillStore.held(c, s, 500));
    ObjectNode o = JSON.createObjectNode();
    ArrayNode items = o.putArray("items");
    for (PrebillStore.Held h : list) {
      items.add(json(h));
    }
    return o.toString();
  }

  private static ObjectNode json(PrebillStore.Held h) throws IOException {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", h.id());
    o.put("recordId", h.recordId());
    o.put("status", h.status());
    o.put("claimRef", h.claimRef());
    o.put("payerId", h.payerId());
    o.put("providerNpi", h.billingNpi());
    o.put("interchangeControlNumber", h.interchangeControlNumber());
    o.put("groupControlNumber", h.groupControlNumber());
    o.put("transactionControlNumber", h.transactionControlNumber());
    o.put("heldAt", h.heldAt().toString());
    o.put("releasedAt", h.releasedAt() == null ? null : h.releasedAt().toString());
    o.put("releaseNote", h.releaseNote());
    o.set("findings", JSON.readTree(h.findings()));
    return o;
  }

  /** ENFORCE or ADVISE for the claim's billing NPI and payer. */
  String mode(SubmittedClaim claim) {
    String npi = claim.billingProvider().npi();
    String payer = claim.payer().id().toUpperCase(Locale.ROOT);
    for (String key : List.of(npi + "|" + payer, npi + "|*", "*|" + payer, "*|*")) {
      String m = modes.get(key);
      if (m != null) {
        return m;
      }
    }
    return defaultMode;
  }

  private static String forwardName(long control) {
    return String.format("x12gw-837-%09d.837", control);
  }

  /** 837 loop 2300 CLM05-3: whether a held claim is a void (8), from its segments as received. */
  static boolean isVoid(PrebillStore.Held h) {
    String d = h.delimiters(); // element, component, repetition (delimiters(Delimiters), below)
    Delimiters delimiters = new Delimiters(d.charAt(0), d.charAt(1), d.charAt(2), '\n');
    for (String text : h.segments().split("\n")) {
      Segment s = new Segment(text, delimiters, 0, 0);
      if (s.id().equals("CLM")) {
        return s.component(5, 3).equals("8");
      }
    }
    return false;
  }

  private static String delimiters(Delimiters d) {
    return new String(new char[] {d.element(), d.component(), d.repetition()});
  }

  /** The findings of a {@code CLAIM_HELD} record, as the held claim keeps them. */
  private static String findingsOf(dev.x12gw.records.OutboundRecord record) throws IOException {
    return JSON.readTree(record.json()).get("findings").toString();
  }

  /** The file's first ISA (with its terminator) and GS (without). */
  private static String[] envelope(Path file) throws IOException {
    String head;
    try (var in = Files.newInputStream(file)) {
      head = new String(in.readNBytes(4096), StandardCharsets.ISO_8859_1);
    }
    int isa = head.indexOf("ISA");
    if (isa < 0 || head.length() < isa + 106) {
      throw new IOException("no ISA segment at the start of the file");
    }
    String isaSegment = head.substring(isa, isa + 106);
    char terminator = isaSegment.charAt(105);
    int gs = head.indexOf("GS" + isaSegment.charAt(3), isa + 106);
    if (gs < 0) {
      throw new IOException("no GS segment after the ISA");
    }
    int end = head.indexOf(terminator, gs);
    return new String[] {isaSegment, head.substring(gs, end < 0 ? head.length() : end)};
  }
}
