package dev.sim.components.queue;

import static dev.sim.testkit.Harness.counter;
import static dev.sim.testkit.Harness.counterWindows;
import static dev.sim.testkit.Harness.gauge;
import static dev.sim.testkit.Harness.max;
import static dev.sim.testkit.Harness.ms;
import static dev.sim.testkit.Harness.requests;
import static dev.sim.testkit.Harness.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sim.api.Group;
import dev.sim.api.Param;
import dev.sim.components.BurstClient;
import dev.sim.components.Specs;
import dev.sim.components.client.ClientType;
import dev.sim.components.database.DatabaseParams;
import dev.sim.components.database.DatabaseType;
import dev.sim.components.rpc.Status;
import dev.sim.components.server.ServerParams;
import dev.sim.components.server.ServerType;
import dev.sim.components.worker.WorkerParams;
import dev.sim.components.worker.WorkerType;
import dev.sim.kernel.random.Distribution;
import dev.sim.kernel.random.Distributions;
import dev.sim.kernel.result.Annotation;
import dev.sim.kernel.result.RunResult;
import dev.sim.testkit.Harness;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The queue, worker and database node types, alone and together, in small simulations. */
class QueueFamilyTest {
  private static final ClientType CLIENT = new ClientType();
  private static final QueueType QUEUE = new QueueType();
  private static final WorkerType WORKER = new WorkerType();
  private static final DatabaseType DATABASE = new DatabaseType();
  private static final int UNBOUNDED = Param.UNBOUNDED;

  private static QueueParams queue(int capacity, long visibilityNanos, int maxDeliveries) {
    return new QueueParams(capacity, visibilityNanos, maxDeliveries, null);
  }

  private static WorkerParams worker(int concurrency, int prefetch, Distribution service) {
    return new WorkerParams("jobs", concurrency, prefetch, service, null, s(20), 0);
  }

  private static WorkerParams worker(
      int concurrency, Distribution service, long callTimeoutNanos, int pool) {
    return new WorkerParams(
        "jobs",
        concurrency,
        0,
        service,
        new WorkerParams.Calls("db", callTimeoutNanos, pool),
        s(20),
        0);
  }

  private static DatabaseParams database(
      int connections, Distribution query, double contention, double coherency) {
    return new DatabaseParams(connections, query, contention, coherency, null);
  }

  private static double gaugeMax(RunResult r, String node, String name) {
    return max(gauge(r, node, name).max());
  }

  @Test
  void shouldDeliverEveryPublishedMessageOnceWhenWorkersKeepUp() {
    RunResult r =
        Harness.seed(1)
            .latency(ms(1))
            .add("producer", 1, CLIENT, Specs.openLoop("jobs", 50).constantArrivals().build())
            .add("jobs", 1, QUEUE, queue(UNBOUNDED, s(30), UNBOUNDED))
            .add("workers", 2, WORKER, worker(2, 0, Distributions.constant(ms(10))))
            .run(s(10));
    long published = counter(r, "published");
    assertThat(published).isBetween(495L, 500L);
    assertThat(requests(r).yield()).isEqualTo(1.0);
    // Everything published a little before the end is acknowledged; nothing twice.
    assertThat(counter(r, "acked")).isBetween(published - 2, published);
    assertThat(counter(r, "processed")).isEqualTo(counter(r, "acked"));
    assertThat(counter(r, "redelivered")).isZero();
    assertThat(gaugeMax(r, "jobs", "queueDepth")).isLessThanOrEqualTo(1);
  }

  @Test
  void shouldRefuseAPublishToAFullQueueWithAnOverloadError() {
    RunResult r =
        Harness.seed(2)
            .latency(ms(1))
            .add("producer", 1, CLIENT, Specs.openLoop("jobs", 100).constantArrivals().build())
            .add("jobs", 1, QUEUE, queue(50, s(30), UNBOUNDED))
            .add("workers", 1, WORKER, worker(1, 0, Distributions.constant(s(1))))
            .run(s(10));
    assertThat(gaugeMax(r, "jobs", "queueDepth")).isEqualTo(50);
    long refused = counter(r, "queueFull");
    assertThat(refused).isGreaterThan(800);
    // Each refusal is the producer's overload error: its request ends REJECTED.
    assertThat(requests(r).totals().rejected()).isEqualTo(refused);
    assertThat(counter(r, "published")).isEqualTo(requests(r).totals().ok());
  }

  @Test
  void shouldRedeliverWhatACrashedWorkerHeldAfterTheVisibilityTimeout() {
    RunResult r =
        Harness.seed(3)
            .latency(ms(1))
            .add("producer", 1, CLIENT, Specs.openLoop("jobs", 20).constantArrivals().build())
            .add("jobs", 1, QUEUE, queue(UNBOUNDED, s(2), UNBOUNDED))
            .add("workers", 1, WORKER, worker(5, 0, Distributions.constant(ms(200))))
            .crash(s(5), "workers")
            .restart(s(6), "workers")
            .run(s(20));
    // The crash took up to 5 messages in progress; each times out and is delivered again.
    assertThat(counter(r, "visibilityTimeouts")).isBetween(1L, 5L);
    assertThat(counter(r, "redelivered")).isEqualTo(counter(r, "visibilityTimeouts"));
    // None is lost: all but the last moment's are acknowledged.
    assertThat(counter(r, "acked")).isGreaterThanOrEqualTo(counter(r, "published") - 5);
    assertThat(counter(r, "deadLettered")).isZero();
  }

  @Test
  void shouldDeadLetterAMessageAfterItsLastFailedDelivery() {
    RunResult r =
        Harness.seed(4)
            .latency(ms(1))
            .add("producer", 1, CLIENT, Specs.openLoop("jobs", 10).constantArrivals().build())
            .add("jobs", 1, QUEUE, queue(UNBOUNDED, s(30), 3))
            // Every call times out: the database takes 10s a query, the worker waits 50ms.
            .add("workers", 1, WORKER, worker(4, null, ms(50), UNBOUNDED))
            .add("db", 1, DATABASE, database(1000, Distributions.constant(s(10)), 0, 0))
            .run(s(10));
    long published = counter(r, "published");
    long dead = counter(r, "deadLettered");
    assertThat(dead).isBetween(published - 2, published);
    assertThat(counter(r, "acked")).isZero();
    // Three deliveries each: two of them redeliveries.
    assertThat(counter(r, "redelivered")).isBetween(2 * dead, 2 * dead + 4);
    assertThat(counter(r, "processFailures")).isBetween(3 * dead, 3 * dead + 4);
    assertThat(gaugeMax(r, "jobs", "deadLetters")).isEqualTo(dead);
  }

  @Test
  void shouldCrashOutOfMemoryAndLoseEveryMessageItHeld() {
    long kb = 1024;
    QueueParams p =
        new QueueParams(
            UNBOUNDED, s(30), UNBOUNDED, new QueueParams.Memory(100 * 2 * kb, kb, 0, 0));
    RunResult r =
        Harness.seed(5)
            .latency(ms(1))
            .add(
                "producer",
                1,
                CLIENT,
                Specs.openLoop("jobs", 50).constantArrivals().size(kb).timeout(s(1)).build())
            .add("jobs", 1, QUEUE, p)
            .add("workers", 1, WORKER, worker(1, 0, Distributions.constant(s(100))))
            .run(s(10));
    // 100 messages of 1KB + 1KB fit in 200KB; the 101st crashes the broker, which stays down.
    assertThat(counter(r, "brokerOom")).isEqualTo(1);
    assertThat(counter(r, "published")).isEqualTo(100);
    assertThat(counter(r, "messagesLost")).isEqualTo(100);
    assertThat(gaugeMax(r, "jobs", "brokerMemoryMB")).isCloseTo(200.0 / 1024, within(1e-9));
    assertThat(requests(r).totals().timedOut()).isGreaterThan(300);
  }

  @Test
  void shouldHoldAtMostConcurrencyPlusPrefetchUnacknowledged() {
    RunResult r =
        Harness.seed(6)
            .latency(ms(1))
            .add("producer", 1, CLIENT, Specs.openLoop("jobs", 100).build())
            .add("jobs", 1, QUEUE, queue(UNBOUNDED, s(30), UNBOUNDED))
            .add("workers", 2, WORKER, worker(3, 2, Distributions.constant(ms(500))))
            .run(s(10));
    assertThat(gaugeMax(r, "jobs", "unacked")).isEqualTo(10);
    assertThat(gaugeMax(r, "workers-1", "workerBusy")).isEqualTo(3);
    // 6 threads at 2 messages/s each.
    assertThat(counter(r, "processed")).isBetween(110L, 120L);
  }

  @Test
  void shouldBeginToConsumeOnlyAfterStartAfter() {
    WorkerParams late =
        new WorkerParams("jobs", 1, 0, Distributions.constant(ms(1)), null, s(20), s(5));
    RunResult r =
        Harness.seed(7)
            .latency(ms(1))
            .windows(s(1), 0)
            .add("producer", 1, CLIENT, Specs.openLoop("jobs", 10).constantArrivals().build())
            .add("jobs", 1, QUEUE, queue(UNBOUNDED, s(30), UNBOUNDED))
            .add("workers", 1, WORKER, late)
            .run(s(10));
    long[] processed = counterWindows(r, "workers", "processed");
    assertThat(Arrays.stream(processed, 0, 5).sum()).isZero();
    // The backlog of the first 5s is taken at once, then the flow.
    assertThat(processed[5]).isGreaterThanOrEqualTo(49);
    assertThat(gauge(r, "jobs", "oldestAgeS").max()[4]).isGreaterThan(3.5);
  }

  @Test
  void shouldMarkAGroupDeployedDuringTheRun() {
    WorkerParams late = new WorkerParams("jobs", 1, 0, null, null, s(20), s(600));
    Group fast = new Group("fast", List.of("fast-1", "fast-2"));
    assertThat(WORKER.marks(late, fast))
        .containsExactly(
            new Annotation("deploy", "fast deployed", s(600), -1, List.of("fast-1", "fast-2")));
    assertThat(WORKER.marks(worker(1, 0, null), fast)).isEmpty();
  }

  @Test
  void shouldLimitConnectionsThenQueueThenRefuseTooManyConnections() {
    BurstClient.Log log = new BurstClient.Log();
    DatabaseParams p =
        new DatabaseParams(
            2, Distributions.constant(ms(100)), 0, 0, new DatabaseParams.Wait(3, ms(50)));
    RunResult r =
        Harness.seed(8)
            .latency(ms(1))
            .node("client", "client", () -> new BurstClient("db", 10, false, log))
            .add("db", 1, DATABASE, p)
            .run(s(1));
    // Two run, three wait and time out after 50ms, five are refused at once.
    assertThat(counter(r, "tooManyConnections")).isEqualTo(5);
    assertThat(counter(r, "connectionTimeouts")).isEqualTo(3);
    assertThat(counter(r, "queries")).isEqualTo(2);
    assertThat(log.count(Status.OVERLOADED)).isEqualTo(5);
    assertThat(log.count(Status.ERROR)).isEqualTo(3);
    assertThat(log.count(Status.OK)).isEqualTo(2);
    assertThat(gaugeMax(r, "db", "dbActive")).isEqualTo(2);
    assertThat(gaugeMax(r, "db", "dbWaiting")).isEqualTo(3);
  }

  @Test
  void shouldServeAWaitingQueryWhenAConnectionFrees() {
    BurstClient.Log log = new BurstClient.Log();
    DatabaseParams p =
        new DatabaseParams(
            2, Distributions.constant(ms(100)), 0, 0, new DatabaseParams.Wait(UNBOUNDED, 0));
    Harness.seed(9)
        .latency(ms(1))
        .node("client", "client", () -> new BurstClient("db", 5, false, log))
        .add("db", 1, DATABASE, p)
        .run(s(1));
    assertThat(log.count(Status.OK)).isEqualTo(5);
    // In waves of two: 100ms, 200ms, 300ms after arrival (plus 1ms each way).
    assertThat(log.timeOf(5)).isEqualTo(ms(302));
  }

  /**
   * The Universal Scalability Law with coherency 0.01: n users keep n queries in progress, each
   * taking 10ms · (1 + 0.01·n·(n−1)); throughput n / that peaks near n = 10 and falls beyond.
   */
  @Test
  void shouldGetLessDoneWithMoreConcurrencyPastThePeak() {
    double at10 = throughput(10);
    double at40 = throughput(40);
    assertThat(at10).isCloseTo(10 / (0.010 * (1 + 0.01 * 10 * 9)), within(0.1 * at10));
    assertThat(at40).isCloseTo(40 / (0.010 * (1 + 0.01 * 40 * 39)), within(0.1 * at40));
    assertThat(at40).isLessThan(0.6 * at10);
  }

  private static double throughput(int users) {
    RunResult r =
        Harness.seed(10)
            .latency(ms(0.01))
            .add("users", 1, CLIENT, Specs.closedLoop("db", users, null).build())
            .add("db", 1, DATABASE, database(1000, Distributions.constant(ms(10)), 0, 0.01))
            .run(s(10));
    return counter(r, "queries") / 10.0;
  }

  @Test
  void shouldAnswerAServersCallsAndRefuseTooManyWithAnOverloadError() {
    // A server may call a database too; beyond its connections (no wait) the call is refused.
    RunResult r =
        Harness.seed(12)
            .latency(ms(1))
            .add("clients", 1, CLIENT, Specs.openLoop("api", 200).build())
            .add(
                "api",
                1,
                new ServerType(),
                Specs.server()
                    .calls("db", s(1), ServerParams.Fanout.ONE, ServerParams.Partial.DENY, null)
                    .build())
            .add("db", 1, DATABASE, database(5, Distributions.constant(ms(20)), 0, 0))
            .run(s(10));
    assertThat(counter(r, "tooManyConnections")).isPositive();
    assertThat(counter(r, "callFailures")).isEqualTo(counter(r, "tooManyConnections"));
    // Every answered query is an OK request, but for those still on their way at the end.
    assertThat(counter(r, "queries") - requests(r).totals().ok()).isBetween(0L, 2L);
    // Without a wait queue the database is an Erlang loss system: 200/s of 20ms queries is 4
    // erlangs on 5 connections, so a share B(5, 4) = 0.199 of the calls finds them all in use.
    assertThat(requests(r).yield()).isCloseTo(1 - erlangB(5, 4.0), within(0.02));
  }

  /** Erlang's loss formula: the share of arrivals refused by c servers offered a erlangs. */
  private static double erlangB(int c, double a) {
    double b = 1;
    for (int k = 1; k <= c; k++) {
      b = a * b / (k + a * b);
    }
    return b;
  }

  @Test
  void shouldBoundTheQueriesAWorkerHasOutByItsPool() {
    RunResult r =
        Harness.seed(11)
            .latency(ms(1))
            .add("producer", 1, CLIENT, Specs.openLoop("jobs", 200).build())
            .add("jobs", 1, QUEUE, queue(UNBOUNDED, s(30), UNBOUNDED))
            .add("workers", 2, WORKER, worker(16, Distributions.constant(ms(1)), s(5), 3))
            .add("db", 1, DATABASE, database(100, Distributions.constant(ms(50)), 0, 0))
            .run(s(10));
    assertThat(gaugeMax(r, "db", "dbActive")).isEqualTo(6);
    assertThat(gaugeMax(r, "workers-1", "poolWaiting")).isEqualTo(13);
    // Six connections, each a query of 50ms plus a 2ms round trip: about 19 queries/s.
    assertThat(counter(r, "processed")).isBetween(1100L, 1160L);
  }
}
