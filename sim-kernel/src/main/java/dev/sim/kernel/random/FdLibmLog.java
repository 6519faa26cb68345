package dev.sim.kernel.random;

/**
 * The natural logarithm exactly as {@link StrictMath#log} computes it: a Java transcription of
 * fdlibm's {@code e_log.c} (Sun Microsystems, 1993: "Permission to use, copy, modify, and
 * distribute this software is freely granted, provided that this notice is preserved").
 *
 * <p>Why: on JDK 17 {@code StrictMath.log} is a native call (about 20 ns through JNI), and every
 * exponential, lognormal and normal draw takes one. The same fdlibm algorithm in Java gives
 * bit-for-bit the same results (IEEE 754 arithmetic is exact in Java) and is compiled inline. A
 * test compares it with {@code StrictMath.log} over millions of inputs, special values included.
 */
public final class FdLibmLog {
  private static final double LN2_HI = Double.longBitsToDouble(0x3fe62e42fee00000L);
  private static final double LN2_LO = Double.longBitsToDouble(0x3dea39ef35793c76L);
  private static final double TWO54 = Double.longBitsToDouble(0x4350000000000000L);
  private static final double LG1 = Double.longBitsToDouble(0x3fe5555555555593L);
  private static final double LG2 = Double.longBitsToDouble(0x3fd999999997fa04L);
  private static final double LG3 = Double.longBitsToDouble(0x3fd2492494229359L);
  private static final double LG4 = Double.longBitsToDouble(0x3fcc71c51d8e78afL);
  private static final double LG5 = Double.longBitsToDouble(0x3fc7466496cb03deL);
  private static final double LG6 = Double.longBitsToDouble(0x3fc39a09d078c69fL);
  private static final double LG7 = Double.longBitsToDouble(0x3fc2f112df3e5244L);

  private FdLibmLog() {}

  /** The natural logarithm of {@code x}, identical to {@code StrictMath.log(x)}. */
  public static double log(double x) {
    long bits = Double.doubleToRawLongBits(x);
    int hx = (int) (bits >> 32);
    int lx = (int) bits;
    int k = 0;
    if (hx < 0x00100000) {
      // x < 2^-1022: zero, negative, or subnormal.
      if (((hx & 0x7fffffff) | lx) == 0) {
        return Double.NEGATIVE_INFINITY;
      }
      if (hx < 0) {
        return Double.NaN;
      }
      k -= 54;
      x *= TWO54;
      hx = (int) (Double.doubleToRawLongBits(x) >> 32);
    }
    if (hx >= 0x7ff00000) {
      return x + x;
    }
    k += (hx >> 20) - 1023;
    hx &= 0x000fffff;
    int i = (hx + 0x95f64) & 0x100000;
    // Normalize x or x/2 into [sqrt(2)/2, sqrt(2)).
    x = Double.longBitsToDouble(((long) (hx | (i ^ 0x3ff00000)) << 32)
        | (Double.doubleToRawLongBits(x) & 0xffffffffL));
    k += i >> 20;
    double f = x - 1.0;
    double dk;
    if ((0x000fffff & (2 + hx)) < 3) {
      // |f| < 2^-20
      if (f == 0.0) {
        if (k == 0) {
          return 0.0;
        }
        dk = k;
        return dk * LN2_HI + dk * LN2_LO;
      }
      double r = f * f * (0.5 - 0.33333333333333333 * f);
      if (k == 0) {
        return f - r;
      }
      dk = k;
      return dk * LN2_HI - ((r - dk * LN2_LO) - f);
    }
    double s = f / (2.0 + f);
    dk = k;
    double z = s * s;
    i = hx - 0x6147a;
    double w = z * z;
    int j = 0x6b851 - hx;
    double t1 = w * (LG2 + w * (LG4 + w * LG6));
    double t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
    i |= j;
    double r = t2 + t1;
    if (i > 0) {
      double hfsq = 0.5 * f * f;
      if (k == 0) {
        return f - (hfsq - s * (hfsq + r));
      }
      return dk * LN2_HI - ((hfsq - (s * (hfsq + r) + dk * LN2_LO)) - f);
    }
    if (k == 0) {
      return f - s * (f - r);
    }
    return dk * LN2_HI - ((s * (f - r) - dk * LN2_LO) - f);
  }
}
