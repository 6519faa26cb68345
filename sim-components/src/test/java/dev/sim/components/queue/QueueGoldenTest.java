package dev.sim.components.queue;

import static dev.sim.testkit.Harness.ms;
import static dev.sim.testkit.Harness.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.api.Param;
import dev.sim.components.Specs;
import dev.sim.components.client.ClientParams;
import dev.sim.components.client.ClientType;
import dev.sim.components.database.DatabaseParams;
import dev.sim.components.database.DatabaseType;
import dev.sim.components.worker.WorkerParams;
import dev.sim.components.worker.WorkerType;
import dev.sim.kernel.random.Distributions;
import dev.sim.kernel.result.RunResult;
import dev.sim.testkit.Harness;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A golden run of the whole family: its event count and trace hash are pinned, so a change that
 * alters what a queue, a worker or a database does, event for event, shows here. A deliberate
 * change of behaviour updates them and says why in its commit. Tagged golden, so CI runs it on JDK
 * 25 as well.
 */
@Tag("golden")
class QueueGoldenTest {
  @Test
  void shouldRunTheQueueFamilyEventForEventAsBefore() {
    RunResult r =
        Harness.seed(42)
            .latency(ms(1))
            .add(
                "producer",
                1,
                new ClientType(),
                Specs.openLoop("jobs", 300)
                    .timeout(s(1))
                    .retry(
                        3,
                        ClientParams.BackoffShape.EXPONENTIAL,
                        ms(100),
                        s(1),
                        ClientParams.Jitter.FULL)
                    .build())
            .add(
                "jobs",
                1,
                new QueueType(),
                new QueueParams(200, s(1), 3, new QueueParams.Memory(400 * 1024, 256, 0, s(1))))
            .add(
                "workers",
                2,
                new WorkerType(),
                new WorkerParams(
                    "jobs",
                    4,
                    1,
                    Distributions.exponential(ms(20)),
                    new WorkerParams.Calls("db", ms(40), 2),
                    s(2),
                    0))
            .add(
                "db",
                1,
                new DatabaseType(),
                new DatabaseParams(
                    3,
                    Distributions.lognormal(ms(10), ms(60)),
                    0.05,
                    0.01,
                    new DatabaseParams.Wait(Param.UNBOUNDED, ms(100))))
            .crash(s(3), "workers-1")
            .restart(s(4), "workers-1")
            .run(s(8));
    // Refusals, redeliveries after a crash and after failed calls, dead letters: all of it ran.
    assertThat(r.counters())
        .containsEntry("queueFull", 4977L)
        .containsEntry("redelivered", 109L)
        .containsEntry("deadLettered", 2L)
        .containsEntry("acked", 1245L);
    assertThat(r.events() + " " + r.traceHash()).isEqualTo("38166 8ef298d5d3f2b284");
  }
}
