package dev.sim.protocols.twogenerals;

import java.math.BigDecimal;

/**
 * A messenger from A to B: "attack at {@code attackAtNanos}" (on A's clock).
 *
 * @param trial the trial it belongs to, from 0
 * @param number which of A's messengers this is, from 1
 * @param of how many A sends in this trial
 * @param attackAtNanos the proposed attack time on A's clock
 */
public record Messenger(int trial, int number, int of, long attackAtNanos) {
  /** Short, for the space-time diagram: {@code messenger 2/4 attack@1.5s}. */
  @Override
  public String toString() {
    return "messenger " + number + "/" + of + " attack@" + toMillisText(attackAtNanos);
  }

  /** A time rounded to the millisecond, compactly: {@code 500ms}, {@code 1.5s}, {@code 2s}. */
  static String toMillisText(long nanos) {
    long ms = Math.floorDiv(nanos + 500_000L, 1_000_000L);
    if (Math.abs(ms) < 1000) {
      return ms + "ms";
    }
    return BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString() + "s";
  }
}
