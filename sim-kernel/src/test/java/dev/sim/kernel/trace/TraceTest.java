package dev.sim.kernel.trace;

import static dev.sim.kernel.testing.SimTime.ms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.result.StopReason;
import dev.sim.kernel.run.RunLimits;
import dev.sim.kernel.run.Simulation;
import dev.sim.kernel.testing.Latency;
import dev.sim.kernel.testing.TestCluster;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("golden")
class TraceTest {
  record Ping(int n) {}

  record Pong(int n) {}

  record Tick() {}

  /** Two nodes gossiping at random intervals drawn from their own streams. */
  private static Simulation gossip(long seed) {
    return gossipCluster(seed).sim();
  }

  /** {@link #gossip}, not yet built: the cluster can still be configured. */
  static TestCluster gossipCluster(long seed) {
    TestCluster c = TestCluster.seed(seed);
    for (String name : List.of("a", "b", "c")) {
      c.node(
          name,
          ctx -> {
            ctx.on(Ping.class, (m, from) -> ctx.send(from, new Pong(m.n())));
            ctx.on(Pong.class, (m, from) -> ctx.log("pong " + m.n()));
            ctx.onTimer(
                Tick.class,
                t -> {
                  int to = ctx.random().nextInt(3);
                  if (to != ctx.id()) {
                    ctx.send(to, new Ping(ctx.random().nextInt(100)));
                  }
                  ctx.setTimer(1 + ctx.random().nextInt(1_000_000), t);
                });
            ctx.setTimer(ctx.random().nextInt(1_000_000), new Tick());
          });
    }
    return c;
  }

  @Test
  void shouldGiveTheSameHashForTheSameProgramAndSeed() {
    RunResult first = gossip(42).run(RunLimits.simulated(ms(200)));
    RunResult second = gossip(42).run(RunLimits.simulated(ms(200)));
    assertThat(first.events()).isGreaterThan(500);
    assertThat(second.traceHash()).isEqualTo(first.traceHash());
    assertThat(second.events()).isEqualTo(first.events());
  }

  @Test
  void shouldGiveADifferentHashForADifferentSeedWhenTheProgramDrawsRandomness() {
    RunResult a = gossip(42).run(RunLimits.simulated(ms(200)));
    RunResult b = gossip(43).run(RunLimits.simulated(ms(200)));
    assertThat(b.traceHash()).isNotEqualTo(a.traceHash());
  }

  @Test
  void shouldGiveTheSameHashForAnySeedWhenTheProgramDrawsNoRandomness() {
    assertThat(pingPong(1).traceHash()).isEqualTo(pingPong(2).traceHash());
  }

  @Test
  void shouldMatchThePinnedGoldenRun() {
    // Pins the kernel's event order and the hash algorithm: a change here is a change of every
    // scenario's trace hash, and must be deliberate.
    Simulation sim = pinnedGoldenRun();
    RunResult r = sim.run(RunLimits.simulated(ms(200)));
    assertThat(r.nodeEvents()).hasSize(4);
    assertThat(r.events()).isEqualTo(GOLDEN_EVENTS);
    assertThat(r.traceHash()).isEqualTo(GOLDEN_HASH);
  }

  @Test
  void shouldMatchThePinnedGoldenRunWhenDrivenByStep() {
    Simulation sim = pinnedGoldenRun();
    // The run above stops at 200 ms after GOLDEN_EVENTS events; the same events, one step at a
    // time (a resume's inline inbox drain counts its events too, as run() does), give its hash.
    while (sim.eventCount() < GOLDEN_EVENTS) {
      assertThat(sim.step()).isTrue();
    }
    assertThat(sim.eventCount()).isEqualTo(GOLDEN_EVENTS);
    assertThat(sim.traceHash()).isEqualTo(GOLDEN_HASH);
    assertThat(sim.now()).isLessThan(ms(200));
    // Finishing with run() processes nothing more: the next event is at or after the limit.
    RunResult r = sim.run(RunLimits.simulated(ms(200)));
    assertThat(r.stopReason()).isEqualTo(StopReason.TIME_LIMIT);
    assertThat(r.events()).isEqualTo(GOLDEN_EVENTS);
    assertThat(r.traceHash()).isEqualTo(GOLDEN_HASH);
    assertThat(r.nodeEvents()).hasSize(4);
  }

  @Test
  void shouldMatchThePinnedGoldenRunWhenDrivenByRunUntil() {
    Simulation sim = pinnedGoldenRun();
    for (long t = 0; t < ms(200); t += 7 * 1_000_000L + 13) {
      sim.runUntil(t);
      assertThat(sim.now()).isEqualTo(t);
    }
    sim.runUntil(ms(200));
    assertThat(sim.eventCount()).isEqualTo(GOLDEN_EVENTS);
    assertThat(sim.traceHash()).isEqualTo(GOLDEN_HASH);
    RunResult r = sim.run(RunLimits.simulated(ms(200)));
    assertThat(r.events()).isEqualTo(GOLDEN_EVENTS);
    assertThat(r.traceHash()).isEqualTo(GOLDEN_HASH);
    assertThat(r.simulatedNanos()).isEqualTo(ms(200));
  }

  /** The golden run's simulation, built and not yet started. */
  static Simulation pinnedGoldenRun() {
    TestCluster c = gossipCluster(42);
    c.configure().transport(Latency.constant(ms(1)));
    Simulation sim = c.sim();
    sim.schedule(ms(50), "pause b", () -> sim.pause(1, "gc"));
    sim.schedule(ms(70), "resume b", () -> sim.resume(1, "gc"));
    sim.schedule(ms(100), "crash c", () -> sim.crash(2, "fault"));
    sim.schedule(ms(120), "restart c", () -> sim.restart(2, "fault"));
    return sim;
  }

  static final long GOLDEN_EVENTS = 2607;
  static final String GOLDEN_HASH = "e477c66aa65318d9";

  private static RunResult pingPong(long seed) {
    TestCluster c = TestCluster.seed(seed);
    c.node(
        "pinger",
        ctx -> {
          ctx.on(
              Pong.class,
              (m, from) -> {
                if (m.n() < 50) {
                  ctx.send(from, new Ping(m.n() + 1));
                }
              });
          ctx.send(ctx.lookup("ponger"), new Ping(0));
        });
    c.node("ponger", ctx -> ctx.on(Ping.class, (m, from) -> ctx.send(from, new Pong(m.n()))));
    return c.runFor(ms(10));
  }

  @Test
  void shouldFoldEveryFieldOfAnEventIntoTheHash() {
    long base = hashOf(1, EventKind.DELIVER, 2, 3, 4);
    assertThat(hashOf(1, EventKind.DELIVER, 2, 3, 4)).isEqualTo(base);
    assertThat(hashOf(2, EventKind.DELIVER, 2, 3, 4)).isNotEqualTo(base);
    assertThat(hashOf(1, EventKind.TIMER, 2, 3, 4)).isNotEqualTo(base);
    assertThat(hashOf(1, EventKind.DELIVER, 5, 3, 4)).isNotEqualTo(base);
    assertThat(hashOf(1, EventKind.DELIVER, 2, 6, 4)).isNotEqualTo(base);
    assertThat(hashOf(1, EventKind.DELIVER, 2, 3, 7)).isNotEqualTo(base);
    TraceHash h = new TraceHash();
    assertThat(h.value()).isZero();
    assertThat(h.hex()).isEqualTo("0000000000000000");
    h.fold(1, EventKind.DELIVER, 2, 3, 4);
    assertThat(h.hex()).isEqualTo(String.format("%016x", base)).hasSize(16);
  }

  @Test
  void shouldHashAPayloadTypeByItsNameWithoutThePackage() {
    assertThat(TraceHash.typeHash(Ping.class)).isEqualTo("TraceTest$Ping".hashCode());
    assertThat(TraceHash.typeHash(String.class)).isEqualTo("String".hashCode());
    assertThat(TraceHash.typeHash(java.util.Map.Entry.class)).isEqualTo("Map$Entry".hashCode());
  }

  /** The algorithm as TraceHash's documentation states it, written out independently. */
  @Test
  void shouldComputeExactlyTheDocumentedAlgorithm() {
    long[][] events = {
      {0, EventKind.START.ordinal(), 0, 0, 0},
      {1_500, EventKind.DELIVER.ordinal(), 2, 1, "dev.sim.Ping".hashCode()},
      {2_000_000_000L, EventKind.CONTROL.ordinal(), -1, 0, "partition a|b".hashCode()},
      {Long.MAX_VALUE, EventKind.TIMER.ordinal(), 7, 0, -123_456_789},
    };
    long expected = 0;
    TraceHash h = new TraceHash();
    for (long[] e : events) {
      long[] words = {e[0], e[2] << 32 | (e[3] & 0xFFFFFFFFL), e[1] << 32 | (e[4] & 0xFFFFFFFFL)};
      for (long w : words) {
        expected = (expected ^ w) * 0x9E3779B97F4A7C15L;
        expected ^= expected >>> 32;
      }
      h.fold(e[0], EventKind.values()[(int) e[1]], (int) e[2], (int) e[3], (int) e[4]);
      assertThat(h.value()).isEqualTo(expected);
    }
    assertThat(h.value()).isNotZero();
  }

  private static long hashOf(long time, EventKind kind, int target, int other, int type) {
    TraceHash h = new TraceHash();
    h.fold(time, kind, target, other, type);
    return h.value();
  }

  // ------------------------------------------------------------------ JSON lines

  @Test
  void shouldWriteOneValidJsonObjectPerLineWithEscaping() {
    StringWriter out = new StringWriter();
    JsonLinesTraceSink sink = new JsonLinesTraceSink(out, new String[] {"api-1", "db \"main\""});
    String nasty = "quote \" backslash \\ newline \n return \r tab \t bell \u0007 nul \u0000 é 🙂";
    sink.event(5, EventKind.DELIVER, 0, 1, "Put", nasty);
    sink.event(6, EventKind.CONTROL, -1, -1, "partition a|b", "");
    sink.log(7, 1, "log: " + nasty);
    sink.lostAtSend(8, 0, 1, "Get", "partition");
    sink.close();

    String text = out.toString();
    assertThat(text).endsWith("\n");
    String[] lines = text.split("\n", -1);
    assertThat(lines).hasSize(5);
    assertThat(lines[4]).isEmpty();
    Map<String, Object> deliver = MiniJson.parseObject(lines[0]);
    assertThat(deliver)
        .containsExactly(
            Map.entry("t", 5L),
            Map.entry("kind", "deliver"),
            Map.entry("node", "api-1"),
            Map.entry("from", "db \"main\""),
            Map.entry("type", "Put"),
            Map.entry("detail", nasty));
    assertThat(MiniJson.parseObject(lines[1]))
        .containsExactly(
            Map.entry("t", 6L), Map.entry("kind", "control"), Map.entry("type", "partition a|b"));
    assertThat(MiniJson.parseObject(lines[2]))
        .containsExactly(
            Map.entry("t", 7L),
            Map.entry("kind", "log"),
            Map.entry("node", "db \"main\""),
            Map.entry("message", "log: " + nasty));
    assertThat(MiniJson.parseObject(lines[3]))
        .containsExactly(
            Map.entry("t", 8L),
            Map.entry("kind", "lost-at-send"),
            Map.entry("node", "db \"main\""),
            Map.entry("from", "api-1"),
            Map.entry("type", "Get"),
            Map.entry("detail", "partition"));
  }

  @Test
  void shouldTraceEveryProcessedEventOfARun() {
    TestCluster c = gossipCluster(7);
    StringWriter out = new StringWriter();
    String[] names = {"a", "b", "c"};
    c.configure().traceSink(new JsonLinesTraceSink(out, names));
    Simulation sim = c.sim();
    RunResult r = sim.run(RunLimits.simulated(ms(50)));
    long eventLines = 0;
    long logLines = 0;
    for (String line : out.toString().split("\n")) {
      Map<String, Object> o = MiniJson.parseObject(line);
      if (o.get("kind").equals("log")) {
        logLines++;
      } else {
        eventLines++;
      }
    }
    assertThat(eventLines).isEqualTo(r.events());
    assertThat(logLines).isPositive();
    // Tracing must not change the run.
    assertThat(r.traceHash()).isEqualTo(gossip(7).run(RunLimits.simulated(ms(50))).traceHash());
  }

  @Test
  void shouldRejectMalformedJsonInTheTestParser() {
    assertThatThrownBy(() -> MiniJson.parseObject("{\"a\":\"x\ny\"}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MiniJson.parseObject("{\"a\":\"x\\q\"}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MiniJson.parseObject("{\"a\":1} "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A strict parser for flat JSON objects of strings and integers (RFC 8259 string rules). */
  static final class MiniJson {
    private final String s;
    private int i;

    private MiniJson(String s) {
      this.s = s;
    }

    static Map<String, Object> parseObject(String text) {
      MiniJson p = new MiniJson(text);
      Map<String, Object> m = p.object();
      if (p.i != text.length()) {
        throw new IllegalArgumentException("trailing characters at " + p.i + " in " + text);
      }
      return m;
    }

    private Map<String, Object> object() {
      Map<String, Object> m = new LinkedHashMap<>();
      expect('{');
      if (peek() == '}') {
        i++;
        return m;
      }
      while (true) {
        String key = string();
        expect(':');
        Object value = peek() == '"' ? string() : number();
        if (m.put(key, value) != null) {
          throw new IllegalArgumentException("duplicate key " + key);
        }
        char c = next();
        if (c == '}') {
          return m;
        }
        if (c != ',') {
          throw new IllegalArgumentException("expected , or } at " + (i - 1));
        }
      }
    }

    private String string() {
      expect('"');
      StringBuilder sb = new StringBuilder();
      while (true) {
        char c = next();
        if (c == '"') {
          return sb.toString();
        }
        if (c < 0x20) {
          throw new IllegalArgumentException("raw control character in string at " + (i - 1));
        }
        if (c != '\\') {
          sb.append(c);
          continue;
        }
        char e = next();
        switch (e) {
          case '"' -> sb.append('"');
          case '\\' -> sb.append('\\');
          case '/' -> sb.append('/');
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'n' -> sb.append('\n');
          case 'r' -> sb.append('\r');
          case 't' -> sb.append('\t');
          case 'u' -> {
            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
          }
          default -> throw new IllegalArgumentException("bad escape \\" + e);
        }
      }
    }

    private Long number() {
      int start = i;
      if (peek() == '-') {
        i++;
      }
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
      }
      if (start == i) {
        throw new IllegalArgumentException("expected a value at " + i);
      }
      return Long.parseLong(s.substring(start, i));
    }

    private char peek() {
      if (i >= s.length()) {
        throw new IllegalArgumentException("unexpected end");
      }
      return s.charAt(i);
    }

    private char next() {
      char c = peek();
      i++;
      return c;
    }

    private void expect(char c) {
      if (next() != c) {
        throw new IllegalArgumentException("expected " + c + " at " + (i - 1) + " in " + s);
      }
    }
  }
}
