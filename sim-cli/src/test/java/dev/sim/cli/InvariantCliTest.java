package dev.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken invariant ends {@code sim run} with exit code 1, its name, the seed and the replay. */
class InvariantCliTest {
  @TempDir Path tmp;

  @Test
  void shouldNameTheInvariantTheSeedAndTheReplayWithoutAStackTrace() throws IOException {
    Path file =
        Files.writeString(
            tmp.resolve("broken.yaml"),
            "name: broken\nduration: 10s\nnodes:\n"
                + "  acceptor: {type: test-broken-invariant, after: 1500ms}\n");
    Cli.Result r =
        Cli.run("run", file.toString(), "--seed", "7", "--out", tmp.resolve("b").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.SIMULATION_FAILED);
    assertThat(r.err())
        .contains(
            "sim: invariant 'at most one value chosen' broken: 'red' and 'blue' (node acceptor,"
                + " simulated 1.5s, seed 7, while handling timer Break)")
        .contains("Replay: sim run " + file + " --seed 7")
        .doesNotContain("\tat ")
        .doesNotContain("    at dev.sim");
  }

  @Test
  void shouldRunThePaxosDuelToItsEndWithExitCodeZero() {
    Cli.Result r =
        Cli.run(
            "run",
            "../scenarios/paxos-duel.yaml",
            "--seed",
            "3",
            "--no-report",
            "--quiet",
            "--out",
            tmp.resolve("d").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
  }
}
