package dev.sim.components.flags;

import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import dev.sim.kernel.random.Distribution;

/**
 * Parameters of the {@code flag-service} node type; each {@link Param} doc is what {@code sim
 * explain flag-service} prints.
 */
public record FlagServiceParams(
    @Param(
            doc = "The flag's value, which every answer carries: on or off.",
            unit = Unit.CHOICE,
            defaultValue = "on")
        Value value,
    @Param(
            doc =
                "Time to answer one lookup, drawn per lookup and multiplied by the slow fault's"
                    + " factor; lookups are answered concurrently, without a limit.",
            unit = Unit.DISTRIBUTION,
            defaultValue = "1ms")
        Distribution service) {

  /** A flag's value. */
  public enum Value {
    /** The flag is on. */
    ON,
    /** The flag is off. */
    OFF
  }
}
