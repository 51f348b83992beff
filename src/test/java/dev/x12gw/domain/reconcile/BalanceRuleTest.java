package dev.x12gw.domain.reconcile;

import static dev.x12gw.domain.Fixtures.claim;
import static dev.x12gw.domain.Fixtures.lineAdj;
import static dev.x12gw.domain.Fixtures.matched;
import static dev.x12gw.domain.Fixtures.paid;
import static dev.x12gw.domain.Fixtures.paymentWithLines;
import static dev.x12gw.domain.Fixtures.remit;
import static dev.x12gw.domain.Fixtures.svc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.x12gw.domain.finding.BalancingException;
import dev.x12gw.domain.remittance.BalanceLevel;
import java.util.List;
import org.junit.jupiter.api.Test;

class BalanceRuleTest {
  private final BalanceRule rule = new BalanceRule();

  private List<BalancingException> findings(String paid, String adjusted) {
    MatchedCase c =
        matched(
            ReconciliationPolicy.none(),
            List.of(claim("PCN1", "87726")),
            paid(
                1,
                remit("87726", "T1"),
                paymentWithLines(
                    "PCN1",
                    "1",
                    "CCN1",
                    "250.00",
                    paid,
                    List.of(),
                    svc("99213", "250.00", paid, "L1", lineAdj("CO", "45", adjusted)))));
    return rule.findings(c, c.payments().get(0));
  }

  @Test
  void aBalancedPaymentGivesNothing() {
    assertThat(findings("200.00", "50.00")).isEmpty();
  }

  @Test
  void anUnbalancedPaymentGivesItsLineAndClaimEquations() {
    List<BalancingException> found = findings("200.00", "40.00");
    assertThat(found)
        .extracting(b -> b.check().level())
        .containsExactly(BalanceLevel.LINE, BalanceLevel.CLAIM);
    assertThat(found)
        .allSatisfy(b -> assertThat(b.detection().ruleId()).isEqualTo("REMIT_NOT_BALANCED"));
    assertThat(found.get(0).line().ordinal()).isEqualTo(1);
    assertThat(found.get(1).line()).isNull();
    assertThat(found.get(0).detection().rationale()).startsWith("Line does not balance by ");
    assertThat(found.get(1).detection().rationale()).startsWith("Claim does not balance by ");
  }
}
