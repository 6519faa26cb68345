package dev.sim.check.io;

import dev.sim.check.Model;
import dev.sim.check.Operations;
import dev.sim.check.Shapes;
import dev.sim.kernel.history.Op;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The second pass over a history file, once each line is well formed: every key holds one model's
 * data, each line's value in that model's shape, reported with the line.
 */
public final class HistoryModels {
  private HistoryModels() {}

  /**
   * Checks that every key of {@code file} holds one model's data: the one given, or, when {@code
   * model} is null, the one its operations show (as {@code Checks.infer} has it), each line's value
   * in that model's shape.
   *
   * @throws HistoryFormatException naming the first line that does not fit
   */
  public static void check(HistoryFile file, Model model) throws HistoryFormatException {
    // Per key: the model, and the line of the operation that decided it.
    Map<String, Model> models = new HashMap<>();
    Map<String, Integer> decidedAt = new HashMap<>();
    Map<Integer, Op> open = new HashMap<>();
    List<Op> ops = file.ops();
    int[] lines = file.lines();
    if (model == null) {
      for (int i = 0; i < ops.size(); i++) {
        Op op = ops.get(i);
        Model m = Shapes.modelOf(op.f());
        if (m == null) {
          continue;
        }
        Model before = models.putIfAbsent(op.key(), m);
        if (before == null) {
          decidedAt.put(op.key(), lines[i]);
        } else if (before != m) {
          throw new HistoryFormatException(
              file.source(),
              lines[i],
              0,
              "this "
                  + op.f()
                  + " makes "
                  + Operations.keyName(op.key())
                  + " a "
                  + m.id()
                  + ", but the "
                  + before.id()
                  + " operation on line "
                  + decidedAt.get(op.key())
                  + " made it a "
                  + before.id()
                  + "; one key holds one kind of data");
        }
      }
    }
    for (int i = 0; i < ops.size(); i++) {
      Op op = ops.get(i);
      Model m = model != null ? model : models.getOrDefault(op.key(), Model.REGISTER);
      Op invoke = op.isInvoke() ? null : open.remove(op.process());
      if (op.isInvoke()) {
        open.put(op.process(), op);
      }
      String problem = Shapes.problem(op, invoke, m);
      if (problem != null) {
        throw new HistoryFormatException(
            file.source(),
            lines[i],
            0,
            problem
                + (model == null
                    ? " ("
                        + Operations.keyName(op.key())
                        + " is a "
                        + m.id()
                        + (decidedAt.containsKey(op.key())
                            ? " by line " + decidedAt.get(op.key())
                            : ": it has no cas, add or incr")
                        + ")"
                    : ""));
      }
    }
  }
}
