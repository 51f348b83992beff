package dev.x12gw.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.x12gw.domain.claim.SubmittedClaim;
import dev.x12gw.domain.remittance.ClaimPayment;
import dev.x12gw.domain.remittance.RemittanceHeader;
import dev.x12gw.domain.scrub.RuleSuggestions;
import dev.x12gw.domain.scrub.ScrubFinding;
import dev.x12gw.domain.scrub.ScrubRule;
import dev.x12gw.domain.scrub.Scrubber;
import dev.x12gw.domain.scrub.Severity;
import dev.x12gw.intake.ScrubGate;
import dev.x12gw.x12.BindingSink;
import dev.x12gw.x12.smooks.SmooksX12Parser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * {@code x12gw scrub --backtest FILES...}: the rule set run over historical 837s whose 835s are
 * among the files. Each claim is scrubbed as it would have been before submission; the 835s say
 * what became of it (through {@code analyze}'s own matching and classification: a claim or line
 * denial record is a later denial). Per rule and in total: the claims it would have held, how many
 * of those were later denied (and the denied dollars; with the rule's CARC among the denial's), how
 * many were adjudicated without a denial (false holds) and how many have no 835 among the files;
 * then the later denials no hard stop would have held (rule misses), by CARC.
 */
final class Backtest {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final SmooksX12Parser parser;
  private final Scrubber scrubber;
  private final LocalDate today;
  private final Function<PrintStream, Analyze> analyze;
  private final PrintStream out;
  private RuleSuggestions suggestions;
  private Path suggestionsFile;
  private Path reportFile;

  /** Also learns rules from the later denials and writes them to {@code file}. */
  Backtest suggest(RuleSuggestions s, Path file) {
    this.suggestions = s;
    this.suggestionsFile = file;
    return this;
  }

  /**
   * Also writes the figures as JSON to {@code file}: the prevention figure the gateway's dashboard
   * shows beside the denial KPIs ({@code scrubber.backtest-report}).
   */
  Backtest report(Path file) {
    this.reportFile = file;
    return this;
  }

  Backtest(
      SmooksX12Parser parser,
      Scrubber scrubber,
      LocalDate today,
      Function<PrintStream, Analyze> analyze,
      PrintStream out) {
    this.parser = parser;
    this.scrubber = scrubber;
    this.today = today;
    this.analyze = analyze;
    this.out = out;
  }

  /** A submitted claim as the suggestions need it: its lines' procedures, its filing delay. */
  private record Submitted(List<String> procedures, long filingDelayDays) {}

  /** A claim's later denials: their dollars and CARCs. */
  private static final class Outcome {
    BigDecimal denied = BigDecimal.ZERO;
    final Set<String> carcs = new TreeSet<>();
  }

  /** One rule's (or the total's) counts. */
  static final class Tally {
    long held;
    long deniedLater;
    BigDecimal deniedDollars = BigDecimal.ZERO;
    long sameCarc;
    long falseHolds;
    long noRemit;
  }

  int run(List<Path> files) throws IOException {
    // 1. every 837 claim scrubbed, by payer | CLM01
    Map<String, List<ScrubFinding>> scrubbed = new LinkedHashMap<>();
    Set<String> earlier = new HashSet<>(); // the services of the claims of earlier files
    Set<String> adjudicated = new HashSet<>();
    Map<String, Submitted> submitted = new HashMap<>();
    for (Path f : files) {
      String kind = Analyze.sniff(f);
      if (kind.equals("837")) {
        ScrubGate gate =
            new ScrubGate(
                scrubber, (claimRef, key) -> earlier.contains(key), c -> "ENFORCE", today);
        parser.parse(f, f.getFileName().toString(), gate.sink());
        for (ScrubGate.Scrubbed s : gate.claims()) {
          SubmittedClaim claim = s.claim();
          s.applyTo(earlier::add, earlier::remove);
          if (suggestions != null) {
            List<String> procedures =
                claim.lines().stream().map(l -> l.procedure().code()).toList();
            procedures.forEach(p -> suggestions.lines(claim.payer().id(), p, 1));
            suggestions.claims(claim.payer().id(), 1);
            submitted.put(
                key(claim.payer().id(), claim.patientControlNumber()),
                new Submitted(
                    procedures,
                    claim.statementFrom() == null || claim.batchDate() == null
                        ? -1
                        : java.time.temporal.ChronoUnit.DAYS.between(
                            claim.statementFrom(), claim.batchDate())));
          }
          scrubbed.put(key(claim.payer().id(), claim.patientControlNumber()), s.findings());
        }
      } else if (kind.equals("835")) {
        // 2. which claims an 835 adjudicated
        parser.parse(
            f,
            f.getFileName().toString(),
            new BindingSink() {
              @Override
              public void claim(SubmittedClaim claim) {}

              @Override
              public void payment(RemittanceHeader remittance, ClaimPayment payment) {
                adjudicated.add(key(remittance.payer().id(), payment.patientControlNumber()));
              }
            });
      }
    }
    // 3. the later denials, as the gateway classifies them
    ByteArrayOutputStream records = new ByteArrayOutputStream();
    analyze.apply(new PrintStream(records, true, StandardCharsets.UTF_8)).run(files);
    Map<String, Outcome> outcomes = new HashMap<>();
    for (String line : records.toString(StandardCharsets.UTF_8).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode r = JSON.readTree(line);
      String type = r.path("recordType").asText();
      if (!type.equals("CLAIM_DENIAL") && !type.equals("LINE_DENIAL")) {
        continue;
      }
      Outcome o =
          outcomes.computeIfAbsent(
              key(r.path("payer").path("id").asText(), r.path("patientControlNumber").asText()),
              k -> new Outcome());
      JsonNode adjustments;
      if (type.equals("LINE_DENIAL")) {
        JsonNode l = r.path("line");
        o.denied =
            o.denied.add(
                l.path("chargeAmount")
                    .decimalValue()
                    .subtract(l.path("paidAmount").decimalValue()));
        adjustments = l.path("adjustments");
      } else {
        o.denied =
            o.denied.add(
                r.path("billedAmount")
                    .decimalValue()
                    .subtract(r.path("paidAmount").decimalValue())
                    .subtract(r.path("patientResponsibilityAmount").decimalValue()));
        adjustments = r.path("adjustments");
      }
      Set<String> carcs = new TreeSet<>();
      for (JsonNode a : adjustments) {
        if (!a.path("group").asText().equals("PR")) {
          carcs.add(a.path("reason").asText());
        }
      }
      o.carcs.addAll(carcs);
      if (suggestions != null) {
        JsonNode l = r.path("line");
        Submitted claim =
            submitted.getOrDefault(
                key(r.path("payer").path("id").asText(), r.path("patientControlNumber").asText()),
                new Submitted(List.of(), -1));
        suggestions.denied(
            r.path("payer").path("id").asText(),
            r.path("patientControlNumber").asText(),
            type.equals("LINE_DENIAL") ? List.of(l.path("procedure").asText()) : claim.procedures(),
            carcs,
            type.equals("LINE_DENIAL")
                ? l.path("chargeAmount")
                    .decimalValue()
                    .subtract(l.path("paidAmount").decimalValue())
                : r.path("billedAmount")
                    .decimalValue()
                    .subtract(r.path("paidAmount").decimalValue())
                    .subtract(r.path("patientResponsibilityAmount").decimalValue()),
            claim.filingDelayDays());
      }
    }
    // 4. per rule and in total
    Map<String, Tally> byRule = new TreeMap<>();
    Map<String, ScrubRule> rules = new HashMap<>();
    Tally total = new Tally();
    Tally missed = new Tally();
    Map<String, long[]> missedByCarc = new TreeMap<>();
    long claims = 0;
    for (Map.Entry<String, List<ScrubFinding>> e : scrubbed.entrySet()) {
      claims++;
      Outcome o = outcomes.get(e.getKey());
      boolean wasAdjudicated = adjudicated.contains(e.getKey()) || o != null;
      Set<String> fired = new TreeSet<>();
      for (ScrubFinding f : e.getValue()) {
        if (f.severity() == Severity.HARD_STOP) {
          fired.add(f.rule().id());
          rules.put(f.rule().id(), f.rule());
        }
      }
      for (String id : fired) {
        count(
            byRule.computeIfAbsent(id, k -> new Tally()),
            o,
            wasAdjudicated,
            Set.of(rules.get(id).carc()));
      }
      if (!fired.isEmpty()) {
        Set<String> carcs = new HashSet<>();
        fired.forEach(id -> carcs.add(rules.get(id).carc()));
        count(total, o, wasAdjudicated, carcs);
      } else if (o != null) {
        missed.deniedLater++;
        missed.deniedDollars = missed.deniedDollars.add(o.denied);
        for (String carc : o.carcs.isEmpty() ? Set.of("none") : o.carcs) {
          long[] m = missedByCarc.computeIfAbsent(carc, k -> new long[1]);
          m[0]++;
        }
      }
    }
    print(claims, byRule, rules, total, missed, missedByCarc);
    if (reportFile != null) {
      writeReport(files, claims, byRule, rules, total, missed, missedByCarc);
    }
    if (suggestions != null) {
      List<String> rows = RuleSuggestions.csv(suggestions.suggestions());
      java.nio.file.Files.write(suggestionsFile, rows, StandardCharsets.UTF_8);
      out.printf(
          Locale.ROOT,
          "%d rule(s) suggested from the later denials, in payer-rules.csv's format: %s%n",
          rows.size() - 1,
          suggestionsFile);
    }
    out.flush();
    return 0;
  }

  /** The figures as JSON (the format GET /api/v1/scrubber/feedback serves as "backtest"). */
  private void writeReport(
      List<Path> files,
      long claims,
      Map<String, Tally> byRule,
      Map<String, ScrubRule> rules,
      Tally total,
      Tally missed,
      Map<String, long[]> missedByCarc)
      throws IOException {
    com.fasterxml.jackson.databind.node.ObjectNode o = JSON.createObjectNode();
    o.put(
        "generatedAt",
        java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    o.put("asOf", today.toString());
    com.fasterxml.jackson.databind.node.ArrayNode names = o.putArray("files");
    files.forEach(f -> names.add(f.getFileName().toString()));
    o.put("claims", claims);
    tally(o.putObject("total"), total);
    com.fasterxml.jackson.databind.node.ObjectNode m = o.putObject("missed");
    m.put("deniedLater", missed.deniedLater);
    m.put("deniedDollars", missed.deniedDollars.setScale(2, java.math.RoundingMode.HALF_UP));
    com.fasterxml.jackson.databind.node.ObjectNode byCarc = m.putObject("byCarc");
    missedByCarc.forEach((carc, n) -> byCarc.put(carc, n[0]));
    com.fasterxml.jackson.databind.node.ArrayNode list = o.putArray("rules");
    byRule.forEach(
        (id, t) -> {
          com.fasterxml.jackson.databind.node.ObjectNode r = list.addObject();
          r.put("ruleId", id);
          r.put("kind", rules.get(id).kind().name());
          r.put("carc", rules.get(id).carc());
          tally(r, t);
        });
    Path parent = reportFile.toAbsolutePath().getParent();
    java.nio.file.Files.createDirectories(parent);
    Path tmp = java.nio.file.Files.createTempFile(parent, ".backtest", ".tmp");
    JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), o);
    java.nio.file.Files.move(
        tmp,
        reportFile,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    out.printf("backtest report written: %s%n", reportFile);
  }

  private static void tally(com.fasterxml.jackson.databind.node.ObjectNode o, Tally t) {
    o.put("held", t.held);
    o.put("deniedLater", t.deniedLater);
    o.put("deniedDollars", t.deniedDollars.setScale(2, java.math.RoundingMode.HALF_UP));
    o.put("sameCarc", t.sameCarc);
    o.put("falseHolds", t.falseHolds);
    o.put("noRemit", t.noRemit);
  }

  private static void count(Tally t, Outcome o, boolean wasAdjudicated, Set<String> carcs) {
    t.held++;
    if (o != null) {
      t.deniedLater++;
      t.deniedDollars = t.deniedDollars.add(o.denied);
      if (o.carcs.stream().anyMatch(carcs::contains)) {
        t.sameCarc++;
      }
    } else if (wasAdjudicated) {
      t.falseHolds++;
    } else {
      t.noRemit++;
    }
  }

  private void print(
      long claims,
      Map<String, Tally> byRule,
      Map<String, ScrubRule> rules,
      Tally total,
      Tally missed,
      Map<String, long[]> missedByCarc) {
    out.printf(
        Locale.ROOT,
        "%-28s %-24s %5s %6s %12s %5s %6s %6s%n",
        "rule",
        "kind",
        "held",
        "denied",
        "denied $",
        "carc",
        "false",
        "no 835");
    for (Map.Entry<String, Tally> e : byRule.entrySet()) {
      row(e.getKey(), rules.get(e.getKey()).kind().name(), e.getValue());
    }
    row("total (claims)", "any hard stop", total);
    out.printf(
        Locale.ROOT,
        "%d claim(s) scrubbed; %d would have been held: %d of them denied later (%s), %d with the"
            + " rule's CARC; %d false hold(s) (adjudicated without a denial), %d without an 835%n",
        claims,
        total.held,
        total.deniedLater,
        money(total.deniedDollars),
        total.sameCarc,
        total.falseHolds,
        total.noRemit);
    StringBuilder carcs = new StringBuilder();
    missedByCarc.forEach(
        (carc, n) ->
            carcs.append(carcs.length() == 0 ? "" : ", ").append(carc).append(": ").append(n[0]));
    out.printf(
        Locale.ROOT,
        "rule misses: %d later denial(s) (%s) that no hard stop would have held%s%n",
        missed.deniedLater,
        money(missed.deniedDollars),
        missed.deniedLater == 0 ? "" : " (by CARC " + carcs + ")");
  }

  private void row(String name, String kind, Tally t) {
    out.printf(
        Locale.ROOT,
        "%-28s %-24s %5d %6d %12s %5d %6d %6d%n",
        name,
        kind,
        t.held,
        t.deniedLater,
        money(t.deniedDollars),
        t.sameCarc,
        t.falseHolds,
        t.noRemit);
  }

  private static String money(BigDecimal v) {
    return v.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
  }

  private static String key(String payer, String pcn) {
    return norm(payer) + "|" + pcn.strip();
  }

  private static String norm(String payer) {
    return payer.strip().toUpperCase(Locale.ROOT);
  }
}
