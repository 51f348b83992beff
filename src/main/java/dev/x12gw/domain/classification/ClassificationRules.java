package dev.x12gw.domain.classification;

import dev.x12gw.domain.remittance.RemittanceHeader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The classification knowledge, loaded from {@code config/classification/}: payer overrides, rules,
 * CARC defaults, service lines, payer terms and recovery economics. Immutable and validated: rule
 * ids are unique, payer overrides name their payers, and no rule is hidden by an earlier one that
 * matches everything it matches.
 */
public final class ClassificationRules {
  private final List<ClassificationRule> payerRules;
  private final List<ClassificationRule> rules;
  private final Map<String, CarcDefault> carcs;
  private final List<ServiceLineRule> serviceLines;
  private final Map<String, PayerTerms> payers;
  private final int defaultAppealWindowDays;
  private final RecoveryEconomics economics;
  private final int openNegotiationBusinessDays;
  private final int idrInitiationBusinessDays;

  private ClassificationRules(
      List<ClassificationRule> payerRules,
      List<ClassificationRule> rules,
      Map<String, CarcDefault> carcs,
      List<ServiceLineRule> serviceLines,
      Map<String, PayerTerms> payers,
      int defaultAppealWindowDays,
      RecoveryEconomics economics,
      int openNegotiationBusinessDays,
      int idrInitiationBusinessDays) {
    this.payerRules = payerRules;
    this.rules = rules;
    this.carcs = carcs;
    this.serviceLines = serviceLines;
    this.payers = payers;
    this.defaultAppealWindowDays = defaultAppealWindowDays;
    this.economics = economics;
    this.openNegotiationBusinessDays = openNegotiationBusinessDays;
    this.idrInitiationBusinessDays = idrInitiationBusinessDays;
  }

  /**
   * Validated classification knowledge.
   *
   * @param payerRules payer-specific overrides, tried first, in order
   * @param rules general rules, tried next, in order
   * @param carcs CARC defaults, used when no rule matches
   * @param serviceLines service-line rules, first match wins
   * @param payers payer terms (appeal window, network)
   * @param defaultAppealWindowDays appeal window of payers without terms
   * @param openNegotiationBusinessDays NSA open negotiation window (30)
   * @param idrInitiationBusinessDays NSA IDR initiation window after negotiation (4)
   * @throws IllegalArgumentException naming the sources of the offending entries
   */
  public static ClassificationRules of(
      List<ClassificationRule> payerRules,
      List<ClassificationRule> rules,
      Collection<CarcDefault> carcs,
      List<ServiceLineRule> serviceLines,
      Collection<PayerTerms> payers,
      int defaultAppealWindowDays,
      RecoveryEconomics economics,
      int openNegotiationBusinessDays,
      int idrInitiationBusinessDays) {
    List<String> errors = new ArrayList<>();
    Map<String, ClassificationRule> ids = new LinkedHashMap<>();
    for (ClassificationRule r : concat(payerRules, rules)) {
      ClassificationRule first = ids.putIfAbsent(r.id(), r);
      if (first != null) {
        errors.add(r.source() + ": rule id " + r.id() + " is already used at " + first.source());
      }
      if (r.id().startsWith("CARC-") || r.id().equals(Classifier.UNCLASSIFIED)) {
        errors.add(r.source() + ": rule id " + r.id() + " is reserved");
      }
    }
    for (ClassificationRule r : payerRules) {
      if (r.payers().isEmpty()) {
        errors.add(r.source() + ": payer override " + r.id() + " names no payer");
      }
    }
    shadowed(payerRules, errors);
    shadowed(rules, errors);
    Map<String, CarcDefault> byCode = new LinkedHashMap<>();
    for (CarcDefault c : carcs) {
      CarcDefault before = byCode.putIfAbsent(c.carc(), c);
      if (before != null) {
        errors.add(c.source() + ": CARC " + c.carc() + " already defined at " + before.source());
      }
    }
    Map<String, PayerTerms> byPayer = new LinkedHashMap<>();
    for (PayerTerms p : payers) {
      PayerTerms before = byPayer.putIfAbsent(p.payerId(), p);
      if (before != null) {
        errors.add(
            p.source() + ": payer " + p.payerId() + " already defined at " + before.source());
      }
    }
    if (defaultAppealWindowDays < 1) {
      errors.add("default appeal window must be positive: " + defaultAppealWindowDays);
    }
    if (openNegotiationBusinessDays < 1 || idrInitiationBusinessDays < 1) {
      errors.add("No Surprises Act windows must be positive");
    }
    if (economics == null) {
      errors.add("recovery economics missing");
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", errors));
    }
    return new ClassificationRules(
        List.copyOf(payerRules),
        List.copyOf(rules),
        Map.copyOf(byCode),
        List.copyOf(serviceLines),
        Map.copyOf(byPayer),
        defaultAppealWindowDays,
        economics,
        openNegotiationBusinessDays,
        idrInitiationBusinessDays);
  }

  private static List<ClassificationRule> concat(
      List<ClassificationRule> a, List<ClassificationRule> b) {
    List<ClassificationRule> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static void shadowed(List<ClassificationRule> list, List<String> errors) {
    for (int j = 0; j < list.size(); j++) {
      for (int i = 0; i < j; i++) {
        if (list.get(i).covers(list.get(j))) {
          errors.add(
              list.get(j).source()
                  + ": rule "
                  + list.get(j).id()
                  + " can never fire: rule "
                  + list.get(i).id()
                  + " ("
                  + list.get(i).source()
                  + ") comes first and matches everything it matches");
          break;
        }
      }
    }
  }

  public List<ClassificationRule> payerRules() {
    return payerRules;
  }

  public List<ClassificationRule> rules() {
    return rules;
  }

  /** Every rule in the order tried: payer overrides, then general rules. */
  public List<ClassificationRule> allRules() {
    return concat(payerRules, rules);
  }

  public Map<String, CarcDefault> carcs() {
    return carcs;
  }

  public Optional<CarcDefault> carc(String code) {
    return Optional.ofNullable(
        code == null ? null : carcs.get(code.strip().toUpperCase(java.util.Locale.ROOT)));
  }

  public List<ServiceLineRule> serviceLines() {
    return serviceLines;
  }

  public Map<String, PayerTerms> payers() {
    return payers;
  }

  /** The terms of a payer, by any of its ids. */
  public Optional<PayerTerms> payer(Collection<String> payerKeys) {
    for (String k : payerKeys) {
      PayerTerms t = payers.get(RemittanceHeader.payerKey(k));
      if (t != null) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  public int defaultAppealWindowDays() {
    return defaultAppealWindowDays;
  }

  public RecoveryEconomics economics() {
    return economics;
  }

  public int openNegotiationBusinessDays() {
    return openNegotiationBusinessDays;
  }

  public int idrInitiationBusinessDays() {
    return idrInitiationBusinessDays;
  }
}
