package dev.sim.protocols.paxos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.result.RunResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Pins the trace of one hostile Paxos run (loss, duplication, reordering, crashes and restarts; see
 * {@link PaxosSafetyTest#hostile}), so that a change of the Paxos nodes' event order shows, and the
 * same hash on JDK 17 and 25 proves it deterministic. Re-pin only for a change that truly changes
 * the run, and say why in the commit.
 */
@Tag("golden")
class PaxosGoldenTest {
  @Test
  void hostileSeed42() {
    RunResult r = PaxosSafetyTest.hostile(42, new PaxosAcceptorType()).run(400_000_000L);
    assertThat(r.events()).isEqualTo(337);
    assertThat(r.traceHash()).isEqualTo("8e059c7309973a89");
  }
}
