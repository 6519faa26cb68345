package dev.sim.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.result.Annotation;
import dev.sim.kernel.result.ExpectationResult;
import dev.sim.kernel.result.Failure;
import dev.sim.kernel.result.NodeEvent;
import dev.sim.kernel.result.RunResult;
import dev.sim.kernel.result.StopReason;
import dev.sim.report.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportPageTest {
  private static RunResult variant(
      RunResult r,
      StopReason stop,
      String detail,
      Failure f,
      List<Annotation> as,
      List<NodeEvent> es) {
    return r.toBuilder()
        .stop(stop, detail)
        .failure(f)
        .annotations(as)
        .nodeEvents(es)
        .expectations(List.of())
        .build();
  }

  @Test
  void aNodeFailureIsShownWithItsEscapedStackTrace() {
    RunResult r = Fixtures.spiral(20, "boom", 1);
    String page =
        ReportPage.html(
            variant(
                r,
                StopReason.NODE_FAILURE,
                "node failed",
                new Failure(
                    3,
                    "api-2",
                    12_500_000_000L,
                    "message Ping from api-1",
                    "java.lang.IllegalStateException: <bad>",
                    "at Foo.bar(<init>)"),
                r.annotations(),
                r.nodeEvents()),
            List.of(),
            null);
    assertThat(page)
        .contains("The simulation failed.")
        .contains("<code>api-2</code>")
        .contains("12.5s")
        .contains("IllegalStateException: &lt;bad&gt;")
        .contains("at Foo.bar(&lt;init&gt;)")
        .contains("No expectations were set");
  }

  @Test
  void anEarlyStopSaysWhichLimitAndHowToRaiseIt() {
    RunResult r = Fixtures.spiral(20, "runaway", 1);
    String page =
        ReportPage.html(
            variant(
                r,
                StopReason.EVENT_LIMIT,
                "stopped after 100 events (raise the event limit with --max-events)",
                null,
                r.annotations(),
                r.nodeEvents()),
            List.of(),
            null);
    assertThat(page).contains("The run stopped early (event limit)").contains("--max-events");
  }

  @Test
  void longFaultTimelinesAreCappedAndCounted() {
    RunResult r = Fixtures.spiral(20, "busy", 1);
    List<Annotation> as = new ArrayList<>();
    List<NodeEvent> es = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      as.add(new Annotation("crash", "crash api-" + i, i * 1_000_000L, -1, List.of("api-1")));
    }
    for (int i = 0; i < 130; i++) {
      es.add(new NodeEvent(i * 1_000_000L, 2, i % 2 == 0 ? "pause" : "resume", "gc"));
    }
    String page =
        ReportPage.html(variant(r, StopReason.TIME_LIMIT, "", null, as, es), List.of(), null);
    assertThat(page)
        .contains("… and 20 more fault windows")
        .contains("… and 30 more node events")
        .contains("end of run")
        .contains("api-1");
  }

  @Test
  void oneLeftOverFaultWindowOrNodeEventIsSingular() {
    RunResult r = Fixtures.spiral(20, "busy", 1);
    List<Annotation> as = new ArrayList<>();
    List<NodeEvent> es = new ArrayList<>();
    for (int i = 0; i <= ReportPage.MAX_ANNOTATIONS; i++) {
      as.add(new Annotation("crash", "crash api-" + i, i * 1_000_000L, -1, List.of("api-1")));
    }
    for (int i = 0; i <= ReportPage.MAX_NODE_EVENTS; i++) {
      es.add(new NodeEvent(i * 1_000_000L, 2, i % 2 == 0 ? "pause" : "resume", "gc"));
    }
    String page =
        ReportPage.html(variant(r, StopReason.TIME_LIMIT, "", null, as, es), List.of(), null);
    assertThat(page)
        .contains("… and 1 more fault window (all are in result.json)")
        .contains("… and 1 more node event (all are in result.json)");
  }

  @Test
  void oneEventAndOneFailedExpectationAreSingular() {
    RunResult r = Fixtures.spiral(20, "tiny", 1);
    RunResult one =
        r.toBuilder()
            .events(1)
            .failure(null)
            .expectations(List.of(new ExpectationResult("yield >= 0.99", 0.5, false)))
            .build();
    String page = ReportPage.html(one, List.of(), null);
    assertThat(page)
        .contains("<div class=\"s\">1 event</div>")
        .contains("1 of 1 expectation failed")
        .doesNotContain("1 events")
        .doesNotContain("1 expectations");
  }

  @Test
  void aRunWithoutRequestsShowsNoRequestFigures() {
    RunResult r = Fixtures.spiral(20, "generals", 1).toBuilder().withoutFamily("requests").build();
    String page = ReportPage.html(r, List.of(), null);
    assertThat(page)
        .doesNotContain("Yield")
        .doesNotContain("<h3>Requests</h3>")
        .doesNotContain("Latency of successful requests")
        .contains("Simulated")
        .contains("<h3>Counters (after warm-up)</h3>");
    assertThat(ReportPage.html(Fixtures.spiral(20, "service", 1), List.of(), null))
        .contains("Yield")
        .contains("<h3>Requests</h3>");
  }

  @Test
  void theCommandFallsBackToTheScenarioFileAndSeed() {
    RunResult r =
        Fixtures.spiral(20, "plain", 7).withInfo(new dev.sim.kernel.result.RunInfo("", "", "", ""));
    assertThat(ReportPage.command(r)).isEqualTo("sim run scenarios/plain.yaml --seed 7");
    assertThat(ReportPage.html(r, List.of(), null)).contains("<h1>plain</h1>");
  }
}
