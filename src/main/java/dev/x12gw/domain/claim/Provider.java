package dev.x12gw.domain.claim;

import dev.x12gw.domain.Text;

/**
 * 837 loop 2010AA NM1*85 / 835 loop 1000B N1*PE: the billing provider or payee.
 *
 * @param npi national provider identifier, empty when the sender used another id
 * @param name organisation or last name as sent
 * @param taxId employer identification number: 837 loop 2010AA REF*EI; 835 N1*PE N104 when N103 =
 *     FI, else loop 1000B REF*TJ; empty when not sent. Used to match contract and network rows,
 *     never published or logged
 */
public record Provider(String npi, String name, String taxId) {
  public Provider {
    npi = Text.orEmpty(npi);
    name = Text.orEmpty(name);
    taxId = Text.orEmpty(taxId).replace("-", "");
  }
}
