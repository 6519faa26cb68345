package dev.sim.components.client;

import dev.sim.api.Param;
import dev.sim.api.Param.Unit;
import dev.sim.components.flags.FlagParams;
import dev.sim.components.rpc.HedgeParams;
import dev.sim.kernel.random.Distribution;
import java.util.List;

/**
 * Parameters of the {@code client} node type (YAML keys in brackets).
 *
 * @param target [target] the node group or instance requests go to; with several instances each try
 *     picks one uniformly at random
 * @param load [load] offered load: an open loop (rate or profile) or a closed loop (users)
 * @param sizeBytes [size] each request's size on the wire (every copy)
 * @param timeoutNanos [timeout] how long one try (each copy) waits for an answer; 0 = for ever
 * @param retry [retry] retries after failed tries; absent = none
 * @param retryBudget [retryBudget] retries (and hedges) may be at most this fraction of new
 *     requests: a token bucket; 0 = no budget
 * @param retryBudgetWindowNanos [retryBudgetWindow] how long the budget's unspent deposits are kept
 * @param retryBudgetMinRate [retryBudgetMinRate] retries per second the budget allows whatever the
 *     requests (its floor)
 * @param throttle [throttle] client-side adaptive throttling (SRE book); absent = off
 * @param hedge [hedge] hedged requests; absent = off
 * @param flag [flag] a feature-flag lookup before each request is sent; absent = none
 */
public record ClientParams(
    @Param(
            doc =
                "Node group or instance to send requests to (usually a load balancer; a queue to"
                    + " publish messages to it).",
            unit = Unit.NODE_REF,
            required = true,
            nodeTypes = {"load-balancer", "server", "queue"})
        String target,
    @Param(
            doc = "Offered load: open loop (rate or profile) or closed loop (users, think).",
            unit = Unit.NESTED,
            required = true)
        Load load,
    @Param(
            key = "size",
            doc =
                "Size of each request on the wire, which a network bandwidth turns into delay;"
                    + " the default 1KB is an HTTP request's headers and a small body.",
            unit = Unit.SIZE,
            defaultValue = "1KB")
        long sizeBytes,
    @Param(
            key = "timeout",
            doc = "How long each try waits for an answer; 0s waits for ever.",
            unit = Unit.DURATION,
            defaultValue = "0s")
        long timeoutNanos,
    @Param(
            doc = "Retries after a timeout, an error or an overload rejection; absent: none.",
            unit = Unit.NESTED)
        Retry retry,
    @Param(
            doc =
                "Retry budget: each new request earns this fraction of a retry, and each retry or"
                    + " hedge spends a whole one, so retries stay at most this fraction of"
                    + " requests; 0 = no budget.",
            unit = Unit.FACTOR,
            defaultValue = "0")
        double retryBudget,
    @Param(
            key = "retryBudgetWindow",
            doc =
                "How long the retry budget keeps what was earned and not spent, at most a"
                    + " window's worth to spend at once (10s is Finagle's default).",
            unit = Unit.DURATION,
            defaultValue = "10s")
        long retryBudgetWindowNanos,
    @Param(
            doc =
                "Floor of the retry budget: retries per second it allows whatever the requests"
                    + " (Finagle's minRetriesPerSec).",
            unit = Unit.RATE,
            defaultValue = "0/s")
        double retryBudgetMinRate,
    @Param(
            doc = "Client-side adaptive throttling (Google SRE book); absent: off.",
            unit = Unit.NESTED)
        Throttle throttle,
    @Param(
            doc = "Hedged requests: a second copy if no answer came in time; absent: off.",
            unit = Unit.NESTED)
        HedgeParams hedge,
    @Param(
            doc =
                "A feature-flag lookup before sending each request (the request waits for it);"
                    + " absent: none.",
            unit = Unit.NESTED)
        FlagParams flag) {

  /** Whether the load is a closed loop of users. */
  public boolean closedLoop() {
    return load != null && load.users() > 0;
  }

  /** How an open loop spaces its arrivals ({@code load.arrivals}). */
  public enum Arrivals {
    /** Exponential gaps: a Poisson process at the rate. */
    POISSON,
    /** Evenly spaced, 1 / rate apart. */
    CONSTANT
  }

  /** How the back-off before a retry grows ({@code retry.backoff}). */
  public enum BackoffShape {
    /** Retry at once. */
    NONE,
    /** Wait base before every retry. */
    CONSTANT,
    /** Wait base·2^(n−1) before retry n, capped. */
    EXPONENTIAL
  }

  /** How a back-off b is randomized ({@code retry.jitter}). */
  public enum Jitter {
    /** Wait exactly b. */
    NONE,
    /** Uniform in [0, b]. */
    FULL,
    /** b/2 + uniform in [0, b/2]. */
    EQUAL,
    /** min(cap, uniform in [base, 3·previous]). */
    DECORRELATED
  }

  /**
   * Offered load.
   *
   * @param arrivals [arrivals] {@code poisson} or {@code constant} spacing of an open loop
   * @param rate [rate] requests per second of an open loop (per client instance); null when absent,
   *     so that an explicit {@code 0/s} can be told apart and refused
   * @param profile [profile] steps and linear ramps of the rate over time, instead of {@code rate}
   * @param users [users] number of closed-loop users; 0 = open loop
   * @param think [think] a closed-loop user's pause between a request's end and the next request
   */
  public record Load(
      @Param(
              doc = "How open-loop arrivals are spaced.",
              unit = Unit.CHOICE,
              defaultValue = "poisson")
          Arrivals arrivals,
      @Param(doc = "Open-loop requests per second, per client instance.", unit = Unit.RATE)
          Double rate,
      @Param(
              doc = "Open-loop rate over time: steps, or linear ramps over `ramp`.",
              unit = Unit.NESTED)
          List<ProfileStep> profile,
      @Param(
              doc =
                  "Closed loop: this many users, each waiting for its request's end, thinking,"
                      + " then sending the next.",
              unit = Unit.COUNT,
              defaultValue = "0",
              max = 1_000_000)
          int users,
      @Param(
              doc = "Closed loop: a user's think time between requests; absent: none.",
              unit = Unit.DISTRIBUTION)
          Distribution think) {}

  /**
   * One step of a rate profile.
   *
   * @param atNanos [at] when the step begins (since the client started)
   * @param rate [rate] requests per second from then on
   * @param rampNanos [ramp] if positive, the rate moves linearly from the previous step's rate to
   *     {@code rate} over this long
   */
  public record ProfileStep(
      @Param(key = "at", doc = "When this step begins.", unit = Unit.DURATION, required = true)
          long atNanos,
      @Param(doc = "Requests per second from this step on.", unit = Unit.RATE, required = true)
          double rate,
      @Param(
              key = "ramp",
              doc = "Move linearly from the previous rate over this long; 0s = a" + " step.",
              unit = Unit.DURATION,
              defaultValue = "0s")
          long rampNanos) {}

  /**
   * Retries (AWS "Exponential Backoff And Jitter").
   *
   * @param max [max] retries after the first try (at most max + 1 tries)
   * @param backoff [backoff] {@code none}, {@code constant} (base) or {@code exponential}
   *     (base·2^(n−1) for retry n, capped)
   * @param baseNanos [base] the first back-off
   * @param capNanos [cap] the largest back-off; 0 = no cap
   * @param jitter [jitter] {@code none}, {@code full} (uniform in [0, b]), {@code equal} (b/2 +
   *     uniform in [0, b/2]) or {@code decorrelated} (min(cap, uniform in [base, 3·previous]))
   */
  public record Retry(
      @Param(
              doc = "Retries after the first try, so at most max+1 tries per request.",
              unit = Unit.NUMBER,
              required = true,
              min = 0)
          int max,
      @Param(
              doc =
                  "Delay before a retry: none, constant (base) or exponential"
                      + " (base * 2^(retry-1), capped).",
              unit = Unit.CHOICE,
              defaultValue = "none")
          BackoffShape backoff,
      @Param(
              key = "base",
              doc = "First (or constant) back-off.",
              unit = Unit.DURATION,
              defaultValue = "0s")
          long baseNanos,
      @Param(
              key = "cap",
              doc = "Largest back-off; 0s = no cap.",
              unit = Unit.DURATION,
              defaultValue = "0s")
          long capNanos,
      @Param(
              doc =
                  "Randomizes each back-off b: none; full = uniform[0, b]; equal = b/2 +"
                      + " uniform[0, b/2]; decorrelated = min(cap, uniform[base, 3 * previous]).",
              unit = Unit.CHOICE,
              defaultValue = "none")
          Jitter jitter) {}

  /**
   * Adaptive throttling (Google SRE book, "Handling Overload"): a try is refused locally with
   * probability max(0, (requests − k·accepts) / (requests + 1)) over the window, where requests
   * counts every try the client wanted to send (refused ones included) and accepts every answer
   * that was not an overload error. A refused try sends nothing and ends its request REJECTED.
   *
   * @param k [k] the multiplier; smaller throttles harder
   * @param windowNanos [window] the sliding window the counts cover
   */
  public record Throttle(
      @Param(
              doc = "Multiplier K: tries flow freely while requests < K * accepts.",
              unit = Unit.FACTOR,
              defaultValue = "2",
              min = 1)
          double k,
      @Param(
              key = "window",
              doc = "Sliding window of the request and accept counts.",
              unit = Unit.DURATION,
              defaultValue = "2m")
          long windowNanos) {}
}
