package io.tasklet.benchmarks;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How the results show numbers. */
final class Numbers {
  private static final int SIGNIFICANT = 3;

  private Numbers() {}

  /**
   * {@code value} with at least three significant digits, never in scientific notation, with
   * thousands separated by commas: 51,234, 412, 5.43, 0.0123; "n/a" for NaN, "inf" for infinity.
   */
  static String format(double value) {
    return format(value, decimals(value));
  }

  /** {@code value} with {@code decimals} digits after the point, as {@link #format(double)}. */
  static String format(double value, int decimals) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
    format.setMinimumFractionDigits(decimals);
    format.setMaximumFractionDigits(decimals);
    format.setRoundingMode(RoundingMode.HALF_EVEN);
    return format.format(BigDecimal.valueOf(value));
  }

  /**
   * {@code value} as written, to at most six significant digits (so that 1 / (1 / 1.05) is 1.05),
   * without trailing zeros: 5, 2.5.
   */
  static String plain(double value) {
    return BigDecimal.valueOf(value).round(new MathContext(6)).stripTrailingZeros()
        .toPlainString();
  }

  /** Digits after the point that give {@code value} three significant digits (at most 6). */
  static int decimals(double value) {
    if (value == 0 || Double.isNaN(value) || Double.isInfinite(value)) {
      return 0;
    }
    int magnitude = (int) Math.floor(Math.log10(Math.abs(value)));
    return Math.clamp(SIGNIFICANT - 1 - magnitude, 0, 6);
  }
}
