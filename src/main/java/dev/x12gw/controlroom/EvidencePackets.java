package dev.x12gw.controlroom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.x12gw.domain.classification.DenialFamily;
import dev.x12gw.domain.classification.RecoveryPathway;
import dev.x12gw.domain.classification.RootCause;
import dev.x12gw.domain.codes.CodeEntry;
import dev.x12gw.domain.codes.CodeKind;
import dev.x12gw.domain.codes.CodeTables;
import dev.x12gw.domain.contract.Network;
import dev.x12gw.domain.controlroom.EvidencePacket;
import dev.x12gw.domain.controlroom.EvidencePacket.Amounts;
import dev.x12gw.domain.controlroom.EvidencePacket.ClaimRef;
import dev.x12gw.domain.controlroom.EvidencePacket.CodeLine;
import dev.x12gw.domain.controlroom.EvidencePacket.Deadline;
import dev.x12gw.domain.controlroom.EvidencePacket.Decision;
import dev.x12gw.domain.controlroom.EvidencePacket.NsaDispute;
import dev.x12gw.domain.controlroom.EvidencePacket.Payer;
import dev.x12gw.domain.controlroom.EvidencePacket.Provider;
import dev.x12gw.domain.finding.RecordType;
import dev.x12gw.store.EvidenceStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Evidence packets from the store: a classified finding's published record (v1 contract, see
 * docs/records.md), the 837 claim's and 835 payment's segments, and the code tables' descriptions,
 * made into an {@link EvidencePacket} for {@link EvidencePacketPdf} and {@link EvidencePacketZip}.
 */
public final class EvidencePackets {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final EvidenceStore store;
  private final CodeTables codes;

  public EvidencePackets(EvidenceStore store, CodeTables codes) {
    this.store = store;
    this.codes = codes;
  }

  /** The packet of the classified finding {@code recordId} as of {@code asOf}; empty if unknown. */
  public Optional<EvidencePacket> packet(String recordId, LocalDate asOf) {
    return store
        .finding(recordId)
        .map(
            f -> {
              JsonNode r = read(f.recordJson());
              List<String> claim = List.of();
              List<String> payment = List.of();
              if (f.caseId() != null) {
                claim = store.claimSegments(f.caseId(), text(r, "patientControlNumber"));
                payment =
                    store.paymentSegments(
                        f.caseId(),
                        text(r.path("remittance"), "traceNumber"),
                        text(r, "payerClaimControlNumber"));
              }
              return packet(r, f.recordJson(), claim, payment, asOf);
            });
  }

  /** The packet of a published record with its segments. */
  EvidencePacket packet(
      JsonNode r,
      String recordJson,
      List<String> claimSegments,
      List<String> remittanceSegments,
      LocalDate asOf) {
    JsonNode c = r.path("classification");
    JsonNode line = r.path("line");
    boolean lineLevel = line.isObject();
    Payer payer =
        new Payer(orElse(text(r.path("payer"), "id"), "unknown"), text(r.path("payer"), "name"));
    String tin = X12Text.element(claimSegments, "REF", "EI", 2);
    if (tin == null) {
      tin = text(r.path("contract"), "billingTin");
    }
    String providerName = text(r.path("provider"), "name");
    String npi = text(r.path("provider"), "npi");
    Provider provider =
        new Provider(orElse(providerName, orElse(npi, "billing provider")), npi, tin);
    LocalDate serviceDate = date(lineLevel ? line : r, "serviceDate");
    if (serviceDate == null) {
      serviceDate = date(r, "serviceDate");
    }
    String serviceCode = lineLevel ? text(line, "procedure") : null;
    ClaimRef claim =
        new ClaimRef(
            text(r, "patientControlNumber"),
            text(r, "payerClaimControlNumber"),
            serviceDate,
            null,
            serviceCode,
            lineLevel && line.path("lineNumber").isNumber()
                ? line.path("lineNumber").asInt()
                : null);
    BigDecimal atStake = amount(c, "amountAtStake");
    if (atStake == null) {
      atStake = firstAmount(r, "varianceAmount", "recoupedAmount", "billedAmount");
    }
    Amounts amounts =
        new Amounts(
            lineLevel ? amount(line, "chargeAmount") : amount(r, "billedAmount"),
            lineLevel ? amount(line, "paidAmount") : amount(r, "paidAmount"),
            atStake == null ? BigDecimal.ZERO : atStake,
            amount(c, "expectedRecovery"),
            amount(c, "laborCost"),
            amount(c, "priority"));
    List<String> evidence = new ArrayList<>();
    c.path("evidence").forEach(e -> evidence.add(e.asText()));
    JsonNode detection = r.path("detection");
    if (!text(detection, "rationale", "").isEmpty()) {
      evidence.add(
          0,
          "detected by " + text(detection, "ruleId", "") + ": " + text(detection, "rationale", ""));
    }
    Decision decision =
        new Decision(
            DenialFamily.valueOf(text(c, "denialFamily", "OTHER")),
            RootCause.valueOf(text(c, "rootCause", "PAYER_BEHAVIOR")),
            c.path("preventable").asBoolean(false),
            RecoveryPathway.valueOf(text(c, "recoveryPathway", "APPEAL")),
            orElse(text(c, "ruleId"), orElse(text(detection, "ruleId"), "unclassified")),
            text(c, "rationale", ""),
            evidence);
    List<Deadline> deadlines = new ArrayList<>();
    LocalDate appeal = date(c, "appealDeadline");
    if (appeal != null) {
      deadlines.add(new Deadline("Appeal deadline", appeal));
    }
    JsonNode nsa = c.path("noSurprisesAct");
    NsaDispute dispute = null;
    if (nsa.isObject() && date(nsa, "initialDecisionDate") != null) {
      deadlines.add(
          new Deadline("Open negotiation deadline", date(nsa, "openNegotiationDeadline")));
      deadlines.add(
          new Deadline("Federal IDR initiation (latest)", date(nsa, "idrInitiationOuterDeadline")));
      List<String> basis = new ArrayList<>();
      nsa.path("basis").forEach(b -> basis.add(b.asText()));
      String nsaService = serviceCode;
      if (nsaService == null) {
        nsaService = X12Text.firstProcedure(claimSegments, remittanceSegments);
      }
      dispute =
          new NsaDispute(
              date(nsa, "initialDecisionDate"),
              date(nsa, "openNegotiationDeadline"),
              date(nsa, "idrInitiationOuterDeadline"),
              amount(nsa, "qpa"),
              text(nsa, "qpaSource"),
              basis,
              Network.valueOf(text(nsa, "network", "OUT_OF_NETWORK")),
              text(c, "disputeBatchKey"),
              provider,
              payer,
              orElse(nsaService, "unknown"),
              serviceDate != null ? serviceDate : date(nsa, "initialDecisionDate"),
              X12Text.placeOfService(claimSegments));
    }
    deadlines.sort(java.util.Comparator.comparing(Deadline::date));
    return new EvidencePacket(
        text(r, "recordId"),
        RecordType.valueOf(text(r, "recordType")),
        asOf,
        payer,
        provider,
        claim,
        amounts,
        decision,
        codeLines(r, line),
        contractBasis(r),
        deadlines,
        dispute,
        claimSegments,
        remittanceSegments,
        recordJson);
  }

  /** 835 CAS group codes and CARCs, RARCs and the PLB reason, each once, with descriptions. */
  private List<CodeLine> codeLines(JsonNode r, JsonNode line) {
    List<CodeLine> out = new ArrayList<>();
    Set<String> groups = new LinkedHashSet<>();
    List<JsonNode> adjustments = new ArrayList<>();
    r.path("adjustments").forEach(adjustments::add);
    if (line.isObject() && adjustments.isEmpty()) {
      line.path("adjustments").forEach(adjustments::add);
    }
    for (JsonNode a : adjustments) {
      groups.add(text(a, "group", ""));
    }
    for (String g : groups) {
      if (!g.isEmpty()) {
        out.add(new CodeLine(CodeKind.GROUP, g, description(CodeKind.GROUP, g), null));
      }
    }
    for (JsonNode a : adjustments) {
      String reason = text(a, "reason");
      if (reason != null) {
        out.add(
            new CodeLine(
                CodeKind.CARC,
                text(a, "group", "") + "-" + reason,
                description(CodeKind.CARC, reason),
                amount(a, "amount")));
      }
    }
    Set<String> remarks = new LinkedHashSet<>();
    r.path("remarkCodes").forEach(x -> remarks.add(x.asText()));
    line.path("remarkCodes").forEach(x -> remarks.add(x.asText()));
    for (String rarc : remarks) {
      out.add(new CodeLine(CodeKind.RARC, rarc, description(CodeKind.RARC, rarc), null));
    }
    JsonNode plb = r.path("recoupment").path("providerAdjustment");
    if (plb.isObject() && text(plb, "reason") != null) {
      String reason = text(plb, "reason");
      out.add(
          new CodeLine(
              CodeKind.PLB_REASON,
              reason,
              description(CodeKind.PLB_REASON, reason),
              amount(plb, "amount")));
    }
    return out;
  }

  private String description(CodeKind kind, String code) {
    return codes.find(kind, code).map(CodeEntry::description).orElse(null);
  }

  /** The contract row or No Surprises Act target the payment was measured against, in words. */
  static String contractBasis(JsonNode r) {
    JsonNode k = r.path("contract");
    if (k.isObject()) {
      StringBuilder b = new StringBuilder();
      b.append(text(k, "source", "contract")).append(" — ").append(text(k, "procedureCode", ""));
      if (text(k, "modifier") != null) {
        b.append('-').append(text(k, "modifier"));
      }
      b.append(", allowed ")
          .append(plain(amount(k, "allowedAmount")))
          .append(" × ")
          .append(plain(amount(k, "units")))
          .append(k.path("units").asDouble(1) == 1 ? " unit" : " units");
      if (text(k, "effectiveFrom") != null) {
        b.append(", in effect ").append(text(k, "effectiveFrom"));
        if (text(k, "effectiveTo") != null) {
          b.append(" to ").append(text(k, "effectiveTo"));
        }
      }
      if (amount(k, "actualAmount") != null) {
        b.append("; allowed as paid ").append(plain(amount(k, "actualAmount")));
      }
      return b.toString();
    }
    JsonNode t = r.path("nsaTarget");
    if (t.isObject()) {
      StringBuilder b = new StringBuilder("No Surprises Act target (");
      String basis = text(t, "basis", "");
      switch (basis) {
        case "PERCENT_OF_BILLED" ->
            b.append(plain(amount(t, "percentOfBilled"))).append("% of billed charges");
        case "REFERENCE_TABLE" ->
            b.append(text(t, "referenceSource", "reference table"))
                .append(", ")
                .append(plain(amount(t, "referenceAmount")))
                .append(" per unit");
        default -> b.append("billed charges");
      }
      b.append("): ")
          .append(plain(amount(t, "targetAmount")))
          .append(" for ")
          .append(plain(amount(t, "units")))
          .append(" unit(s); allowed as paid ")
          .append(plain(amount(t, "actualAmount")));
      return b.toString();
    }
    return null;
  }

  private static JsonNode read(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("a stored record is not JSON", e);
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isValueNode() && !v.isNull() && !v.asText().isBlank() ? v.asText() : null;
  }

  private static String text(JsonNode n, String field, String otherwise) {
    String t = text(n, field);
    return t == null ? otherwise : t;
  }

  private static String orElse(String value, String otherwise) {
    return value == null || value.isBlank() ? otherwise : value;
  }

  private static LocalDate date(JsonNode n, String field) {
    String t = text(n, field);
    return t == null ? null : LocalDate.parse(t);
  }

  private static BigDecimal amount(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isNumber() ? v.decimalValue() : null;
  }

  private static BigDecimal firstAmount(JsonNode n, String... fields) {
    for (String f : fields) {
      BigDecimal a = amount(n, f);
      if (a != null) {
        return a;
      }
    }
    return null;
  }

  private static String plain(BigDecimal a) {
    return a == null ? "?" : a.stripTrailingZeros().toPlainString();
  }

  /** Element lookups in stored segment text (element separator: the character after the id). */
  static final class X12Text {
    private X12Text() {}

    /** Element {@code n} of the first {@code id} segment whose element 1 is {@code qualifier}. */
    static String element(List<String> segments, String id, String qualifier, int n) {
      for (String s : segments) {
        List<String> e = split(s);
        if (e.size() > n && e.get(0).equals(id) && e.get(1).equals(qualifier)) {
          String v = e.get(n).trim();
          return v.isEmpty() ? null : v;
        }
      }
      return null;
    }

    /** 837 CLM05-1 facility code (place of service of a professional claim), or null. */
    static String placeOfService(List<String> claim) {
      for (String s : claim) {
        List<String> e = split(s);
        if (e.get(0).equals("CLM") && e.size() > 5 && !e.get(5).isEmpty()) {
          String v = e.get(5);
          int sub = firstNonAlnum(v);
          return sub < 0 ? v : v.substring(0, sub);
        }
      }
      return null;
    }

    /** The first procedure code of 837 SV1/SV2 or 835 SVC lines, or null. */
    static String firstProcedure(List<String> claim, List<String> payment) {
      for (List<String> segs : List.of(claim, payment)) {
        for (String s : segs) {
          List<String> e = split(s);
          String id = e.get(0);
          int el = "SV2".equals(id) ? 2 : ("SV1".equals(id) || "SVC".equals(id)) ? 1 : -1;
          if (el > 0 && e.size() > el && !e.get(el).isEmpty()) {
            String composite = e.get(el);
            List<String> parts = List.of(composite.split("[^A-Za-z0-9]"));
            return parts.size() > 1 ? parts.get(1) : parts.get(0);
          }
        }
      }
      return null;
    }

    private static List<String> split(String segment) {
      int idEnd = firstNonAlnum(segment);
      if (idEnd < 0) {
        return List.of(segment);
      }
      // the element separator is the character after the segment id
      return dev.x12gw.x12.Segment.split(segment, segment.charAt(idEnd));
    }

    private static int firstNonAlnum(String s) {
      for (int i = 0; i < s.length(); i++) {
        if (!Character.isLetterOrDigit(s.charAt(i))) {
          return i;
        }
      }
      return -1;
    }
  }
}
