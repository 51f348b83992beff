package dev.x12gw.domain.controlroom;

/**
 * The standard normal distribution's upper tail P(Z ≥ z), from the complementary error function in
 * W. J. Cody's rational Chebyshev approximations ("Rational Chebyshev approximations for the error
 * function", Mathematics of Computation 23 (1969) 631–637; the coefficients of Netlib SPECFUN
 * {@code CALERF}), accurate to about 1e-15 relative in double precision.
 *
 * <p>Not the Abramowitz–Stegun 26.2.17 polynomial: its error bound, 7.5e-8, is absolute, so it
 * cannot give the small p-values of a strong pattern (P(Z ≥ 8) ≈ 6.2e-16) to any relative accuracy.
 */
public final class NormalDistribution {
  private static final double SQRT2 = Math.sqrt(2.0);
  private static final double ONE_OVER_SQRT_PI = 5.6418958354775628695e-1;

  /** Below this |x|, x² is negligible beside 1 in the first interval. */
  private static final double X_SMALL = 1.11e-16;

  /** Above this x, erfc(x) underflows: the result is 0. */
  private static final double X_BIG = 26.543;

  // erf(x) on |x| <= 0.46875
  private static final double[] A = {
    3.16112374387056560e00,
    1.13864154151050156e02,
    3.77485237685302021e02,
    3.20937758913846947e03,
    1.85777706184603153e-1
  };
  private static final double[] B = {
    2.36012909523441209e01, 2.44024637934444173e02, 1.28261652607737228e03, 2.84423683343917062e03
  };

  // erfc(x) · exp(x²) on 0.46875 < x <= 4
  private static final double[] C = {
    5.64188496988670089e-1,
    8.88314979438837594e00,
    6.61191906371416295e01,
    2.98635138197400131e02,
    8.81952221241769090e02,
    1.71204761263407058e03,
    2.05107837782607147e03,
    1.23033935479799725e03,
    2.15311535474403846e-8
  };
  private static final double[] D = {
    1.57449261107098347e01,
    1.17693950891312499e02,
    5.37181101862009858e02,
    1.62138957456669019e03,
    3.29079923573345963e03,
    4.36261909014324716e03,
    3.43936767414372164e03,
    1.23033935480374942e03
  };

  // erfc(x) · exp(x²) · x on x > 4, in 1/x²
  private static final double[] P = {
    3.05326634961232344e-1,
    3.60344899949804439e-1,
    1.25781726111229246e-1,
    1.60837851487422766e-2,
    6.58749161529837803e-4,
    1.63153871373020978e-2
  };
  private static final double[] Q = {
    2.56852019228982242e00,
    1.87295284992346047e00,
    5.27905102951428412e-1,
    6.05183413124413191e-2,
    2.33520497626869185e-3
  };

  private NormalDistribution() {}

  /**
   * P(Z ≥ z) for a standard normal Z: 0.5 at 0, toward 0 as z grows (0 beyond about 37.5, where the
   * tail underflows), toward 1 as z falls; never negative, never NaN.
   *
   * @throws IllegalArgumentException if z is NaN
   */
  public static double upperTail(double z) {
    if (Double.isNaN(z)) {
      throw new IllegalArgumentException("z is NaN");
    }
    return 0.5 * erfc(z / SQRT2);
  }

  /** The complementary error function erfc(x) = 1 − erf(x), in [0, 2]. */
  static double erfc(double x) {
    double y = Math.abs(x);
    if (y <= 0.46875) {
      double ysq = y > X_SMALL ? y * y : 0.0;
      double num = A[4] * ysq;
      double den = ysq;
      for (int i = 0; i < 3; i++) {
        num = (num + A[i]) * ysq;
        den = (den + B[i]) * ysq;
      }
      return 1.0 - x * (num + A[3]) / (den + B[3]);
    }
    double r;
    if (y <= 4.0) {
      double num = C[8] * y;
      double den = y;
      for (int i = 0; i < 7; i++) {
        num = (num + C[i]) * y;
        den = (den + D[i]) * y;
      }
      r = expMinusSquare(y) * (num + C[7]) / (den + D[7]);
    } else if (y >= X_BIG) {
      r = 0.0;
    } else {
      double ysq = 1.0 / (y * y);
      double num = P[5] * ysq;
      double den = ysq;
      for (int i = 0; i < 4; i++) {
        num = (num + P[i]) * ysq;
        den = (den + Q[i]) * ysq;
      }
      double s = ysq * (num + P[4]) / (den + Q[4]);
      r = expMinusSquare(y) * (ONE_OVER_SQRT_PI - s) / y;
    }
    return x < 0 ? 2.0 - r : r;
  }

  /** exp(−y²) without the rounding error of squaring y: y is split into a 1/16 grid and a rest. */
  private static double expMinusSquare(double y) {
    double grid = Math.floor(y * 16.0) / 16.0;
    double del = (y - grid) * (y + grid);
    return Math.exp(-grid * grid) * Math.exp(-del);
  }
}
