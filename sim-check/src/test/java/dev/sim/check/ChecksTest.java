package dev.sim.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sim.kernel.result.ConsistencySummary;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The facade on sets and counters (registers: {@link ChecksRegisterTest}). */
class ChecksTest {
  static final Duration MINUTE = Duration.ofSeconds(60);

  @Test
  void shouldInferEachKeysModelFromItsOperations() {
    Rec r = new Rec(2);
    r.at(0).inv(0, "add", "s", 1L).at(1).ok(0, 1L);
    r.at(2).inv(1, "incr", "n", 2L).at(3).ok(1, 2L);
    r.at(4).inv(0, "read", "s", null).at(5).ok(0, List.of(1L));
    r.at(6).inv(1, "read", "n", null).at(7).ok(1, 2L);
    CheckReport c = Checks.check(r.data(), null, MINUTE);
    assertThat(c.verdict()).isEqualTo(Verdict.VALID);
    assertThat(c.model()).isEqualTo("set+counter");
    assertThat(c.keys()).extracting(KeyCheck::key).containsExactly("s", "n");
    assertThat(c.keys()).extracting(KeyCheck::model).containsExactly(Model.SET, Model.COUNTER);
    assertThat(c.operations()).isEqualTo(4);
    assertThat(c.witness()).isNull();
    assertThat(c.witnessText()).isEmpty();
  }

  @Test
  void shouldInferRegistersAndCasRegistersFromTheirFunctions() {
    Rec r = new Rec(1);
    r.at(0).inv(0, "read", "a", null).at(1).ok(0, null);
    r.at(2).inv(0, "cas", "b", List.of(1L, 2L)).at(3).fail(0, null);
    r.at(4).inv(0, "add", "c", 1L).at(5).ok(0, 1L);
    assertThat(Checks.infer("a", r.ops().subList(0, 2))).isEqualTo(Model.REGISTER);
    assertThat(Checks.infer("b", r.ops().subList(2, 4))).isEqualTo(Model.CAS_REGISTER);
    assertThat(Checks.infer("c", r.ops().subList(4, 6))).isEqualTo(Model.SET);
  }

  @Test
  void shouldRefuseAKeyThatMixesModels() {
    Rec r = new Rec(1);
    r.at(0).inv(0, "add", "k", 1L).at(1).ok(0, 1L);
    r.at(2).inv(0, "incr", "k", 1L).at(3).ok(0, 1L);
    assertThatThrownBy(() -> Checks.check(r.data(), null, MINUTE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "key \"k\" mixes the operations of models set and counter; one key holds one kind of"
                + " data");
  }

  @Test
  void shouldRefuseAValueOfTheWrongShapeForTheGivenModel() {
    Rec r = new Rec(1);
    r.at(0).inv(0, "read", null).at(1).ok(0, 3L);
    assertThatThrownBy(() -> Checks.check(r.data(), Model.SET, MINUTE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("history index 1 (set): a set read returns the list");
  }

  @Test
  void shouldBeInvalidWhenAnyKeyIsAndNameTheWitness() {
    Rec r = new Rec(2);
    r.at(0).inv(0, "add", "good", 1L).at(1).ok(0, 1L);
    r.at(2).inv(0, "add", "bad", 2L).at(3).ok(0, 2L);
    r.at(4).inv(1, "read", "good", null).at(5).ok(1, List.of(1L));
    r.at(6).inv(1, "read", "bad", null).at(7).ok(1, List.of());
    CheckReport c = Checks.check(r.data(), null, MINUTE);
    assertThat(c.verdict()).isEqualTo(Verdict.INVALID);
    KeyCheck w = c.witness();
    assertThat(w.key()).isEqualTo("bad");
    // The read that misses the element is marked; the add it misses is related.
    assertThat(w.stuckOp()).isEqualTo(6);
    assertThat(w.related()).containsExactly(2);
    assertThat(c.witnessText()).startsWith("key \"bad\": element 2 was lost");
    assertThat(c.figures().lostWrites()).isEqualTo(1);
    assertThat(c.figures().lost().get(0).lostNanos()).isEqualTo(6_000_000L);
    assertThat(c.figures().staleReads()).isEqualTo(1);
  }

  @Test
  void shouldCountACountersLargestShortfallAsItsLostWrites() {
    Rec r = new Rec(2);
    for (int i = 0; i < 5; i++) {
      r.at(2 * i).inv(0, "incr", 1L).at(2 * i + 1).ok(0, 1L);
    }
    r.at(20).inv(1, "read", null).at(21).ok(1, 2L);
    CheckReport c = Checks.check(r.data(), Model.COUNTER, MINUTE);
    assertThat(c.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(c.figures().lostWrites()).isEqualTo(3);
    assertThat(c.figures().staleReads()).isEqualTo(1);
  }

  @Test
  void shouldFillTheConsistencySummaryFromTheReport() {
    Rec r = new Rec(3);
    r.history().siblings(1);
    r.history().siblings(3);
    r.history().replica("s1", () -> Map.of("s", "a"));
    r.history().replica("s2", () -> Map.of("s", "b"));
    r.at(0).inv(0, "add", "s", 1L).at(1).ok(0, 1L);
    r.at(2).inv(1, "add", "s", 2L).at(3).fail(1, null);
    r.at(4).inv(2, "read", "s", null).at(5).ok(2, List.of());
    r.at(6).inv(1, "read", "s", null);
    ConsistencySummary s = Checks.check(r.data(), null, MINUTE).toSummary();
    assertThat(s.family()).isEqualTo("consistency");
    assertThat(s.model()).isEqualTo("set");
    assertThat(s.valid()).isFalse();
    assertThat(s.verdict()).isEqualTo("invalid");
    assertThat(s.ops()).isEqualTo(4);
    assertThat(s.keys()).isEqualTo(1);
    assertThat(s.lostWrites()).isEqualTo(1);
    assertThat(s.lost())
        .containsExactly(new ConsistencySummary.LostWrite("s", 1, 1_000_000L, 4_000_000L));
    assertThat(s.staleReads()).isEqualTo(1);
    assertThat(s.siblingsMax()).isEqualTo(3);
    assertThat(s.siblingsMean()).isEqualTo(2.0);
    assertThat(s.divergentKeys()).isEqualTo(1);
    assertThat(List.of(s.ok(), s.fail(), s.info())).containsExactly(2L, 1L, 1L);
    assertThat(s.byNode())
        .containsExactly(
            new ConsistencySummary.NodeOutcomes("c0", 2, 0, 0),
            new ConsistencySummary.NodeOutcomes("c1", 0, 1, 1));
    assertThat(s.witnessKey()).isEqualTo("s");
    assertThat(s.witness()).startsWith("key \"s\": element 1 was lost");
  }

  @Test
  void shouldCallAnEmptyHistoryValid() {
    CheckReport c = Checks.check(List.of(), null, MINUTE);
    assertThat(c.verdict()).isEqualTo(Verdict.VALID);
    assertThat(c.model()).isEqualTo("none");
    assertThat(c.figures().overall().total()).isZero();
  }
}
