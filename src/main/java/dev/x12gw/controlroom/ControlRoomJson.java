package dev.x12gw.controlroom;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.x12gw.domain.controlroom.KpiReport;
import dev.x12gw.domain.controlroom.KpiRow;
import dev.x12gw.domain.controlroom.KpiValue;
import dev.x12gw.domain.controlroom.Metric;
import dev.x12gw.domain.controlroom.Worklist;
import dev.x12gw.domain.controlroom.WorklistItem;
import java.time.LocalDate;

/**
 * The control room's JSON (REST API and {@code x12gw report --format json}): KPI reports with their
 * formulas, and worklist pages. Amounts as plain decimals, dates as ISO strings.
 */
public final class ControlRoomJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private ControlRoomJson() {}

  /** The report: query, each metric's unit and formula, the total and each segment. */
  public static ObjectNode kpis(KpiReport r) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("from", text(r.query().from()));
    root.put("to", text(r.query().to()));
    root.put("asOf", r.query().asOf().toString());
    root.put("by", r.query().by().label());
    ObjectNode metrics = root.putObject("metrics");
    for (Metric m : Metric.values()) {
      ObjectNode o = metrics.putObject(m.label());
      o.put("unit", m.unit().name());
      o.put("formula", m.formula());
    }
    root.set("total", row(r.total()));
    ArrayNode segments = root.putArray("segments");
    for (KpiRow row : r.rows()) {
      segments.add(row(row));
    }
    return root;
  }

  private static ObjectNode row(KpiRow row) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("segment", row.segment());
    ObjectNode values = o.putObject("kpis");
    for (Metric m : Metric.values()) {
      KpiValue v = row.get(m);
      ObjectNode x = values.putObject(m.label());
      x.put("value", v.value());
      x.put("numerator", v.numerator());
      x.put("denominator", v.denominator());
      x.put("amount", v.amount());
    }
    return o;
  }

  /** A worklist page with days left to each deadline from the query's day. */
  public static ObjectNode worklist(Worklist w) {
    ObjectNode root = MAPPER.createObjectNode();
    LocalDate asOf = w.query().asOf();
    root.put("asOf", asOf.toString());
    root.put("total", w.total());
    root.put("offset", w.query().offset());
    root.put("limit", w.query().limit());
    ArrayNode items = root.putArray("items");
    for (WorklistItem i : w.items()) {
      ObjectNode o = items.addObject();
      o.put("recordId", i.recordId());
      o.put("recordType", i.recordType());
      o.put("payerId", i.payerId());
      o.put("payerName", i.payerName());
      o.put("providerNpi", i.providerNpi());
      o.put("providerName", i.providerName());
      o.put("claimRef", i.claimRef());
      o.put("payerClaimNumber", i.payerClaimNumber());
      if (i.lineNumber() > 0) {
        o.put("lineNumber", i.lineNumber());
      } else {
        o.putNull("lineNumber");
      }
      o.put("procedureCode", i.procedureCode());
      o.put("family", i.family());
      o.put("rootCause", i.rootCause());
      o.put("drivingCode", i.drivingCode());
      o.put("pathway", i.pathway());
      o.put("ruleId", i.ruleId());
      o.put("amountAtStake", i.amountAtStake());
      o.put("expectedRecovery", i.expectedRecovery());
      o.put("laborCost", i.laborCost());
      o.put("priority", i.priority());
      o.put("decidedOn", text(i.decidedOn()));
      deadline(o, "appealDeadline", asOf, i.appealDeadline());
      deadline(o, "negotiationDeadline", asOf, i.negotiationDeadline());
      deadline(o, "idrDeadline", asOf, i.idrDeadline());
    }
    return root;
  }

  private static void deadline(ObjectNode o, String name, LocalDate asOf, LocalDate d) {
    o.put(name, text(d));
    Long left = WorklistItem.daysLeft(asOf, d);
    if (left == null) {
      o.putNull(name + "DaysLeft");
    } else {
      o.put(name + "DaysLeft", left);
    }
  }

  /** The payer × family heat map: payers, families and one cell per pair with denials. */
  public static ObjectNode heatMap(java.util.List<dev.x12gw.domain.controlroom.HeatCell> cells) {
    ObjectNode root = MAPPER.createObjectNode();
    java.util.TreeSet<String> payers = new java.util.TreeSet<>();
    java.util.TreeSet<String> families = new java.util.TreeSet<>();
    ArrayNode out = root.putArray("cells");
    for (dev.x12gw.domain.controlroom.HeatCell c : cells) {
      payers.add(c.payerId());
      families.add(c.family());
      ObjectNode o = out.addObject();
      o.put("payerId", c.payerId());
      o.put("family", c.family());
      o.put("denials", c.denials());
      o.put("amount", c.amount());
      o.put("adjudicated", c.adjudicated());
      o.put("rate", c.rate());
    }
    payers.forEach(root.putArray("payers")::add);
    families.forEach(root.putArray("families")::add);
    return root;
  }

  /** {@code {"error": message}}. */
  public static String error(String message) {
    return write(MAPPER.createObjectNode().put("error", message));
  }

  /** Compact JSON text. */
  public static String write(Object node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Indented JSON text. */
  public static String writePretty(Object node) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(LocalDate d) {
    return d == null ? null : d.toString();
  }
}
