package dev.sim.cli;

import static dev.sim.cli.SweepFiles.rows;
import static dev.sim.cli.SweepFiles.sweep;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sim sweep --quiet}: the files and the exit code, nothing printed. */
class SweepQuietTest {
  @TempDir Path tmp;

  @Test
  void shouldPrintNothingButStillWriteTheFilesAndTellFailureByTheExitCode() throws IOException {
    Path out = tmp.resolve("q");
    Cli.Result r =
        sweep(
            out,
            RunCommandTest.SMALL,
            "--seeds",
            "1..2",
            "--set",
            "duration=13s",
            "--set",
            "expect=[\"yield > 1\"]",
            "--quiet");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.EXPECTATION_FAILED);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEmpty();
    assertThat(rows(out)).hasSize(2).allMatch(row -> row.get("expectationsOk").equals("false"));
    // Only whole files: no temporary file is left beside them.
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }
}
