package dev.sim.check;

import dev.sim.check.counters.CounterChecker;
import dev.sim.check.counters.CounterResult;
import dev.sim.check.figures.Availability;
import dev.sim.check.figures.Figures;
import dev.sim.check.figures.LostWrite;
import dev.sim.check.figures.RegisterFigures;
import dev.sim.check.figures.StoreFigures;
import dev.sim.check.sets.SetChecker;
import dev.sim.check.sets.SetResult;
import dev.sim.kernel.history.HistoryData;
import dev.sim.kernel.history.Op;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a history with the right checker per key and gathers the store figures: one call for
 * {@code sim check} and for the check after every run that recorded operations.
 *
 * <p>Each key is checked as the model given, or, without one, as the model its operations show: a
 * key with any {@code cas} is a cas-register, with {@code add} a set, with {@code incr} a counter,
 * else a register. Registers go to {@link dev.sim.check.linear.Linearizability}, sets to {@link
 * SetChecker}, counters to {@link CounterChecker}. The verdict is invalid if any key is, else
 * unknown if any key is, else valid.
 */
public final class Checks {
  private Checks() {}

  /**
   * Checks {@code data}'s operations as {@code model} (null: each key's own), with {@code timeout}
   * of wall time for the linearizability search, after which undecided keys are unknown.
   *
   * @throws IllegalArgumentException when the history breaks the format (a completion without an
   *     invoke, a value of the wrong shape for its model, a key mixing models' functions)
   */
  public static CheckReport check(HistoryData data, Model model, Duration timeout) {
    long start = System.nanoTime();
    long deadline = start + Math.max(0, timeout.toNanos());
    Map<String, List<Op>> byKey = Operations.byKey(data.ops());
    Map<String, Model> models = new LinkedHashMap<>();
    for (Map.Entry<String, List<Op>> e : byKey.entrySet()) {
      Model m = model != null ? model : infer(e.getKey(), e.getValue());
      validate(e.getValue(), m);
      models.put(e.getKey(), m);
    }
    Map<String, KeyCheck> results = new LinkedHashMap<>();
    long lostWrites = 0;
    long staleReads = 0;
    List<LostWrite> lost = new ArrayList<>();
    List<Operation> everything = new ArrayList<>();
    for (Model m : List.of(Model.REGISTER, Model.CAS_REGISTER)) {
      List<Op> ops = new ArrayList<>();
      for (Map.Entry<String, List<Op>> e : byKey.entrySet()) {
        if (models.get(e.getKey()) == m) {
          ops.addAll(e.getValue());
        }
      }
      if (!ops.isEmpty()) {
        ops.sort((a, b) -> Integer.compare(a.index(), b.index()));
        long left = Math.max(0, deadline - System.nanoTime());
        for (KeyCheck k : Registers.check(ops, m, Duration.ofNanos(left))) {
          results.put(k.key(), k);
        }
      }
    }
    for (Map.Entry<String, List<Op>> e : byKey.entrySet()) {
      String key = e.getKey();
      Model m = models.get(key);
      List<Operation> ops = Operations.pair(e.getValue());
      everything.addAll(ops);
      switch (m) {
        case REGISTER, CAS_REGISTER -> {
          RegisterFigures.Result f = RegisterFigures.compute(key, ops);
          staleReads += f.staleReads();
          lostWrites += f.lost().size();
          lost.addAll(f.lost());
        }
        case SET -> {
          SetResult r = SetChecker.check(key, e.getValue());
          staleReads += r.staleReads();
          lostWrites += r.lost().size();
          for (SetResult.Lost l : r.lost()) {
            lost.add(new LostWrite(key, l.element(), l.add(), l.read()));
          }
          results.put(key, KeyChecks.of(r));
        }
        case COUNTER -> {
          CounterResult r = CounterChecker.check(key, e.getValue());
          staleReads += r.readsBelow();
          lostWrites += r.largestShortfall();
          results.put(key, KeyChecks.of(r));
        }
      }
    }
    lost.sort(
        (a, b) -> {
          int c = Integer.compare(a.read().invokeIndex(), b.read().invokeIndex());
          return c != 0 ? c : Integer.compare(a.write().invokeIndex(), b.write().invokeIndex());
        });
    Availability overall = Figures.availability(everything);
    StoreFigures figures =
        new StoreFigures(
            lostWrites,
            lost,
            staleReads,
            data.siblingsMax(),
            data.siblingsMean(),
            Figures.divergentKeys(data),
            overall,
            Figures.byNode(everything));
    List<KeyCheck> keys = new ArrayList<>();
    Verdict verdict = Verdict.VALID;
    for (String key : byKey.keySet()) {
      KeyCheck k = results.get(key);
      if (k == null) {
        throw new IllegalStateException("no verdict for " + Operations.keyName(key));
      }
      keys.add(k);
      verdict = verdict.and(k.verdict());
    }
    return new CheckReport(
        modelName(model, models.values()),
        verdict,
        everything.size(),
        keys,
        figures,
        System.nanoTime() - start);
  }

  /** {@link #check(HistoryData, Model, Duration)} of a history of operations alone. */
  public static CheckReport check(List<Op> ops, Model model, Duration timeout) {
    return check(HistoryData.of(ops), model, timeout);
  }

  /**
   * The model {@code ops} (one key's) show: cas makes a cas-register, add a set, incr a counter,
   * anything else a register.
   *
   * @throws IllegalArgumentException when they mix functions of different models
   */
  public static Model infer(String key, List<Op> ops) {
    Set<Model> seen = EnumSet.noneOf(Model.class);
    for (Op op : ops) {
      Model m = Shapes.modelOf(op.f());
      if (m != null) {
        seen.add(m);
      }
    }
    if (seen.size() > 1) {
      List<String> names = new ArrayList<>();
      seen.forEach(m -> names.add(m.id()));
      throw new IllegalArgumentException(
          Operations.keyName(key)
              + " mixes the operations of models "
              + String.join(" and ", names)
              + "; one key holds one kind of data");
    }
    return seen.isEmpty() ? Model.REGISTER : seen.iterator().next();
  }

  private static void validate(List<Op> ops, Model model) {
    Map<Integer, Op> open = new LinkedHashMap<>();
    for (Op op : ops) {
      Op invoke = op.isInvoke() ? null : open.remove(op.process());
      if (op.isInvoke()) {
        open.put(op.process(), op);
      }
      String problem = Shapes.problem(op, invoke, model);
      if (problem != null) {
        throw new IllegalArgumentException(
            "history index " + op.index() + " (" + model.id() + "): " + problem);
      }
    }
  }

  private static String modelName(Model given, Iterable<Model> perKey) {
    if (given != null) {
      return given.id();
    }
    Set<Model> used = EnumSet.noneOf(Model.class);
    perKey.forEach(used::add);
    if (used.isEmpty()) {
      return "none";
    }
    List<String> names = new ArrayList<>();
    used.forEach(m -> names.add(m.id()));
    return String.join("+", names);
  }
}
