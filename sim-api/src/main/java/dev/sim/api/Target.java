package dev.sim.api;

import java.util.Objects;

/**
 * What a fault hits, as the scenario writes it: a group ({@code api}: all its instances), an
 * instance ({@code api-2}), or {@code random(api)}: one instance of the group, drawn at each
 * occurrence from the fault schedule's own random stream (so the same seed hits the same
 * instances). The value of a {@link Param.Unit#TARGET} parameter; {@link FaultControls#resolve}
 * turns it into instance ids.
 *
 * @param ref the group or instance name
 * @param random true for {@code random(ref)}
 */
public record Target(String ref, boolean random) {
  /** Checks that the name is present. */
  public Target {
    Objects.requireNonNull(ref, "ref");
  }

  /** As written in YAML: {@code api-2}, {@code api} or {@code random(api)}. */
  @Override
  public String toString() {
    return random ? "random(" + ref + ")" : ref;
  }
}
