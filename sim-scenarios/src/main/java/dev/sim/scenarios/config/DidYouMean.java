package dev.sim.scenarios.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Suggests the near miss for a mistyped key, name or value ({@code retires} → {@code retry}) by
 * Damerau–Levenshtein distance (optimal string alignment), ignoring case.
 */
public final class DidYouMean {
  private DidYouMean() {}

  /**
   * The candidate nearest to {@code input}, if one is near enough: at most 1 edit for inputs of up
   * to 3 characters, 2 for up to 5, 3 beyond; failing that, the one candidate that begins with the
   * input (of at least 3 characters). Ties go to the earlier candidate.
   */
  public static Optional<String> suggest(String input, Collection<String> candidates) {
    String lower = input.toLowerCase(Locale.ROOT);
    int limit = lower.length() <= 3 ? 1 : lower.length() <= 5 ? 2 : 3;
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      if (c.equals(input)) {
        continue;
      }
      int d = distance(lower, c.toLowerCase(Locale.ROOT));
      if (d < bestDistance && d <= Math.min(limit, Math.max(1, c.length() - 1))) {
        best = c;
        bestDistance = d;
      }
    }
    if (best == null && lower.length() >= 3) {
      // An abbreviation ("expo", "lognorm") names the one candidate it begins.
      for (String c : candidates) {
        if (c.toLowerCase(Locale.ROOT).startsWith(lower)) {
          if (best != null) {
            return Optional.empty();
          }
          best = c;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** {@code " — did you mean 'x'?"} for a near candidate, else the empty string. */
  public static String suffix(String input, Collection<String> candidates) {
    return suggest(input, candidates).map(s -> " — did you mean '" + s + "'?").orElse("");
  }

  /** Optimal-string-alignment distance: insertions, deletions, substitutions, transpositions. */
  public static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[a.length()][b.length()];
  }
}
