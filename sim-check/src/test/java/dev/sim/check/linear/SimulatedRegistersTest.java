package dev.sim.check.linear;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.check.Model;
import dev.sim.check.Verdict;
import dev.sim.kernel.history.Op;
import dev.sim.kernel.history.OpType;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Seeded swarm: histories of a truly linearizable register are valid, and each with one stale read
 * injected is invalid, stuck at that read. A failure names the seed that reproduces it.
 */
class SimulatedRegistersTest {
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Test
  void shouldFindRegisterHistoriesValidAndTheirStaleReadsInvalid() {
    swarm(Model.REGISTER, SimulatedRegisters.Options.register(8, 2, 150), 150);
  }

  @Test
  void shouldFindCasRegisterHistoriesValidAndTheirStaleReadsInvalid() {
    swarm(Model.CAS_REGISTER, SimulatedRegisters.Options.casRegister(6, 1, 120), 150);
  }

  @Test
  void shouldFindHistoriesWithManyTimeoutsValid() {
    SimulatedRegisters.Options o =
        new SimulatedRegisters.Options(10, 1, 150, 0.4, 0.2, 0.25, 0.1, 5_000_000L);
    swarm(Model.CAS_REGISTER, o, 40);
  }

  private static void swarm(Model model, SimulatedRegisters.Options o, int seeds) {
    int stale = 0;
    for (long seed = 1; seed <= seeds; seed++) {
      List<Op> ops = SimulatedRegisters.history(seed, o);
      LinearResult valid = Linearizability.check(ops, model, TIMEOUT);
      assertThat(valid.verdict()).as("seed=%d", seed).isEqualTo(Verdict.VALID);
      for (KeyResult k : valid.keys()) {
        new Replay(ops, k.key()).assertComplete(k.longestPrefix());
      }

      Optional<SimulatedRegisters.StaleRead> injected =
          SimulatedRegisters.injectStaleRead(ops, seed);
      if (injected.isEmpty()) {
        continue;
      }
      stale++;
      SimulatedRegisters.StaleRead s = injected.get();
      LinearResult invalid = Linearizability.check(s.history(), model, TIMEOUT);
      assertThat(invalid.verdict()).as("seed=%d", seed).isEqualTo(Verdict.INVALID);
      String key = s.history().get(s.readIndex()).key();
      KeyResult k =
          invalid.keys().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
      assertThat(k.stuckOp()).as("seed=%d", seed).isEqualTo(s.readIndex());
      assertThat(k.explanation())
          .as("seed=%d", seed)
          .contains("returned " + s.staleValue() + ", but after the");
      // The other keys keep their verdict.
      assertThat(invalid.keys().stream().filter(r -> !r.key().equals(key)))
          .allMatch(r -> r.verdict() == Verdict.VALID);
    }
    assertThat(stale).isGreaterThan(seeds * 3 / 4);
  }

  @Test
  void shouldMakeTheSameHistoryFromTheSameSeedWithEveryKindOfOutcome() {
    SimulatedRegisters.Options o = SimulatedRegisters.Options.casRegister(20, 3, 1000);
    List<Op> a = SimulatedRegisters.history(42, o);
    assertThat(SimulatedRegisters.history(42, o)).isEqualTo(a);
    assertThat(SimulatedRegisters.history(43, o)).isNotEqualTo(a);
    assertThat(a.stream().filter(Op::isInvoke)).hasSize(1000);
    for (OpType t : OpType.values()) {
      assertThat(a).as("%s", t).anyMatch(op -> op.type() == t);
    }
    long completions = a.stream().filter(op -> !op.isInvoke()).count();
    assertThat(completions).as("some invokes never complete").isLessThan(1000);
    assertThat(a).anyMatch(op -> op.f().equals("cas") && op.type() == OpType.OK);
    assertThat(a).anyMatch(op -> op.f().equals("cas") && op.type() == OpType.FAIL);
  }
}
