package dev.sim.check;

import java.util.Locale;

/** A checker's answer. {@link #UNKNOWN} (the deadline passed) is never reported as valid. */
public enum Verdict {
  VALID,
  INVALID,
  UNKNOWN;

  /** {@code valid}, {@code invalid} or {@code unknown}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The verdict of several independent parts: invalid beats unknown beats valid. */
  public Verdict and(Verdict other) {
    if (this == INVALID || other == INVALID) {
      return INVALID;
    }
    return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : VALID;
  }
}
