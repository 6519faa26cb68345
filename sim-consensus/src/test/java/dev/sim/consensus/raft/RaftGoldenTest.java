package dev.sim.consensus.raft;

import static dev.sim.testkit.Harness.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.result.RunResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Pins the trace of one chaotic run of a five-node cluster (crashes, partitions, loss, duplication,
 * reordering), so that a change of the raft node's event order shows, and the same hash on JDK 17
 * and 25 proves it deterministic. Re-pin only for a change that truly changes the run, and say why
 * in the commit.
 */
@Tag("golden")
class RaftGoldenTest {
  @Test
  void chaosSeed42() {
    RunResult r = Rig.chaos(42, Rig.params(), s(5));
    assertThat(r.failure()).isNull();
    assertThat(r.traceHash()).isEqualTo("adb80c4ed4c6f9b7");
  }
}
