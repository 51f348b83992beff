package dev.x12gw.domain.contract;

import dev.x12gw.domain.Text;
import dev.x12gw.domain.claim.Provider;
import java.util.regex.Pattern;

/**
 * 837 loop 2010AA NM1*85 NM109 / REF*EI (835 loop 1000B N1*PE): the billing providers a contract
 * row or network row is for.
 *
 * <p>An empty NPI and TIN mean every provider (a payer-wide row). A row that names an NPI applies
 * only to a provider with that NPI, one that names a TIN only to a provider with that TIN, one that
 * names both only to a provider with both. A provider whose TIN is not known (the 837 sent no
 * REF*EI and the 835 no FI or REF*TJ) matches no row that names a TIN.
 *
 * @param npi the billing provider's NPI (10 digits with a valid check digit), or ""
 * @param tin the billing provider's employer identification number (9 digits; a dash is dropped),
 *     or ""
 */
public record ProviderScope(String npi, String tin) {
  /** Every provider. */
  public static final ProviderScope ANY = new ProviderScope("", "");

  private static final Pattern NPI = Pattern.compile("[0-9]{10}");
  private static final Pattern TIN = Pattern.compile("[0-9]{9}");

  public ProviderScope {
    npi = Text.orEmpty(npi);
    tin = Text.orEmpty(tin).replace("-", "");
    if (!npi.isEmpty() && !isNpi(npi)) {
      throw new IllegalArgumentException(
          "billing NPI must be 10 digits with a valid check digit: " + npi);
    }
    if (!tin.isEmpty() && !TIN.matcher(tin).matches()) {
      throw new IllegalArgumentException("billing TIN must be 9 digits: " + tin);
    }
  }

  /** True for a payer-wide row (no NPI, no TIN). */
  public boolean any() {
    return npi.isEmpty() && tin.isEmpty();
  }

  /**
   * How closely the scope names a provider: -1 when it does not apply to the provider, 0 for a
   * payer-wide scope, 1 for a TIN, 2 for an NPI, 3 for both. A higher value wins a look-up.
   */
  public int specificity(Provider provider) {
    if (!npi.isEmpty() && (provider == null || !npi.equals(provider.npi()))) {
      return -1;
    }
    if (!tin.isEmpty() && (provider == null || !tin.equals(provider.taxId()))) {
      return -1;
    }
    return (npi.isEmpty() ? 0 : 2) + (tin.isEmpty() ? 0 : 1);
  }

  /** For messages: {@code billing NPI 1234567893}, {@code billing TIN 371234567}, both, or "". */
  public String describe() {
    if (any()) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    if (!npi.isEmpty()) {
      b.append("billing NPI ").append(npi);
    }
    if (!tin.isEmpty()) {
      b.append(b.length() == 0 ? "billing TIN " : ", TIN ").append(tin);
    }
    return b.toString();
  }

  /**
   * Whether ten digits are an NPI: the Luhn check digit over the prefix 80840 and the first nine
   * digits (CMS, "Requirements for NPI check digit").
   */
  public static boolean isNpi(String s) {
    if (s == null || !NPI.matcher(s).matches()) {
      return false;
    }
    String digits = "80840" + s.substring(0, 9);
    int sum = 0;
    boolean dbl = true;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (dbl) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      dbl = !dbl;
    }
    int check = (10 - sum % 10) % 10;
    return check == s.charAt(9) - '0';
  }
}
