package dev.x12gw.domain.claim;

import dev.x12gw.domain.Text;
import java.util.List;

/**
 * 837 SV1-01 / 835 SVC01 composite: a procedure code with its qualifier and modifiers.
 *
 * @param qualifier product/service id qualifier (HC, AD, ER, IV, N4, ...)
 * @param code the procedure, revenue or drug code; empty when the sender sent only a qualifier
 * @param modifiers up to four modifiers, in the order sent
 */
public record Procedure(String qualifier, String code, List<String> modifiers) {
  public Procedure {
    qualifier = Text.orEmpty(qualifier);
    code = Text.orEmpty(code);
    if (qualifier.isEmpty() && code.isEmpty()) {
      throw new IllegalArgumentException("a procedure needs a qualifier or a code");
    }
    modifiers =
        modifiers == null ? List.of() : modifiers.stream().filter(m -> !m.isBlank()).toList();
  }

  /** Code with modifiers, e.g. {@code 99213-25}. */
  @Override
  public String toString() {
    return modifiers.isEmpty() ? code : code + "-" + String.join("-", modifiers);
  }
}
