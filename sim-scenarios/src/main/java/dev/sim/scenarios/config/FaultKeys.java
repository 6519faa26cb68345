package dev.sim.scenarios.config;

import dev.sim.api.FaultKind;
import dev.sim.api.Lasting;
import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import dev.sim.scenarios.bind.ParamDocs;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys every fault takes whatever its kind — {@code at}, {@code every} and, for the kinds that
 * are undone after it, {@code for} — as parameter records, bound once for all kinds and documented
 * beside each kind's own keys.
 */
public final class FaultKeys {
  private FaultKeys() {}

  /**
   * When a fault happens.
   *
   * @param atNanos the first occurrence
   * @param everyNanos the repetition period, or null for once
   */
  public record Timing(
      @Param(
              key = "at",
              doc =
                  "When the fault happens, like 60s; with every, the first time; before the end of the run.",
              unit = Unit.DURATION,
              required = true)
          long atNanos,
      @Param(
              key = "every",
              doc = "Repeat the fault this often, like 30s; absent: once.",
              unit = Unit.DURATION,
              min = 1)
          Long everyNanos) {}

  /**
   * How long a fault lasts, for the kinds undone after {@code for}.
   *
   * @param nanos how long, or null for not undone
   */
  public record For(
      @Param(
              key = "for",
              doc = "Undo the fault after this long; absent: never.",
              unit = Unit.DURATION,
              min = 1)
          Long nanos) {}

  /**
   * Every key of a fault of {@code kind}, in the order a fault is written: {@code at}, {@code
   * every}, the kind's own keys, then {@code for} if it takes it (marked required where it is).
   */
  public static List<ParamDocs.Row> rows(FaultKind<?> kind) {
    List<ParamDocs.Row> out = new ArrayList<>(ParamDocs.rows(Timing.class));
    out.addAll(ParamDocs.rows(kind.parameters()));
    Lasting l = kind.lasting();
    if (l.takesFor()) {
      ParamDocs.Row f = ParamDocs.rows(For.class).get(0);
      out.add(
          l.required()
              ? new ParamDocs.Row(0, f.key(), f.unit(), "required", sentence(l.hint()))
              : f);
    }
    return out;
  }

  /** {@code how long the pause lasts} as a sentence: {@code How long the pause lasts.} */
  private static String sentence(String clause) {
    return clause.isEmpty()
        ? ""
        : Character.toUpperCase(clause.charAt(0)) + clause.substring(1) + ".";
  }

  /** The keys of a fault of {@code kind}: those of {@link #rows}, top-level only. */
  public static List<String> keys(FaultKind<?> kind) {
    return rows(kind).stream().filter(r -> r.depth() == 0).map(ParamDocs.Row::key).toList();
  }
}
