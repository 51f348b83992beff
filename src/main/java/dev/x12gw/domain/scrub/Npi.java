package dev.x12gw.domain.scrub;

/**
 * The National Provider Identifier's check digit: ten digits whose last is the Luhn check digit of
 * the first nine prefixed with 80840 (the card issuer prefix of the ISO 7812 form), as CMS's NPI
 * standard defines it.
 */
public final class Npi {
  private Npi() {}

  /** True when {@code npi} is ten digits with a valid check digit. */
  public static boolean valid(String npi) {
    if (npi == null || npi.length() != 10) {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      if (npi.charAt(i) < '0' || npi.charAt(i) > '9') {
        return false;
      }
    }
    return npi.charAt(9) - '0' == checkDigit(npi.substring(0, 9));
  }

  /** The check digit of nine digits: Luhn over 80840 followed by them. */
  public static int checkDigit(String nineDigits) {
    String digits = "80840" + nineDigits;
    int sum = 0;
    // from the rightmost digit of the payload, every other digit doubled (the check digit follows)
    for (int i = digits.length() - 1, k = 0; i >= 0; i--, k++) {
      int d = digits.charAt(i) - '0';
      if (k % 2 == 0) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return (10 - sum % 10) % 10;
  }
}
