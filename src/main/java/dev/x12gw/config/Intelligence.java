package dev.x12gw.config;

import dev.x12gw.domain.classification.CarcDefault;
import dev.x12gw.domain.classification.ClassificationRules;
import dev.x12gw.domain.classification.Classifier;
import dev.x12gw.domain.classification.PayerTerms;
import dev.x12gw.domain.classification.RecoveryEconomics;
import dev.x12gw.domain.classification.RecoveryPathway;
import dev.x12gw.domain.codes.CodeEntry;
import dev.x12gw.domain.codes.CodeKind;
import dev.x12gw.domain.codes.CodeTables;
import dev.x12gw.domain.contract.ContractSchedule;
import dev.x12gw.domain.contract.NetworkRow;
import dev.x12gw.domain.contract.NetworkTable;
import dev.x12gw.domain.contract.ProviderScope;
import dev.x12gw.domain.nsa.NsaPolicy;
import dev.x12gw.domain.reconcile.ReconciliationPolicy;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Everything the gateway judges findings with, loaded and validated at start: contracts and
 * tolerance, No Surprises Act rules, the dated code tables and the classification knowledge.
 *
 * @param policy reconciliation policy (contracts, tolerance, No Surprises Act)
 * @param codes dated CARC / RARC / group / PLB code tables
 * @param classifier the classifier over {@code config/classification/}
 * @param warnings things worth a log line at start (e.g. current CARCs without a family)
 */
public record Intelligence(
    ReconciliationPolicy policy, CodeTables codes, Classifier classifier, List<String> warnings) {
  public Intelligence {
    warnings = List.copyOf(warnings);
  }

  /**
   * Loads everything from the settings.
   *
   * @param contracts a contract file or directory that replaces {@code contracts.dir}, or null
   * @throws ConfigFileException when a file is bad (named with line and column)
   * @throws IllegalArgumentException when a setting is bad (named with its environment variable),
   *     or rules conflict (duplicate ids, a rule hidden by an earlier one, a payer override without
   *     a payer: named with their file and line)
   */
  public static Intelligence load(Settings settings, Path contracts) {
    Path codeDir = settings.path("code-tables.dir", "config/code-tables");
    CodeTables codes;
    try {
      codes = CodeTableFiles.load(codeDir);
    } catch (IllegalArgumentException e) {
      throw new ConfigFileException(e.getMessage(), e);
    }
    Path dir = settings.path("classification.dir", "config/classification");
    List<PayerTerms> payers =
        ClassificationFiles.payers(
            settings.path("classification.payers", "config/classification/payers.csv"));
    List<CarcDefault> carcs = ClassificationFiles.carcs(dir.resolve("carc-families.csv"), codes);
    RecoveryEconomics economics =
        new RecoveryEconomics(
            ClassificationFiles.familyRates(dir.resolve("families.csv")),
            settings.getInt("classification.overturn.prior.weight", 20),
            settings.getInt("classification.overturn.maturity.days", 120),
            laborCosts(settings));
    int appealWindow = settings.getInt("classification.appeal.window.days", 180);
    if (appealWindow < 1 || appealWindow > 3650) {
      throw new IllegalArgumentException(
          "classification.appeal.window.days ("
              + Settings.environmentName("classification.appeal.window.days")
              + "): "
              + appealWindow
              + " must be 1 to 3650 days");
    }
    ClassificationRules rules =
        ClassificationRules.of(
            ClassificationFiles.rules(
                settings.path(
                    "classification.payer-rules", "config/classification/payer-rules.csv"),
                codes),
            ClassificationFiles.rules(dir.resolve("rules.csv"), codes),
            carcs,
            ClassificationFiles.serviceLines(dir.resolve("service-lines.csv")),
            payers,
            appealWindow,
            economics,
            settings.getInt("nsa.open.negotiation.business.days", 30),
            settings.getInt("nsa.idr.initiation.business.days", 4));
    List<NetworkRow> networks =
        ClassificationFiles.networks(
            settings.path("classification.networks", "config/classification/networks.csv"));
    ReconciliationPolicy policy =
        Reconciliation.policy(settings, contracts, nsa(settings, payers, networks));
    List<String> warnings = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    LocalDate today = LocalDate.now();
    for (CodeEntry e : codes.entries(CodeKind.CARC)) {
      if (e.validOn(today) && rules.carc(e.code()).isEmpty()) {
        missing.add(e.code());
      }
    }
    if (!missing.isEmpty()) {
      warnings.add(
          missing.size()
              + " current CARCs of "
              + codes.listName(CodeKind.CARC)
              + " have no family in carc-families.csv and classify as OTHER: "
              + String.join(" ", missing));
    }
    return new Intelligence(policy, codes, new Classifier(rules, policy), warnings);
  }

  private static Map<RecoveryPathway, BigDecimal> laborCosts(Settings settings) {
    Map<RecoveryPathway, BigDecimal> out = new EnumMap<>(RecoveryPathway.class);
    Map<RecoveryPathway, String> defaults =
        Map.of(
            RecoveryPathway.CORRECT_AND_RESUBMIT, "25.00",
            RecoveryPathway.APPEAL, "60.00",
            RecoveryPathway.ESCALATE_DISPUTE, "200.00",
            RecoveryPathway.CLOSE_OUT, "0.00");
    for (RecoveryPathway p : RecoveryPathway.values()) {
      String key =
          "classification.labor.cost." + p.name().toLowerCase(Locale.ROOT).replace('_', '-');
      out.put(p, Reconciliation.decimal(settings, key, defaults.get(p)));
    }
    return out;
  }

  /**
   * The No Surprises Act policy from {@code nsa.*} settings, the network table ({@code
   * networks.csv}, per provider and payer) and the payer table's networks (every provider of a
   * payer).
   */
  static NsaPolicy nsa(Settings settings, List<PayerTerms> payers, List<NetworkRow> providers) {
    List<NetworkRow> rows = new ArrayList<>(providers);
    for (PayerTerms p : payers) {
      if (p.network() != null) {
        rows.add(
            new NetworkRow(p.payerId(), ProviderScope.ANY, p.network(), null, null, p.source()));
      }
    }
    NetworkTable networks;
    try {
      networks = NetworkTable.of(rows);
    } catch (IllegalArgumentException e) {
      throw new ConfigFileException(e.getMessage(), e);
    }
    String basisText = settings.get("nsa.target.basis", "BILLED_CHARGES").trim();
    NsaPolicy.TargetBasis basis;
    try {
      basis = NsaPolicy.TargetBasis.valueOf(basisText.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "nsa.target.basis ("
              + Settings.environmentName("nsa.target.basis")
              + "): \""
              + basisText
              + "\" must be BILLED_CHARGES, PERCENT_OF_BILLED or REFERENCE_TABLE");
    }
    String table = settings.get("nsa.reference.table", "").trim();
    if (!table.isEmpty() && !Files.exists(settings.home().resolve(table))) {
      throw new ConfigFileException(
          settings.home().resolve(table) + ": nsa.reference.table not found");
    }
    ContractSchedule reference =
        table.isEmpty()
            ? ContractSchedule.empty()
            : ContractFiles.load(settings.home().resolve(table).normalize());
    BigDecimal percent = Reconciliation.decimal(settings, "nsa.target.percent", "100");
    if (percent.signum() <= 0 || percent.compareTo(new BigDecimal(1000)) > 0) {
      throw new IllegalArgumentException(
          "nsa.target.percent ("
              + Settings.environmentName("nsa.target.percent")
              + "): "
              + percent.toPlainString()
              + " must be above 0 and at most 1000");
    }
    if (basis == NsaPolicy.TargetBasis.REFERENCE_TABLE && reference.isEmpty()) {
      throw new IllegalArgumentException(
          "nsa.target.basis ("
              + Settings.environmentName("nsa.target.basis")
              + ") REFERENCE_TABLE needs a non-empty nsa.reference.table ("
              + Settings.environmentName("nsa.reference.table")
              + ")");
    }
    try {
      return new NsaPolicy(
          settings.getBoolean("nsa.enabled", true),
          codes(settings, "nsa.signal.remarks", "N859,N864,N865,N866,N876,N877"),
          codes(settings, "nsa.final.payment.remarks", "N863,N872,N873,N874,N875"),
          codes(settings, "nsa.air.ambulance.codes", "A0430,A0431,A0435,A0436"),
          codes(settings, "nsa.emergency.places", "23"),
          ranges(settings, "nsa.emergency.revenue.codes", "0450-0459,0981"),
          codes(settings, "nsa.excluded.filing.indicators", "09,16,AM,CH,LM,MA,MB,MC,OF,TV,VA,WC"),
          networks,
          basis,
          percent,
          reference);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("No Surprises Act settings (nsa.*): " + e.getMessage(), e);
    }
  }

  private static Set<String> codes(Settings settings, String key, String defaultValue) {
    Set<String> out = new LinkedHashSet<>();
    for (String part : settings.get(key, defaultValue).split(",")) {
      String p = part.trim().toUpperCase(Locale.ROOT);
      if (!p.isEmpty()) {
        out.add(p);
      }
    }
    return out;
  }

  /** Codes and inclusive numeric ranges of same-width codes, e.g. {@code 0450-0459,0981}. */
  private static Set<String> ranges(Settings settings, String key, String defaultValue) {
    Set<String> out = new LinkedHashSet<>();
    for (String part : codes(settings, key, defaultValue)) {
      String[] ends = part.split("-", -1);
      if (ends.length == 1) {
        out.add(part);
        continue;
      }
      if (ends.length != 2
          || ends[0].length() != ends[1].length()
          || !ends[0].matches("[0-9]+")
          || !ends[1].matches("[0-9]+")
          || Integer.parseInt(ends[0]) > Integer.parseInt(ends[1])) {
        throw new IllegalArgumentException(
            key + " (" + Settings.environmentName(key) + "): \"" + part + "\" is not a range");
      }
      for (int i = Integer.parseInt(ends[0]); i <= Integer.parseInt(ends[1]); i++) {
        out.add(String.format("%0" + ends[0].length() + "d", i));
      }
    }
    return out;
  }
}
