package dev.sim.protocols.byzantine;

import static dev.sim.testkit.Harness.counter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.api.Problem;
import dev.sim.kernel.random.Distributions;
import dev.sim.kernel.result.MessageRecord;
import dev.sim.kernel.result.RunResult;
import dev.sim.network.Network;
import dev.sim.network.clock.SkewedClocks;
import dev.sim.testkit.Harness;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ByzantineGeneralsTest {
  private static final long MS = 1_000_000L;
  private static final long ROUND = 50 * MS;
  private static final List<Strategy> STRATEGIES =
      List.of(Strategy.FLIP, Strategy.RANDOM, Strategy.SPLIT, Strategy.SILENT);
  private static final int SEEDS = 20;

  /** One run: n generals general-1..n with general-1 commanding, a referee, latency 1–20ms. */
  private static RunResult run(
      long seed,
      Algorithm algorithm,
      int n,
      int m,
      String traitors,
      Strategy strategy,
      Order order) {
    return harness(seed, algorithm, n, m, traitors, strategy, order, ROUND).run((m + 2) * ROUND);
  }

  private static Harness harness(
      long seed,
      Algorithm algorithm,
      int n,
      int m,
      String traitors,
      Strategy strategy,
      Order order,
      long roundNanos) {
    ByzantineParams p =
        new ByzantineParams(
            algorithm, m, "general-1", names(traitors), strategy, order, roundNanos, "referee");
    return Harness.seed(seed)
        .add("general", n, new ByzantineGeneralType(), p)
        .add("referee", 1, new ByzantineRefereeType(), new RefereeParams("general", 0))
        .network(sim -> Network.builder().latencyNanos(Distributions.uniform(1 * MS, 20 * MS)));
  }

  /** "general-2, general-5" as a list, as YAML's [general-2, general-5] binds; null stays null. */
  private static List<String> names(String commaSeparated) {
    return commaSeparated == null
        ? null
        : Arrays.stream(commaSeparated.split(","))
            .map(String::strip)
            .filter(x -> !x.isEmpty())
            .toList();
  }

  /** The paper's count for OM(m): (n−1) + (n−1)(n−2) + … + (n−1)(n−2)…(n−m−1). */
  private static long paperCount(int n, int m) {
    long total = 0;
    long term = 1;
    for (int k = 1; k <= m + 1; k++) {
      term *= n - k;
      total += term;
    }
    return total;
  }

  private static String describe(RunResult r, String setup) {
    return setup + " seed=" + r.seed() + " counters=" + r.counters();
  }

  private static void assertAgreement(RunResult r, String setup) {
    String why = describe(r, setup);
    assertThat(counter(r, "verdicts")).as(why).isEqualTo(1);
    assertThat(counter(r, "missingReports")).as(why).isZero();
    assertThat(counter(r, "ic1Violations")).as(why).isZero();
    assertThat(counter(r, "ic2Violations")).as(why).isZero();
  }

  @Test
  void shouldAgreeWithFourGeneralsUnderOmOneForEveryTraitorAndStrategy() {
    int runs = 0;
    for (Order order : List.of(Order.ATTACK, Order.RETREAT)) {
      for (int traitor = 1; traitor <= 4; traitor++) {
        for (Strategy strategy : STRATEGIES) {
          for (long seed = 1; seed <= SEEDS; seed++) {
            String setup =
                "OM(1) n=4 traitor=general-"
                    + traitor
                    + " strategy="
                    + strategy
                    + " order="
                    + order;
            RunResult r = run(seed, Algorithm.OM, 4, 1, "general-" + traitor, strategy, order);
            assertAgreement(r, setup);
            assertThat(counter(r, "traitors")).as(setup).isEqualTo(1);
            runs++;
          }
        }
      }
    }
    assertThat(runs).isEqualTo(2 * 4 * 4 * SEEDS);
  }

  @Test
  void shouldObeyTheLoyalCommanderWhenEveryoneIsLoyal() {
    RunResult attack = run(3, Algorithm.OM, 4, 1, null, Strategy.FLIP, Order.ATTACK);
    RunResult retreat = run(3, Algorithm.OM, 4, 1, "", Strategy.FLIP, Order.RETREAT);
    assertThat(counter(attack, "decidedAttack")).isEqualTo(3);
    assertThat(counter(retreat, "decidedRetreat")).isEqualTo(3);
    assertThat(counter(attack, "missingMessages")).isZero();
  }

  @Test
  void shouldBreakInteractiveConsistencyWithThreeGeneralsUnderOmOne() {
    List<String> broken = new ArrayList<>();
    for (int traitor = 1; traitor <= 3; traitor++) {
      for (Strategy strategy : STRATEGIES) {
        for (long seed = 1; seed <= SEEDS; seed++) {
          RunResult r = run(seed, Algorithm.OM, 3, 1, "general-" + traitor, strategy, Order.ATTACK);
          assertThat(counter(r, "verdicts")).isEqualTo(1);
          if (counter(r, "ic1Violations") + counter(r, "ic2Violations") > 0) {
            broken.add(
                "traitor=general-"
                    + traitor
                    + " strategy="
                    + strategy.yamlName()
                    + " seed="
                    + seed
                    + (counter(r, "ic1Violations") > 0 ? " IC1" : "")
                    + (counter(r, "ic2Violations") > 0 ? " IC2" : ""));
          }
        }
      }
    }
    // A flipping lieutenant always breaks IC2: lieutenant 2 hears ATTACK from the commander and
    // RETREAT from 3, cannot tell who lies, and the tie means RETREAT. So does a silent one (its
    // missing message counts as RETREAT); a random one half the time; a splitting one, which
    // tells its only loyal peer ATTACK, never.
    assertThat(broken)
        .contains(
            "traitor=general-3 strategy=flip seed=1 IC2",
            "traitor=general-2 strategy=flip seed=7 IC2",
            "traitor=general-3 strategy=silent seed=5 IC2");
    assertThat(broken).filteredOn(s -> s.contains("strategy=flip")).hasSize(2 * SEEDS);
    assertThat(broken).filteredOn(s -> s.contains("strategy=silent")).hasSize(2 * SEEDS);
    assertThat(broken).filteredOn(s -> s.contains("strategy=random")).isNotEmpty();
    assertThat(broken).filteredOn(s -> s.contains("strategy=split")).isEmpty();
    // With ties going to RETREAT a traitorous commander cannot split the two lieutenants: each
    // hears one value from it and the other's relay, and attacks only if both say ATTACK.
    assertThat(broken).noneMatch(s -> s.contains("traitor=general-1"));
    assertThat(broken).noneMatch(s -> s.contains("IC1"));
  }

  @Test
  void shouldLetSignedLieutenantsSeeThroughASplittingCommander() {
    // SM(1), n = 3: the commander signs ATTACK for general-2 and RETREAT for general-3; each
    // relays its signed order, so both hold V = {ATTACK, RETREAT}, know the commander is a
    // traitor, and both RETREAT.
    RunResult r = run(1, Algorithm.SM, 3, 1, "general-1", Strategy.SPLIT, Order.ATTACK);
    assertThat(counter(r, "decidedRetreat")).isEqualTo(2);
    assertThat(counter(r, "messages")).isEqualTo(2 + 2);
    // A lieutenant cannot forge the loyal commander's signature: wanting to flip, it stays silent.
    RunResult flip = run(1, Algorithm.SM, 3, 1, "general-3", Strategy.FLIP, Order.ATTACK);
    assertThat(counter(flip, "decidedAttack")).isEqualTo(1);
    assertThat(counter(flip, "messages")).isEqualTo(2 + 1);
  }

  @Test
  void shouldAgreeWithThreeGeneralsUnderSmOneForEveryTraitorAndStrategy() {
    for (Order order : List.of(Order.ATTACK, Order.RETREAT)) {
      for (int traitor = 0; traitor <= 3; traitor++) {
        for (Strategy strategy : STRATEGIES) {
          for (long seed = 1; seed <= SEEDS; seed++) {
            String traitors = traitor == 0 ? null : "general-" + traitor;
            RunResult r = run(seed, Algorithm.SM, 3, 1, traitors, strategy, order);
            assertAgreement(
                r, "SM(1) n=3 traitors=" + traitors + " strategy=" + strategy + " order=" + order);
          }
        }
      }
    }
  }

  @Test
  void shouldAgreeWithSevenGeneralsUnderOmTwoWithTwoTraitors() {
    int runs = 0;
    for (int a = 1; a <= 7; a++) {
      for (int b = a + 1; b <= 7; b++) {
        for (Strategy strategy : STRATEGIES) {
          for (long seed = 1; seed <= 3; seed++) {
            String traitors = "general-" + a + ", general-" + b;
            RunResult r = run(seed, Algorithm.OM, 7, 2, traitors, strategy, Order.ATTACK);
            assertAgreement(r, "OM(2) n=7 traitors=" + traitors + " strategy=" + strategy);
            assertThat(counter(r, "traitors")).isEqualTo(2);
            runs++;
          }
        }
      }
    }
    assertThat(runs).isEqualTo(21 * 4 * 3);
  }

  @Test
  void shouldAgreeWithSevenGeneralsUnderSmTwoWithTwoTraitors() {
    for (String traitors : List.of("general-1, general-2", "general-3, general-6")) {
      for (Strategy strategy : STRATEGIES) {
        for (long seed = 1; seed <= 5; seed++) {
          RunResult r = run(seed, Algorithm.SM, 7, 2, traitors, strategy, Order.ATTACK);
          assertAgreement(r, "SM(2) n=7 traitors=" + traitors + " strategy=" + strategy);
        }
      }
    }
  }

  @Test
  void shouldSendExactlyThePapersNumberOfMessagesUnderOm() {
    int[][] cases = {{3, 0}, {3, 1}, {4, 1}, {5, 1}, {4, 2}, {5, 2}, {7, 2}, {6, 3}, {7, 3}};
    for (int[] c : cases) {
      int n = c[0];
      int m = c[1];
      long expected = paperCount(n, m);
      RunResult loyal = run(11, Algorithm.OM, n, m, null, Strategy.FLIP, Order.ATTACK);
      RunResult flipping = run(11, Algorithm.OM, n, m, "general-2", Strategy.FLIP, Order.ATTACK);
      assertThat(counter(loyal, "messages")).as("OM(%d) n=%d", m, n).isEqualTo(expected);
      assertThat(counter(flipping, "messages"))
          .as("OM(%d) n=%d, one traitor", m, n)
          .isEqualTo(expected);
    }
    assertThat(paperCount(4, 1)).isEqualTo(3 + 3 * 2);
    assertThat(paperCount(7, 2)).isEqualTo(6 + 6 * 5 + 6 * 5 * 4);
  }

  @Test
  void shouldSendEachValueOnlyOnceUnderSmWhenEveryoneIsLoyal() {
    for (int m = 1; m <= 3; m++) {
      RunResult r = run(5, Algorithm.SM, 6, m, null, Strategy.FLIP, Order.ATTACK);
      assertThat(counter(r, "messages")).as("SM(%d) n=6", m).isEqualTo(5 + 5 * 4);
      assertThat(counter(r, "decidedAttack")).isEqualTo(5);
    }
  }

  @Test
  void shouldTakeMissingOrdersAsRetreatWhenTheRoundIsShorterThanTheLatency() {
    RunResult r =
        harness(1, Algorithm.OM, 4, 1, null, Strategy.FLIP, Order.ATTACK, 500_000L).run(3 * ROUND);
    assertThat(counter(r, "missingMessages")).isEqualTo(3 * (1 + 2));
    assertThat(counter(r, "lateMessages")).isEqualTo(3 + 3 * 2);
    assertThat(counter(r, "decidedRetreat")).isEqualTo(3);
    assertThat(counter(r, "ic2Violations")).isEqualTo(1);
  }

  @Test
  void shouldKeepAnOrderThatArrivesEarlyFromAGeneralWhoseClockRunsFast() {
    // general-2's clock gains 10%: its round 0 ends at 45.5ms of simulated time, and its relays
    // (1ms latency) reach the others while their round 0 still runs. They are kept for round 1.
    ByzantineParams p =
        new ByzantineParams(
            Algorithm.OM, 1, "general-1", null, Strategy.FLIP, Order.ATTACK, ROUND, "referee");
    Harness h =
        Harness.seed(1)
            .add("general", 4, new ByzantineGeneralType(), p)
            .add("referee", 1, new ByzantineRefereeType(), new RefereeParams("general", 0))
            .network(sim -> Network.builder().latencyNanos(Distributions.constant(1 * MS)));
    SkewedClocks clocks = new SkewedClocks(h.configure().nodeCount());
    clocks.setDriftPpm(h.configure().nodeId("general-2"), 100_000);
    h.configure().clocks(clocks);
    RunResult r = h.run(3 * ROUND);
    assertThat(counter(r, "lateMessages")).isZero();
    assertThat(counter(r, "missingMessages")).isZero();
    assertThat(counter(r, "decidedAttack")).isEqualTo(3);
  }

  @Test
  void shouldLabelMessagesShortlyForTheSpaceTimeDiagram() {
    RunResult om =
        harness(2, Algorithm.OM, 4, 1, "general-3", Strategy.FLIP, Order.ATTACK, ROUND)
            .recordMessages()
            .run(3 * ROUND);
    List<String> summaries = om.messages().stream().map(MessageRecord::summary).toList();
    assertThat(summaries)
        .contains(
            "OM v=ATTACK path=[c]",
            "OM v=ATTACK path=[c,2]",
            "OM v=RETREAT path=[c,3]",
            "decided ATTACK",
            "ordered ATTACK",
            "traitor");
    RunResult sm =
        harness(2, Algorithm.SM, 3, 1, null, Strategy.FLIP, Order.ATTACK, ROUND)
            .recordMessages()
            .run(3 * ROUND);
    assertThat(sm.messages())
        .extracting(MessageRecord::summary)
        .contains("SM v=ATTACK sig=[c]", "SM v=ATTACK sig=[c,3]");
  }

  @Test
  void shouldRepeatARunExactlyForTheSameSeed() {
    RunResult a =
        run(42, Algorithm.OM, 7, 2, "general-2, general-5", Strategy.RANDOM, Order.ATTACK);
    RunResult b =
        run(42, Algorithm.OM, 7, 2, "general-2, general-5", Strategy.RANDOM, Order.ATTACK);
    RunResult c =
        run(43, Algorithm.OM, 7, 2, "general-2, general-5", Strategy.RANDOM, Order.ATTACK);
    assertThat(a.traceHash()).isEqualTo(b.traceHash());
    assertThat(a.events()).isEqualTo(b.events());
    assertThat(a.traceHash()).isNotEqualTo(c.traceHash());
  }

  @Test
  void shouldReportBadTraitorNamesBeforeTheRun() {
    ByzantineParams p =
        new ByzantineParams(
            Algorithm.OM,
            1,
            "general-1",
            List.of("general-2", "General 3", "general-2"),
            Strategy.FLIP,
            Order.ATTACK,
            ROUND,
            null);
    assertThat(new ByzantineGeneralType().check(p))
        .containsExactly(
            new Problem(
                "traitors",
                "'General 3' is not a node name (expected a list of generals, e.g."
                    + " [general-3, general-4])"),
            new Problem("traitors", "'general-2' is listed twice"));
  }

  @Test
  void shouldFailTheRunNamingATraitorWhoIsNotAGeneral() {
    RunResult r =
        harness(1, Algorithm.OM, 4, 1, "general-9", Strategy.FLIP, Order.ATTACK, ROUND)
            .runAllowingFailure(3 * ROUND);
    assertThat(r.failure()).isNotNull();
    assertThat(r.failure().message())
        .contains("traitors: no node called 'general-9'", "group 'general'");
  }
}
