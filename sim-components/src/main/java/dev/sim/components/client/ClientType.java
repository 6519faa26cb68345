package dev.sim.components.client;

import dev.sim.api.BuildContext;
import dev.sim.api.Group;
import dev.sim.api.NodeType;
import dev.sim.api.Problem;
import dev.sim.components.flags.FlagClient;
import dev.sim.components.flags.FlagParams;
import dev.sim.kernel.metrics.MetricSpec;
import dev.sim.kernel.node.Node;
import dev.sim.kernel.result.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code client} node type: offers load and records every request's one outcome.
 *
 * <p>Metrics: {@code offer} at each request's birth, {@code attempt} for each copy sent, {@code
 * finish} once per request (OK with the answer's harvest, FAILED after an error, TIMED_OUT,
 * REJECTED after an overload error or local throttling). Counters: {@code retries}, {@code hedges},
 * {@code throttled}, {@code budgetExhausted}.
 *
 * <p>Each try sends one copy to a target instance chosen uniformly (the target is usually one load
 * balancer) and, with {@code hedge}, a second copy to another instance if nothing came back within
 * {@code hedge.after}; each copy waits up to {@code timeout}. The first OK ends the request; the
 * try fails when every copy has failed (error, overload error or timeout), and is retried (up to
 * {@code retry.max} times, after the back-off) whatever the failure was. The request ends with the
 * last failure's outcome when retries run out or the retry budget refuses one. Adaptive throttling
 * is asked before every try, retries included: a refused try ends the request REJECTED. The retry
 * budget is a token bucket like Finagle's RetryBudget: each new request deposits retryBudget of a
 * token, the floor retryBudgetMinRate tokens a second; a deposit expires after retryBudgetWindow
 * (10 s); a retry or a hedge takes a whole token, oldest first, or is refused. A spent token never
 * comes back, so in a lasting outage the retries follow the requests at the ratio from moment to
 * moment once the saved budget (at most a window's deposits) is spent, without a burst per window.
 *
 * <p>With a {@code flag} lookup, a new request first asks the flag service (the same lookup as a
 * server's, {@code FlagClient}: timeout, default, cache) and is sent when the lookup ends with a
 * value; a lookup that times out without a default ends the request FAILED. Without a timeout a
 * request waits for ever on a flag service that never answers: nothing is sent.
 *
 * <p>Open-loop arrivals follow the rate (per client instance) or the profile, measured from the
 * client's first start on its own clock, and continue where the profile is after a restart.
 * Closed-loop users each send a request, wait for its outcome, think, and repeat; each user's first
 * request comes after one think time.
 */
public final class ClientType implements NodeType<ClientParams> {
  @Override
  public String name() {
    return "client";
  }

  @Override
  public String summary() {
    return "Offers requests (open or closed loop) with timeouts, retries, back-off and jitter,"
        + " a retry budget, adaptive throttling and hedging.";
  }

  @Override
  public Class<ClientParams> parameters() {
    return ClientParams.class;
  }

  /** What a client records: its requests, and counters for what its policies did. */
  static final List<MetricSpec> METRICS =
      withFlagMetrics(
          MetricSpec.latency("latency", "Request latency"),
          MetricSpec.counter("retries", "Retries", "retries")
              .describe("Retries sent by clients")
              .order(50)
              .compared(true),
          MetricSpec.counter("budgetExhausted", "Retry budget exhausted", "retries refused")
              .chart("retry-budget")
              .describe("Retries the retry budget refused to send")
              .order(60),
          MetricSpec.counter("throttled", "Client throttling", "requests refused")
              .describe("Requests clients refused locally (throttling)")
              .order(70),
          MetricSpec.counter("hedges", "Hedged requests", "hedges")
              .describe("Second copies sent because the first was slow")
              .order(80));

  private static List<MetricSpec> withFlagMetrics(MetricSpec... own) {
    List<MetricSpec> all = new java.util.ArrayList<>(List.of(own));
    all.addAll(FlagClient.METRICS);
    return List.copyOf(all);
  }

  @Override
  public List<MetricSpec> metrics() {
    return METRICS;
  }

  @Override
  public List<Problem> check(ClientParams p) {
    List<Problem> problems = new ArrayList<>();
    checkLoad(p.load(), problems);
    if (p.timeoutNanos() < 0) {
      problems.add(new Problem("timeout", "must not be negative"));
    }
    checkRetry(p.retry(), problems);
    if (p.retryBudget() < 0) {
      problems.add(new Problem("retryBudget", "must not be negative"));
    }
    if (p.retryBudget() == 0 && p.retryBudgetWindowNanos() != ClientNode.BUDGET_WINDOW_NANOS) {
      problems.add(
          new Problem(
              "retryBudgetWindow", "does nothing without a retryBudget, such as retryBudget: 0.1"));
    }
    if (p.retryBudgetWindowNanos() <= 0) {
      problems.add(new Problem("retryBudgetWindow", "must be positive"));
    }
    if (p.retryBudget() == 0 && p.retryBudgetMinRate() > 0) {
      problems.add(
          new Problem(
              "retryBudgetMinRate",
              "does nothing without a retryBudget, such as retryBudget: 0.1"));
    }
    FlagParams.check(p.flag(), problems);
    if (p.throttle() != null) {
      if (p.throttle().k() <= 0) {
        problems.add(new Problem("throttle.k", "must be positive"));
      }
      if (p.throttle().windowNanos() <= 0) {
        problems.add(new Problem("throttle.window", "must be positive"));
      }
    }
    if (p.hedge() != null && p.hedge().afterNanos() <= 0) {
      problems.add(new Problem("hedge.after", "must be positive"));
    }
    return problems;
  }

  /**
   * Adds to {@code problems} what is wrong with the {@code load} key: the rules of the {@code
   * client}'s load, for other workloads that take the same key.
   */
  public static void checkLoad(ClientParams.Load load, List<Problem> problems) {
    if (load == null) {
      problems.add(new Problem("load", "give a rate, a profile or a number of users"));
    } else {
      boolean hasRate = load.rate() != null;
      if (hasRate && load.rate() <= 0) {
        problems.add(
            new Problem("load.rate", "must be above 0/s: an open loop at 0/s offers nothing"));
      }
      boolean hasProfile = load.profile() != null && !load.profile().isEmpty();
      boolean hasUsers = load.users() > 0;
      int given = (hasRate ? 1 : 0) + (hasProfile ? 1 : 0) + (hasUsers ? 1 : 0);
      if (given == 0) {
        problems.add(
            new Problem(
                "load", "give a rate (open loop), a profile (open loop) or users (closed loop)"));
      } else if (given > 1) {
        problems.add(new Problem("load", "give only one of rate, profile and users"));
      }
      if (load.think() != null && !hasUsers) {
        problems.add(
            new Problem(
                "load.think", "only a closed loop (users) thinks; add users or remove think"));
      }
      if (hasProfile) {
        long prevEnd = -1;
        for (int i = 0; i < load.profile().size(); i++) {
          ClientParams.ProfileStep s = load.profile().get(i);
          if (s.atNanos() < 0 || s.rate() < 0 || s.rampNanos() < 0) {
            problems.add(
                new Problem("load.profile[" + i + "]", "at, rate and ramp must not be negative"));
          }
          if (s.atNanos() < prevEnd) {
            problems.add(
                new Problem(
                    "load.profile[" + i + "].at",
                    "steps must be in time order, each after the previous step's ramp has ended"));
          }
          prevEnd = s.atNanos() + s.rampNanos();
        }
      }
    }
  }

  /**
   * Adds to {@code problems} what is wrong with the {@code retry} key (null: no retries), for other
   * workloads that take the same key.
   */
  public static void checkRetry(ClientParams.Retry r, List<Problem> problems) {
    if (r != null) {
      if (r.max() < 0) {
        problems.add(new Problem("retry.max", "must be 0 or more"));
      }
      boolean backsOff = r.backoff() != null && r.backoff() != ClientParams.BackoffShape.NONE;
      if (backsOff && r.baseNanos() <= 0) {
        problems.add(
            new Problem(
                "retry.base",
                r.backoff().name().toLowerCase(Locale.ROOT) + " back-off needs a positive base"));
      }
      if (r.capNanos() > 0 && r.capNanos() < r.baseNanos()) {
        problems.add(new Problem("retry.cap", "must be at least base"));
      }
      if (r.jitter() != null && r.jitter() != ClientParams.Jitter.NONE && !backsOff) {
        problems.add(
            new Problem("retry.jitter", "jitter needs a back-off (constant or exponential)"));
      }
    }
  }

  /**
   * Marks each step up of the group's rate profile (until its next step), so a lesson's trigger (a
   * load surge) shows on the charts beside the faults. Steps down are left unmarked; rates are the
   * group's total.
   */
  @Override
  public List<Annotation> marks(ClientParams p, Group group) {
    if (p.load() == null) {
      return List.of();
    }
    return profileMarks(p.load().profile(), group);
  }

  /**
   * The marks of {@link #marks} for a rate profile ({@code steps}, null for none) of {@code group},
   * for other workloads that take the same {@code load} key.
   */
  public static List<Annotation> profileMarks(List<ClientParams.ProfileStep> steps, Group group) {
    if (steps == null) {
      return List.of();
    }
    List<Annotation> marks = new ArrayList<>();
    for (int i = 1; i < steps.size(); i++) {
      double from = steps.get(i - 1).rate() * group.count();
      double to = steps.get(i).rate() * group.count();
      if (to <= from) {
        continue;
      }
      long start = steps.get(i).atNanos();
      long end = i + 1 < steps.size() ? steps.get(i + 1).atNanos() : -1;
      marks.add(
          new Annotation(
              "load", "load " + rate(from) + "→" + rate(to) + "/s", start, end, group.instances()));
    }
    return marks;
  }

  private static String rate(double v) {
    return v == StrictMath.rint(v)
        ? String.valueOf((long) v)
        : String.format(Locale.ROOT, "%.2f", v);
  }

  @Override
  public Node create(ClientParams params, BuildContext ctx) {
    return new ClientNode(params);
  }
}
