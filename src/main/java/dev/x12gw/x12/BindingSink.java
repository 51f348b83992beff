package dev.x12gw.x12;

import dev.x12gw.domain.ClaimPayment;
import dev.x12gw.domain.RemittanceHeader;
import dev.x12gw.domain.SubmittedClaim;

/** Receives domain records as binders complete them. */
public interface BindingSink {
  /** 837 loop 2300 complete. */
  void claim(SubmittedClaim claim);

  /** 835 loop 2100 complete, with the header of its transaction. */
  void payment(RemittanceHeader remittance, ClaimPayment payment);
}
