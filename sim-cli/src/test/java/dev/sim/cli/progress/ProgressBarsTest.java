package dev.sim.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sim.kernel.run.Progress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarsTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void shouldSeeThatTheTestsStderrIsAPipeNotATerminal() {
    // Surefire's forked JVM writes stderr into a pipe: a bar there would litter the build log.
    assertThat(Terminals.stderrIsTerminal()).isFalse();
    assertThat(RunProgress.forRun("gc-spiral seed 42", 300 * SECOND, false))
        .isSameAs(Progress.NONE);
    assertThat(SweepProgress.forSweep("gc-spiral sweep", 100, false)).isSameAs(SweepProgress.NONE);
  }

  @Test
  void shouldDrawNothingWhenQuiet() {
    assertThat(RunProgress.forRun("gc-spiral seed 42", 300 * SECOND, true)).isSameAs(Progress.NONE);
    assertThat(SweepProgress.forSweep("gc-spiral sweep", 100, true)).isSameAs(SweepProgress.NONE);
  }

  @Test
  void shouldStayHiddenForTheFirstTwoSecondsThenShowSimulatedSecondsAndTheEventRate() {
    AtomicLong wall = new AtomicLong(5 * SECOND);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    RunProgress quick = new RunProgress("quick seed 1", 300 * SECOND, wall::get, err);
    wall.addAndGet(SECOND);
    quick.at(120 * SECOND, 1_000_000);
    quick.close();
    assertThat(bytes.size()).as("a run shorter than two seconds draws no bar").isZero();

    RunProgress slow = new RunProgress("slow seed 2", 300 * SECOND, wall::get, err);
    wall.addAndGet(3 * SECOND);
    slow.at(120 * SECOND, 3_000_000);
    slow.close();
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("slow seed 2", "300/300 s", "1.0 M events/s");
  }

  @Test
  void shouldFormatTheEventRate() {
    assertThat(RunProgress.rate(2_600_000, 2 * SECOND)).isEqualTo("1.3 M events/s");
    assertThat(RunProgress.rate(90_000, SECOND)).isEqualTo("90 k events/s");
  }
}
