package dev.sim.components.disk;

import java.util.Locale;

/** Sizes as people read them: {@code 20 GB}, {@code 512 MB}, {@code 300 B} (powers of 1024). */
final class Sizes {
  private Sizes() {}

  static String text(long bytes) {
    String[] units = {"B", "KB", "MB", "GB", "TB"};
    double v = bytes;
    int u = 0;
    while (Math.abs(v) >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    String n = v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    return n + " " + units[u];
  }
}
