package dev.x12gw.gateway;

import dev.x12gw.controlroom.ControlRoomJson;
import dev.x12gw.domain.controlroom.Dimension;
import dev.x12gw.domain.controlroom.KpiQuery;
import dev.x12gw.domain.controlroom.WorklistQuery;
import dev.x12gw.store.ControlRoomStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.apache.camel.Header;

/**
 * The control room's REST API (bean {@code controlRoom}, routes {@code
 * routes/control-room.camel.yaml}): KPIs and the worklist as JSON, from the store. Query parameters
 * arrive as headers; a bad one is an {@link IllegalArgumentException} the route answers with 400.
 */
public final class ControlRoomApi {
  private final ControlRoomStore store;
  private final Clock clock;

  public ControlRoomApi(ControlRoomStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

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
    return ControlRoomJson.write(ControlRoomJson.kpis(store.kpis(q)));
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
    return ControlRoomJson.write(ControlRoomJson.worklist(store.worklist(q)));
  }

  /** GET /api/v1/heatmap?from&to: denials per payer × family. */
  public String heatMap(@Header("from") String from, @Header("to") String to) {
    return ControlRoomJson.write(
        ControlRoomJson.heatMap(store.heatMap(date("from", from), date("to", to))));
  }

  /** The body of a 400 answer. */
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
