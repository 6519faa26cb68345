package dev.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sim report DIR} draws the history timeline again from the folder's history.jsonl. */
class ReportHistoryTest {
  @TempDir Path tmp;

  private Path invalidRun() {
    Path out = tmp.resolve("run");
    Cli.Result r =
        Cli.run(
            "run", RunHistoryTest.HISTORY, "--out", out.toString(), "--set", "nodes.store.drop=2");
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(3);
    return out;
  }

  @Test
  void shouldDrawTheTimelineAndTheWitnessAgainFromTheSavedHistory() throws Exception {
    Path out = invalidRun();
    String first = Files.readString(out.resolve("report.html"));
    assertThat(first).contains("The history around the witness").contains("<svg xmlns");
    Files.delete(out.resolve("report.html"));
    Cli.Result r = Cli.run("report", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    String again = Files.readString(out.resolve("report.html"));
    assertThat(again)
        .contains("The offending read")
        .contains("The history around the witness")
        .contains("stroke=\"#c00000\" stroke-width=\"3\"");
    // The same page as the run drew, but for the wall time the run took.
    assertThat(section(again)).isEqualTo(section(first));
  }

  @Test
  void shouldSayWhenTheHistoryCannotBeReadAndDrawThePageWithoutIt() throws Exception {
    Path out = invalidRun();
    Files.writeString(out.resolve("history.jsonl"), "not json\n");
    Cli.Result r = Cli.run("report", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err())
        .contains("history.jsonl:1:")
        .contains("the report is drawn without the history timeline");
    String page = Files.readString(out.resolve("report.html"));
    assertThat(page).contains("✘ INVALID").doesNotContain("The history around the witness");
  }

  private static String section(String page) {
    int from = page.indexOf("<section id=\"consistency\">");
    return page.substring(from, page.indexOf("</section>", from));
  }
}
