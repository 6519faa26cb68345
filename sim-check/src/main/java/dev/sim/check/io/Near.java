package dev.sim.check.io;

import java.util.Locale;

/** Whether a misspelt key is near a real one: edit distance at most 2, ignoring case. */
final class Near {
  private Near() {}

  static boolean close(String a, String b) {
    return distance(a.toLowerCase(Locale.ROOT), b.toLowerCase(Locale.ROOT))
        <= Math.min(2, Math.max(1, b.length() / 3));
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
