package dev.x12gw.gateway;

import dev.x12gw.controlroom.ControlRoomJson;
import dev.x12gw.controlroom.EvidencePacketPdf;
import dev.x12gw.controlroom.EvidencePacketZip;
import dev.x12gw.controlroom.EvidencePackets;
import dev.x12gw.domain.controlroom.Dimension;
import dev.x12gw.domain.controlroom.EvidencePacket;
import dev.x12gw.domain.controlroom.KpiQuery;
import dev.x12gw.domain.controlroom.WorklistQuery;
import dev.x12gw.records.OutboundRecord;
import dev.x12gw.store.ControlRoomStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.camel.Header;

/**
 * The control room's REST API (bean {@code controlRoom}, routes {@code
 * routes/control-room.camel.yaml}): KPIs, the heat map, the worklist and payer patterns as JSON,
 * computed over the facts held in memory ({@link ControlRoomFactsCache}); evidence packets from the
 * store. Query parameters arrive as headers; a bad one is an {@link IllegalArgumentException} the
 * route answers with 400.
 */
public final class ControlRoomApi {
  private final ControlRoomStore store;
  private final ControlRoomFactsCache facts;
  private final PayerPatterns patterns;
  private final Prebill prebill;
  private final ScrubFeedback feedback;
  private final EvidencePackets packets;
  private final Clock clock;

  public ControlRoomApi(
      ControlRoomStore store,
      ControlRoomFactsCache facts,
      PayerPatterns patterns,
      Prebill prebill,
      ScrubFeedback feedback,
      EvidencePackets packets,
      Clock clock) {
    this.prebill = prebill;
    this.feedback = java.util.Objects.requireNonNull(feedback, "feedback");
    this.store = store;
    this.facts = facts;
    this.patterns = patterns;
    this.packets = packets;
    this.clock = clock;
  }

  /**
   * GET /api/v1/findings/{recordId}/packet.pdf?asOf: the evidence packet of a classified finding in
   * force as a PDF; {@link NoSuchElementException} (404) when there is none.
   */
  public byte[] packetPdf(@Header("recordId") String recordId, @Header("asOf") String asOf) {
    return new EvidencePacketPdf().render(packet(recordId, asOf));
  }

  /** GET /api/v1/findings/{recordId}/packet.zip?asOf: the same packet as a ZIP (JSON, X12, PDF). */
  public byte[] packetZip(@Header("recordId") String recordId, @Header("asOf") String asOf) {
    return new EvidencePacketZip().write(packet(recordId, asOf));
  }

  private EvidencePacket packet(String recordId, String asOf) {
    String id = text(recordId);
    if (!RECORD_ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "recordId must be a record id (36 characters): '" + id + "'");
    }
    LocalDate day = asOf(asOf);
    return packets
        .packet(id, day)
        .orElseThrow(
            () -> new NoSuchElementException("no classified finding in force has record id " + id));
  }

  private static final java.util.regex.Pattern RECORD_ID =
      java.util.regex.Pattern.compile("[0-9a-fA-F-]{36}");

  /** GET /api/v1/kpis?from&to&asOf&by. */
  public String kpis(
      @Header("from") String from,
      @Header("to") String to,
      @Header("asOf") String asOf,
      @Header("by") String by) {
    KpiQuery q =
        new KpiQuery(
            date("from", from),
            date("to", to),
            asOf(asOf),
            by == null || by.isBlank() ? Dimension.TOTAL : Dimension.parse(by));
    return ControlRoomJson.write(ControlRoomJson.kpis(facts.facts().kpis(q)));
  }

  /** GET /api/v1/worklist?asOf&pathway&payer&provider&family&deadlineWithinDays&limit&offset. */
  public String worklist(
      @Header("asOf") String asOf,
      @Header("pathway") String pathway,
      @Header("payer") String payer,
      @Header("provider") String provider,
      @Header("family") String family,
      @Header("deadlineWithinDays") String deadlineWithinDays,
      @Header("limit") String limit,
      @Header("offset") String offset) {
    WorklistQuery q =
        new WorklistQuery(
            asOf(asOf),
            upper(pathway),
            text(payer),
            text(provider),
            upper(family),
            integer("deadlineWithinDays", deadlineWithinDays, 0),
            integer("limit", limit, 50),
            integer("offset", offset, 0));
    return ControlRoomJson.write(ControlRoomJson.worklist(store.worklist(q, facts.facts())));
  }

  /** GET /api/v1/heatmap?from&to: denials per payer × family. */
  public String heatMap(@Header("from") String from, @Header("to") String to) {
    return ControlRoomJson.write(
        ControlRoomJson.heatMap(facts.facts().heatMap(date("from", from), date("to", to))));
  }

  /**
   * GET /api/v1/patterns?period=yyyy-MM (default: the month before {@code asOf}, default today):
   * the payer patterns of that month, each as its {@code PAYER_PATTERN} record.
   */
  public String patterns(@Header("period") String period, @Header("asOf") String asOf) {
    YearMonth month;
    if (period == null || period.isBlank()) {
      month = YearMonth.from(asOf(asOf)).minusMonths(1);
    } else {
      try {
        month = YearMonth.parse(period.strip());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("period must be a month yyyy-mm: '" + period + "'");
      }
    }
    List<String> records = new ArrayList<>();
    for (OutboundRecord r : patterns.records(month)) {
      records.add(r.json());
    }
    return "{\"period\":\"" + month + "\",\"patterns\":[" + String.join(",", records) + "]}";
  }

  /** GET /api/v1/held-claims?status=held|released: the claims the scrubber held. */
  public String heldClaims(@Header("status") String status) throws Exception {
    return scrubber().heldClaims(status);
  }

  /**
   * POST /api/v1/held-claims/{id}/release?note: forwards a held claim (fixed, or cleared by a
   * biller) in a fresh 837; 404 when there is no such claim, 409 when it was released before.
   */
  public String releaseHeldClaim(@Header("id") String id, @Header("note") String note)
      throws Exception {
    long claim;
    try {
      claim = Long.parseLong(text(id));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("id must be a held claim's number: '" + id + "'");
    }
    String n = text(note);
    if (n.length() > 400) {
      throw new IllegalArgumentException("note is at most 400 characters");
    }
    return scrubber().release(claim, n.isEmpty() ? null : n);
  }

  /**
   * GET /api/v1/scrubber/feedback: the latest backtest report (the prevention figure), the rules
   * learned from the store's denials and the active rules that missed denials they cover.
   */
  public String scrubberFeedback() throws Exception {
    return feedback.feedback();
  }

  private Prebill scrubber() {
    if (prebill == null) {
      throw new NoSuchElementException("the scrubber is not in the claims' path (prebill.enabled)");
    }
    return prebill;
  }

  /** The body of a 400 or 404 answer. */
  public String error(Exception e) {
    return ControlRoomJson.error(e.getMessage() == null ? e.toString() : e.getMessage());
  }

  private LocalDate asOf(String s) {
    LocalDate d = date("asOf", s);
    return d != null ? d : LocalDate.now(clock);
  }

  private static LocalDate date(String name, String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(s.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " must be a date yyyy-mm-dd: '" + s + "'");
    }
  }

  private static int integer(String name, String s, int otherwise) {
    if (s == null || s.isBlank()) {
      return otherwise;
    }
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number: '" + s + "'");
    }
  }

  private static String text(String s) {
    return s == null ? "" : s.strip();
  }

  private static String upper(String s) {
    return text(s).toUpperCase(java.util.Locale.ROOT).replace('-', '_');
  }
}
