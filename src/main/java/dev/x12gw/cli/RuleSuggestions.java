package dev.x12gw.cli;

import dev.x12gw.domain.scrub.RuleKind;
import dev.x12gw.domain.scrub.ScrubRule;
import dev.x12gw.domain.scrub.ScrubRules;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Scrub rules learned from denials ({@code x12gw scrub --backtest --suggest FILE}): payer × CARC ×
 * procedure clusters of later denials with at least {@code minDenials} denials and a denial rate
 * (denied lines of the procedure / lines of it submitted to the payer) of at least {@code minRate},
 * for the CARCs a rule kind prevents (197, 15 and 62: authorization required; 29: timely filing,
 * per payer, its window one day short of the earliest late filing) and no active rule already
 * covers. Each becomes a row in {@code payer-rules.csv}'s format whose rationale is its evidence:
 * count, rate, dollars and example claims. An engineer accepts one by moving the row into the rule
 * set.
 */
final class RuleSuggestions {
  private static final Set<String> AUTHORIZATION_CARCS = Set.of("197", "15", "62");
  private static final String TIMELY_CARC = "29";

  private final int minDenials;
  private final double minRate;

  /** Lines submitted, by payer | procedure. */
  private final Map<String, Long> lines = new HashMap<>();

  /** Per claim (payer | CLM01): its procedures and its filing delay in days (or -1). */
  private final Map<String, List<String>> procedures = new HashMap<>();

  private final Map<String, Long> filingDays = new HashMap<>();

  /** The denials of each cluster, by payer | CARC | procedure (procedure * for timely filing). */
  private final Map<String, Cluster> clusters = new TreeMap<>();

  /** One cluster's evidence. */
  private static final class Cluster {
    long denials;
    BigDecimal dollars = BigDecimal.ZERO;
    final Set<String> claims = new TreeSet<>();
    long shortestDelay = Long.MAX_VALUE;
  }

  RuleSuggestions(int minDenials, double minRate) {
    if (minDenials < 1 || minRate < 0 || minRate > 1) {
      throw new IllegalArgumentException("at least one denial, a rate from 0 to 1");
    }
    this.minDenials = minDenials;
    this.minRate = minRate;
  }

  /** An 837 claim as submitted: its lines' procedures, its earliest service day and BHT04. */
  void submitted(
      String payer,
      String claimRef,
      List<String> lineProcedures,
      LocalDate firstService,
      LocalDate created) {
    String claim = payer + "|" + claimRef;
    procedures.put(claim, List.copyOf(lineProcedures));
    for (String p : lineProcedures) {
      lines.merge(payer + "|" + p, 1L, Long::sum);
    }
    filingDays.put(
        claim,
        firstService == null || created == null
            ? -1
            : ChronoUnit.DAYS.between(firstService, created));
  }

  /**
   * A later denial of the claim: of one line ({@code procedure}) or, when null, of the whole claim
   * (every line's procedure), with its CARCs and dollars.
   */
  void denied(
      String payer, String claimRef, String procedure, Set<String> carcs, BigDecimal dollars) {
    String claim = payer + "|" + claimRef;
    List<String> denied =
        procedure != null ? List.of(procedure) : procedures.getOrDefault(claim, List.of());
    for (String carc : carcs) {
      if (AUTHORIZATION_CARCS.contains(carc)) {
        for (String p : new TreeSet<>(denied)) {
          add(payer + "|" + carc + "|" + p, claimRef, dollars, -1);
        }
      } else if (carc.equals(TIMELY_CARC)) {
        add(payer + "|" + carc + "|*", claimRef, dollars, filingDays.getOrDefault(claim, -1L));
      }
    }
  }

  private void add(String key, String claimRef, BigDecimal dollars, long delay) {
    Cluster c = clusters.computeIfAbsent(key, k -> new Cluster());
    c.denials++;
    c.dollars = c.dollars.add(dollars);
    c.claims.add(claimRef);
    if (delay >= 0) {
      c.shortestDelay = Math.min(c.shortestDelay, delay);
    }
  }

  /**
   * The suggested rows (payer-rules.csv format, header first), none already covered by {@code
   * active}.
   */
  List<String> rows(ScrubRules active) {
    List<String> out = new ArrayList<>();
    out.add("rule_id,kind,payer_id,procedure_from,procedure_to,value,carc,rarc,severity,rationale");
    for (Map.Entry<String, Cluster> e : clusters.entrySet()) {
      String[] k = e.getKey().split("\\|", -1);
      String payer = k[0];
      String carc = k[1];
      String procedure = k[2];
      Cluster c = e.getValue();
      if (c.denials < minDenials) {
        continue;
      }
      boolean timely = procedure.equals("*");
      long volume =
          timely
              ? procedures.keySet().stream().filter(x -> x.startsWith(payer + "|")).count()
              : lines.getOrDefault(payer + "|" + procedure, 0L);
      double rate = volume == 0 ? 1 : Math.min(1, (double) c.denials / volume);
      if (rate < minRate) {
        continue;
      }
      RuleKind kind = timely ? RuleKind.TIMELY_FILING : RuleKind.AUTHORIZATION_REQUIRED;
      if (covered(active, kind, payer, procedure)) {
        continue;
      }
      if (timely && (c.shortestDelay == Long.MAX_VALUE || c.shortestDelay < 2)) {
        continue; // no filing delay known to set a window by
      }
      String examples = String.join(" ", c.claims.stream().limit(3).toList());
      String evidence =
          String.format(
              Locale.ROOT,
              "Suggested from %d denial(s) CARC %s of %s %d %s (%.0f%%), %s denied; e.g. %s",
              c.denials,
              carc,
              timely ? "payer " + payer + "'s" : procedure + " to payer " + payer + ",",
              volume,
              timely ? "claims" : "lines",
              rate * 100,
              c.dollars.setScale(2, RoundingMode.HALF_UP).toPlainString(),
              examples);
      String id =
          (timely ? "SUGGESTED-TIMELY-" + payer : "SUGGESTED-AUTH-" + payer + "-" + procedure)
              .toUpperCase(Locale.ROOT)
              .replaceAll("[^A-Z0-9-]", "-");
      out.add(
          String.join(
              ",",
              id,
              kind.name(),
              payer,
              timely ? "" : procedure,
              timely ? "" : procedure,
              timely ? String.valueOf(c.shortestDelay - 1) : "",
              carc,
              "",
              "HARD_STOP",
              "\"" + evidence.replace("\"", "'") + "\""));
    }
    return out;
  }

  private static boolean covered(ScrubRules active, RuleKind kind, String payer, String procedure) {
    for (ScrubRule r : active.rules(kind)) {
      if (r.appliesToPayer(payer) && (procedure.equals("*") || r.appliesToProcedure(procedure))) {
        return true;
      }
    }
    return false;
  }
}
