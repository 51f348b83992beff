package dev.x12gw.domain.claim;

import dev.x12gw.domain.Text;

/**
 * 835 loop 1000A N1*PR / 837 loop 2010BB NM1*PR: a payer, identified by the id it is known by.
 *
 * @param id payer identifier (835 REF*2U, N104 or TRN03; 837 NM109); may be empty when the sender
 *     omitted it
 * @param name payer name as sent; may be empty
 */
public record Party(String id, String name) {
  public Party {
    id = Text.orEmpty(id);
    name = Text.orEmpty(name);
  }
}
