package dev.sim.check;

import dev.sim.kernel.history.Op;
import dev.sim.kernel.history.OpType;
import java.util.List;
import java.util.Objects;

/**
 * The functions each model has and the value each line of theirs carries (the table of the history
 * format): write, add and incr carry an integer; cas carries {@code [old, new]}; a read's invoke
 * carries null and its ok what was read. A fail or info carries null or the value an ok would.
 */
public final class Shapes {
  private Shapes() {}

  /** Every function a history line may name, in the order messages list them. */
  public static final List<String> FUNCTIONS = List.of("read", "write", "cas", "add", "incr");

  /** The functions of {@code model}, or of every model when it is null. */
  public static List<String> functions(Model model) {
    if (model == null) {
      return FUNCTIONS;
    }
    return switch (model) {
      case REGISTER -> List.of("read", "write");
      case CAS_REGISTER -> List.of("read", "write", "cas");
      case SET -> List.of("read", "add");
      case COUNTER -> List.of("read", "incr");
    };
  }

  /** The model a function that only one family has asks for: cas, add or incr; else null. */
  public static Model modelOf(String f) {
    return switch (f) {
      case "cas" -> Model.CAS_REGISTER;
      case "add" -> Model.SET;
      case "incr" -> Model.COUNTER;
      default -> null;
    };
  }

  /**
   * What is wrong with {@code op}'s f or value under {@code model} (null: any model), or null when
   * nothing is. {@code invoke} is the invoke a completion completes (null for an invoke).
   */
  public static String problem(Op op, Op invoke, Model model) {
    String f = op.f();
    if (!functions(model).contains(f)) {
      if (!FUNCTIONS.contains(f)) {
        return "unknown f '"
            + f
            + "'; expected "
            + or(functions(model))
            + (model == null ? "" : " (the functions of model " + model.id() + ")");
      }
      Model needed = modelOf(f);
      return "f '"
          + f
          + "' is not an operation of model "
          + model.id()
          + " ("
          + String.join(", ", functions(model))
          + ")"
          + (needed == null ? "" : "; " + f + " belongs to model " + needed.id());
    }
    Object v = op.value();
    if (op.isInvoke()) {
      return invokeProblem(f, v);
    }
    if (op.type() == OpType.OK) {
      if (f.equals("read")) {
        return readProblem(v, model);
      }
      if (invoke != null && !Objects.equals(v, invoke.value())) {
        return "the ok of "
            + f
            + " carries "
            + Values.text(v)
            + " but its invoke carried "
            + Values.text(invoke.value())
            + "; an ok repeats what was "
            + (f.equals("add") ? "added" : f.equals("incr") ? "added up" : "written");
      }
      return invokeProblem(f, v);
    }
    // fail and info: nothing, or what an ok would carry.
    if (v == null) {
      return null;
    }
    return f.equals("read") ? readProblem(v, model) : invokeProblem(f, v);
  }

  private static String invokeProblem(String f, Object v) {
    switch (f) {
      case "read":
        return v == null
            ? null
            : "a read's invoke carries value null (what was read goes on its ok), found "
                + Values.text(v);
      case "cas":
        if (v instanceof List<?> l && l.size() == 2 && l.get(1) != null) {
          return null;
        }
        return "cas value should be [old, new] (old may be null, new an integer), found "
            + Values.text(v);
      default:
        return v instanceof Long
            ? null
            : f
                + " value should be an integer"
                + (f.equals("incr") ? " (the amount)" : "")
                + ", found "
                + Values.text(v);
    }
  }

  private static String readProblem(Object v, Model model) {
    if (model == null) {
      return v instanceof List<?> l && l.contains(null)
          ? "a read's value is null, an integer or a list of integers, found " + Values.text(v)
          : null;
    }
    return switch (model) {
      case REGISTER, CAS_REGISTER ->
          v == null || v instanceof Long
              ? null
              : "a register read returns an integer or null (not found), found " + Values.text(v);
      case SET ->
          v instanceof List<?> l && !l.contains(null)
              ? null
              : "a set read returns the list of its elements, like [1, 2], found " + Values.text(v);
      case COUNTER ->
          v instanceof Long ? null : "a counter read returns an integer, found " + Values.text(v);
    };
  }

  /** {@code a, b or c}. */
  public static String or(List<String> words) {
    if (words.size() == 1) {
      return words.get(0);
    }
    return String.join(", ", words.subList(0, words.size() - 1))
        + " or "
        + words.get(words.size() - 1);
  }
}
