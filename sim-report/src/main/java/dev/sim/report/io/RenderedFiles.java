package dev.sim.report.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The charts and page a report wrote into a folder, remembered in a small manifest ({@link
 * #MANIFEST}) so that the next report into the same folder removes what it no longer draws. A run
 * folder reused with other {@code report.charts}, or a sweep with other {@code --vary} keys, would
 * otherwise keep the old run's charts beside the new ones, and a student would look at a picture of
 * a run that is not the one on the page. Only files a manifest names are ever removed: a folder
 * given with {@code --out} may hold the user's own files.
 */
public final class RenderedFiles {
  /** The manifest's name: one file name per line, of files in the same folder. */
  public static final String MANIFEST = ".sim-rendered";

  private RenderedFiles() {}

  /**
   * Records {@code written} (files in {@code dir}) as the folder's rendered files and removes those
   * an earlier manifest named that are not among them.
   */
  public static void replace(Path dir, Collection<Path> written) throws IOException {
    Set<String> now = new LinkedHashSet<>();
    for (Path p : written) {
      now.add(p.getFileName().toString());
    }
    for (String old : previous(dir)) {
      if (!now.contains(old)) {
        Files.deleteIfExists(dir.resolve(old));
      }
    }
    AtomicFiles.writeText(dir.resolve(MANIFEST), String.join("\n", now) + "\n");
  }

  /** Removes every file the folder's manifest names, and the manifest: a run without a report. */
  public static void removeAll(Path dir) throws IOException {
    for (String old : previous(dir)) {
      Files.deleteIfExists(dir.resolve(old));
    }
    Files.deleteIfExists(dir.resolve(MANIFEST));
  }

  private static List<String> previous(Path dir) throws IOException {
    Path manifest = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(manifest)) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
      String name = line.strip();
      // Plain names only: a damaged manifest must not reach outside the folder.
      if (!name.isEmpty() && !name.contains("/") && !name.contains("\\") && !name.startsWith(".")) {
        names.add(name);
      }
    }
    return names;
  }
}
