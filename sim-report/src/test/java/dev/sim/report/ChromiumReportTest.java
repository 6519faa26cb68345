package dev.sim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sim.report.chart.Palette;
import dev.sim.report.io.RunFolder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens {@code report.html} in headless Chromium: the page must render with its charts and log no
 * console errors. Skipped where Chromium is not installed, except on CI (CI=true), where a missing
 * Chromium fails the test so it can never be skipped silently.
 */
class ChromiumReportTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final long TIMEOUT_SECONDS = 60;

  @TempDir static Path dir;
  static Path page;

  @BeforeAll
  static void renderAReport() throws Exception {
    boolean installed = Files.isExecutable(CHROMIUM);
    if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError(
          "CI=true but "
              + CHROMIUM
              + " is missing: install the Debian "
              + "package 'chromium' (the report's browser test must not be skipped on CI)");
    }
    assumeTrue(installed, CHROMIUM + " is not installed; skipping the browser test");
    Path run = dir.resolve("run");
    RunFolder.write(KernelRun.run(42), run);
    Report.render(KernelRun.run(42), run);
    page = run.resolve("report.html");
  }

  /** Runs Chromium headless on the page with {@code extra} arguments; returns stdout and stderr. */
  private static String[] chromium(String... extra) throws Exception {
    Path profile = Files.createTempDirectory(dir, "profile");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile,
                "--enable-logging=stderr",
                "--v=0"));
    cmd.addAll(List.of(extra));
    cmd.add(page.toUri().toString());
    Path out = dir.resolve("chromium-" + System.nanoTime() + ".out");
    Path err = dir.resolve("chromium-" + System.nanoTime() + ".err");
    Process p =
        new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError("chromium did not finish within " + TIMEOUT_SECONDS + " s");
      }
    } finally {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
    return new String[] {read(out), read(err)};
  }

  private static String read(Path p) throws IOException {
    return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
  }

  /** Lines of Chromium's log that report a problem with the page itself. */
  private static List<String> pageErrors(String stderr) {
    List<String> out = new ArrayList<>();
    for (String line : stderr.split("\\R")) {
      if (line.contains("CONSOLE")
          || line.contains("Uncaught")
          || line.contains("ERR_FILE_NOT_FOUND")
          || line.contains("Failed to load resource")
          || line.contains("Refused to")) {
        out.add(line);
      }
    }
    return out;
  }

  @Test
  void thePageRendersWithItsChartsAndNoConsoleErrors() throws Exception {
    Path shot = dir.resolve("screenshot.png");
    String[] io =
        chromium(
            "--screenshot=" + shot,
            "--window-size=1280,4000",
            "--hide-scrollbars",
            "--force-device-scale-factor=1");
    assertThat(shot).as("screenshot written; chromium said:%n%s", io[1]).isRegularFile();
    BufferedImage img = ImageIO.read(shot.toFile());
    assertThat(img.getWidth()).isEqualTo(1280);
    int colours = PageFiles.distinctColours(img);
    assertThat(colours).as("the screenshot is a rendered page, not a blank one").isGreaterThan(200);
    // Pixels of exactly the yield line's colour appear only where a chart image was drawn: a
    // missing image would show a broken-image icon instead.
    int chartPixels = 0;
    int green = Palette.BLUISH_GREEN.getRGB();
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if (img.getRGB(x, y) == green) {
          chartPixels++;
        }
      }
    }
    assertThat(chartPixels).as("chart lines visible in the screenshot").isGreaterThan(300);
    assertThat(pageErrors(io[1])).as("console errors").isEmpty();
    Path keep = Path.of(System.getProperty("java.io.tmpdir"), "sim-report-screenshot.png");
    Files.copy(shot, keep, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void everyChartImageIsInTheRenderedDom() throws Exception {
    String[] io = chromium("--dump-dom");
    String dom = io[0];
    assertThat(dom).as("DOM dumped; chromium said:%n%s", io[1]).contains("<h1>");
    for (String chart :
        List.of("yield.png", "latency.png", "throughput.png", "queue.png", "spacetime.png")) {
      assertThat(dom).contains("src=\"" + chart + "\"");
    }
    assertThat(pageErrors(io[1])).as("console errors").isEmpty();
  }
}
