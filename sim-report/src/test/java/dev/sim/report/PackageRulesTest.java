package dev.sim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package rule, checked on the sources: JFreeChart only in {@code chart}, Jackson only in
 * {@code io}.
 */
class PackageRulesTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/sim/report");

  private static List<Path> sources() throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  @Test
  void jfreeChartIsImportedOnlyInTheChartPackage() throws IOException {
    for (Path p : sources()) {
      if (!p.getParent().endsWith("chart")) {
        assertThat(Files.readString(p)).as(p.toString()).doesNotContain("import org.jfree");
      }
    }
  }

  @Test
  void jacksonIsImportedOnlyInTheIoPackage() throws IOException {
    for (Path p : sources()) {
      if (!p.getParent().endsWith("io")) {
        assertThat(Files.readString(p))
            .as(p.toString())
            .doesNotContain("import tools.jackson")
            .doesNotContain("import com.fasterxml");
      }
    }
  }

  @Test
  void everyPackageSaysWhatLivesThere() throws IOException {
    assertThat(sources()).isNotEmpty();
    for (Path p : sources()) {
      assertThat(p.getParent().resolve("package-info.java"))
          .as(p.getParent().toString())
          .isRegularFile();
    }
  }
}
