package dev.sim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads what a sweep wrote, for the sweep tests. */
final class SweepFiles {
  static final String SEEDY = "src/test/resources/scenarios/seedy.yaml";

  private SweepFiles() {}

  /** The header of {@code sweep.csv} in {@code dir}. */
  static List<String> header(Path dir) throws IOException {
    return List.of(Files.readAllLines(dir.resolve("sweep.csv")).get(0).split(",", -1));
  }

  /** The rows of {@code sweep.csv} in {@code dir}, each by column name (no quoted cells). */
  static List<Map<String, String>> rows(Path dir) throws IOException {
    List<String> lines = Files.readAllLines(dir.resolve("sweep.csv"));
    String[] names = lines.get(0).split(",", -1);
    List<Map<String, String>> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      if (cells.length != names.length) {
        throw new AssertionError("a row of " + cells.length + " cells under " + names.length);
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < names.length; i++) {
        row.put(names[i], cells[i]);
      }
      out.add(row);
    }
    return out;
  }

  /** The trace hash {@code sim run} recorded in {@code dir}'s summary.json. */
  static String traceHash(Path dir) throws IOException {
    String json = Files.readString(dir.resolve("summary.json"));
    int at = json.indexOf("\"traceHash\": \"") + "\"traceHash\": \"".length();
    return json.substring(at, json.indexOf('"', at));
  }

  /** {@code sim sweep} with {@code args}, into {@code out}. */
  static Cli.Result sweep(Path out, String... args) {
    List<String> all = new ArrayList<>(List.of("sweep"));
    all.addAll(List.of(args));
    all.add("--out");
    all.add(out.toString());
    return Cli.run(all.toArray(new String[0]));
  }
}
