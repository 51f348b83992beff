package dev.x12gw.domain;

/**
 * 837 loop 2010AA NM1*85 / 835 loop 1000B N1*PE: the billing provider or payee.
 *
 * @param npi national provider identifier, empty when the sender used another id
 * @param name organisation or last name as sent
 */
public record Provider(String npi, String name) {
  public Provider {
    npi = Text.orEmpty(npi);
    name = Text.orEmpty(name);
  }
}
