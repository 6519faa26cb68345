package dev.sim.cli.shrink;

import dev.sim.kernel.result.ExpectationResult;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.result.StopReason;
import dev.sim.scenarios.config.NodeGroupSpec;
import dev.sim.scenarios.config.ScenarioSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * How a run failed, so that a smaller scenario can be asked to fail the same way: the check text of
 * an expectation that did not hold, or a node's exception (its class and the node type that threw
 * it). Besides the failure itself, a candidate must keep what makes the failure mean something: an
 * expectation whose figure was defined stays defined (a scenario without clients has an undefined
 * yield, which fails {@code yield >= 0.99} for no interesting reason), a run that offered requests
 * still offers some, and one that recorded operations on data still records some.
 *
 * @param expectation the failed expectation's check text, or null for a node failure
 * @param exception the class of the exception a node threw, or null for an expectation
 * @param nodeType the type of the node that threw, or null for an expectation
 * @param defined whether the expectation's figure was a number (not NaN)
 * @param requests whether the run offered requests
 * @param operations whether the run recorded operations on data
 */
public record Symptom(
    String expectation,
    String exception,
    String nodeType,
    boolean defined,
    boolean requests,
    boolean operations) {

  /**
   * The failure of {@code result}, a run of {@code spec}: the node failure, or the expectation
   * {@code chosen} (null: the first that did not hold); null for a run in which every expectation
   * held, or which a limit stopped.
   *
   * @throws IllegalArgumentException when {@code chosen} names no expectation that failed
   */
  public static Symptom of(RunResult result, ScenarioSpec spec, String chosen) {
    boolean requests = offered(result);
    boolean operations = !result.history().isEmpty();
    if (result.stopReason() == StopReason.NODE_FAILURE) {
      return new Symptom(
          null, exceptionClass(result), typeOf(result, spec), true, requests, operations);
    }
    if (stoppedByLimit(result)) {
      return null;
    }
    for (ExpectationResult e : result.expectations()) {
      if (!e.ok() && (chosen == null || e.check().equals(chosen.strip()))) {
        return new Symptom(e.check(), null, null, !Double.isNaN(e.actual()), requests, operations);
      }
    }
    if (chosen != null) {
      throw new IllegalArgumentException(chosen);
    }
    return null;
  }

  /** The checks of {@code result}'s expectations that did not hold, in file order. */
  public static List<String> failed(RunResult result) {
    List<String> out = new ArrayList<>();
    for (ExpectationResult e : result.expectations()) {
      if (!e.ok()) {
        out.add(e.check());
      }
    }
    return out;
  }

  /** Whether this is a node's failure rather than an expectation's. */
  public boolean nodeFailure() {
    return expectation == null;
  }

  /** Whether {@code result}, a run of {@code spec}, fails the way this symptom says. */
  public boolean matches(RunResult result, ScenarioSpec spec) {
    if ((requests && !offered(result)) || (operations && result.history().isEmpty())) {
      return false;
    }
    if (nodeFailure()) {
      return result.stopReason() == StopReason.NODE_FAILURE
          && exception.equals(exceptionClass(result))
          && nodeType.equals(typeOf(result, spec));
    }
    if (stoppedByLimit(result) || result.stopReason() == StopReason.NODE_FAILURE) {
      return false;
    }
    for (ExpectationResult e : result.expectations()) {
      if (e.check().equals(expectation)) {
        return !e.ok() && (!defined || !Double.isNaN(e.actual()));
      }
    }
    return false;
  }

  /** The figure this symptom's expectation had in {@code result}, or NaN. */
  public double actual(RunResult result) {
    for (ExpectationResult e : result.expectations()) {
      if (e.check().equals(expectation)) {
        return e.actual();
      }
    }
    return Double.NaN;
  }

  /** What failed, in words: {@code 'yield >= 0.99'}, or {@code IllegalStateException in a ...}. */
  public String describe() {
    return nodeFailure()
        ? exception.substring(exception.lastIndexOf('.') + 1) + " thrown by a " + nodeType + " node"
        : "'" + expectation + "'";
  }

  /** Whether a runaway limit ended the run before its duration. */
  public static boolean stoppedByLimit(RunResult result) {
    return result.stopReason() == StopReason.EVENT_LIMIT
        || result.stopReason() == StopReason.WALL_LIMIT;
  }

  private static boolean offered(RunResult result) {
    return result.requests().map(r -> r.totals().offered() > 0).orElse(false);
  }

  private static String exceptionClass(RunResult result) {
    String m = result.failure().message();
    int colon = m.indexOf(": ");
    return colon < 0 ? m : m.substring(0, colon);
  }

  /** The type of the node that failed ({@code (control)} for the fault schedule's own actions). */
  private static String typeOf(RunResult result, ScenarioSpec spec) {
    String name = result.failure().nodeName();
    for (NodeGroupSpec g : spec.nodes()) {
      if (g.instances().contains(name)) {
        return g.type().name();
      }
    }
    return name;
  }
}
