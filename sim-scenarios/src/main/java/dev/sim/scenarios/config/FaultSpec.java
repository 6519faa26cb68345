package dev.sim.scenarios.config;

import dev.sim.api.FaultKind;
import dev.sim.api.Lasting;
import dev.sim.api.Target;

/**
 * One entry of the fault schedule: a kind with its bound parameters and the common timing. {@code
 * atNanos} is when it first happens; {@code forNanos} (-1 if absent) is how long each occurrence
 * lasts, from the key the kind's {@link Lasting} names ({@code for}, or a crash's {@code restart});
 * {@code everyNanos} (-1 if absent) repeats it.
 *
 * @param kind the fault kind
 * @param params the kind's bound parameter record
 * @param atNanos first occurrence, simulated nanoseconds
 * @param forNanos how long an occurrence lasts, or -1 for not undone
 * @param everyNanos repetition period, or -1 for once
 * @param location where it was written
 */
public record FaultSpec(
    FaultKind<?> kind,
    Record params,
    long atNanos,
    long forNanos,
    long everyNanos,
    SourceLocation location) {

  /** Checks that {@code params} is the kind's parameter record. */
  public FaultSpec {
    if (!kind.parameters().isInstance(params)) {
      throw new IllegalArgumentException(
          "parameters of fault kind '" + kind.name() + "' must be a " + kind.parameters());
    }
  }

  /** The kind's one-line description with targets as written, e.g. {@code crash random(api)}. */
  public String describe() {
    return describe(kind, params);
  }

  /**
   * The description followed by how long it lasts and how often it repeats, as {@code sim explain}
   * lists a scenario's faults: {@code pause api-1 for 5s}, {@code crash api-2, restart after 20s,
   * every 1m}.
   */
  public String describeWithTiming() {
    StringBuilder sb = new StringBuilder(describe());
    Lasting l = kind.lasting();
    if (forNanos >= 0 && l.takesFor()) {
      sb.append(" for ").append(Units.formatDuration(forNanos));
    } else if (forNanos >= 0 && !l.isInstant()) {
      sb.append(", ").append(l.key()).append(" after ").append(Units.formatDuration(forNanos));
    }
    if (everyNanos > 0) {
      sb.append(", every ").append(Units.formatDuration(everyNanos));
    }
    return sb.toString();
  }

  @SuppressWarnings("unchecked")
  private static <P extends Record> String describe(FaultKind<P> kind, Record params) {
    return kind.describe((P) params, Target::toString);
  }
}
