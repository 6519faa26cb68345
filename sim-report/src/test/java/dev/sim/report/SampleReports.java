package dev.sim.report;

import dev.sim.kernel.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders sample reports into a folder to look at by eye (not a test): {@code java -cp ...
 * dev.sim.report.SampleReports /tmp/out [spiral|kernel|compare]}.
 */
public final class SampleReports {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/sim-charts");
    String what = args.length > 1 ? args[1] : "spiral";
    Files.createDirectories(dir);
    RunResult r =
        switch (what) {
          case "kernel" -> KernelRun.run(42);
          default -> Fixtures.spiral();
        };
    if (what.equals("compare")) {
      RunResult b = Fixtures.spiral(600, "gc-spiral-shedding", 42);
      System.out.println(Comparison.render(r, b, dir));
      return;
    }
    for (int i = 0; i < 3; i++) {
      long t0 = System.nanoTime();
      dev.sim.report.io.RunFolder.write(r, dir);
      Report.render(r, dir);
      System.out.println("ms " + (System.nanoTime() - t0) / 1e6);
    }
  }
}
