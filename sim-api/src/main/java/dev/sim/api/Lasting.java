package dev.sim.api;

import java.util.Objects;

/**
 * How long one occurrence of a {@link FaultKind} lasts, and which key says so. Most kinds are
 * undone after the common key {@code for} when it is given ({@link #FOR}); a pause must say how
 * long ({@link #requiredFor}); a crash is undone by a key of its own, {@code restart} ({@link
 * #byKey}); a clock step happens at once ({@link #instant}). The loader checks the key against
 * {@code every} and the end of the run, and the runner shades the fault's span on the charts from
 * it.
 *
 * @param key {@code for}, a key of the kind's own parameter record (a DURATION), or empty for a
 *     kind that happens at once
 * @param required whether the key must be given
 * @param hint for a required key, what it says (the loader prints "missing key 'for' (HINT)"); for
 *     a kind that does not take {@code for}, the answer to a fault that writes one anyway
 */
public record Lasting(String key, boolean required, String hint) {
  /** Undone after the common key {@code for} when it is given; without it, never. */
  public static final Lasting FOR = new Lasting("for", false, "");

  /** Checks that the parts are present. */
  public Lasting {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(hint, "hint");
  }

  /**
   * Undone after the common key {@code for}, which must be given.
   *
   * @param hint what {@code for} says, e.g. {@code how long the pause lasts, like 5s}
   */
  public static Lasting requiredFor(String hint) {
    return new Lasting("for", true, hint);
  }

  /**
   * Undone after the kind's own duration key (optional), not after {@code for}.
   *
   * @param key the DURATION key of the kind's parameter record, e.g. {@code restart}; make its
   *     component a {@code Long}, null when absent (a primitive would read an absent key as 0)
   * @param notFor the answer to a fault that writes {@code for}, e.g. {@code a crash takes
   *     'restart' (how long until the node comes back), not 'for'}
   */
  public static Lasting byKey(String key, String notFor) {
    return new Lasting(key, false, notFor);
  }

  /**
   * Happens at once and is not undone.
   *
   * @param notFor the answer to a fault that writes {@code for}
   */
  public static Lasting instant(String notFor) {
    return new Lasting("", false, notFor);
  }

  /** Whether the kind takes the common key {@code for}. */
  public boolean takesFor() {
    return key.equals("for");
  }

  /** Whether an occurrence happens at once (its span on the charts starts and ends together). */
  public boolean isInstant() {
    return key.isEmpty();
  }
}
