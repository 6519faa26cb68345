package dev.sim.components.flags;

import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import dev.sim.api.Problem;
import java.util.List;

/**
 * A flag lookup ({@code flag:}) of a server, before each request it serves, or of a client, before
 * each request it sends: see the {@link Param} docs, and {@link FlagClient}.
 */
public record FlagParams(
    @Param(
            doc = "The flag service asked.",
            unit = Unit.NODE_REF,
            required = true,
            nodeTypes = {"flag-service"})
        String service,
    @Param(
            key = "timeout",
            doc =
                "Longest wait for the flag service's answer; then the default is used (or,"
                    + " without one, the request fails with an error); 0s waits for ever.",
            unit = Unit.DURATION,
            defaultValue = "0s")
        long timeoutNanos,
    @Param(
            key = "default",
            doc =
                "The value used when a lookup times out: on or off; absent: no default, and a"
                    + " timed-out lookup fails its request.",
            unit = Unit.CHOICE)
        FlagServiceParams.Value defaultValue,
    @Param(
            key = "cacheTtl",
            doc =
                "How long an answer is reused before the flag service is asked again (a"
                    + " fallback to the default is not cached); 0s asks for every request.",
            unit = Unit.DURATION,
            defaultValue = "0s")
        long cacheTtlNanos) {

  /** Adds what is wrong with {@code f} (null: no lookup) to {@code problems}. */
  public static void check(FlagParams f, List<Problem> problems) {
    if (f == null) {
      return;
    }
    if (f.timeoutNanos() < 0) {
      problems.add(new Problem("flag.timeout", "must not be negative"));
    }
    if (f.cacheTtlNanos() < 0) {
      problems.add(new Problem("flag.cacheTtl", "must not be negative"));
    }
    if (f.defaultValue() != null && f.timeoutNanos() == 0) {
      problems.add(
          new Problem(
              "flag.default",
              "is never used without a flag.timeout: a lookup with timeout 0s waits for ever;"
                  + " give flag a timeout, such as timeout: 50ms"));
    }
  }
}
