package dev.sim.scenarios.config;

import java.util.Locale;

/**
 * Small words for messages, so that none says "1 faults", "faults has 1 entries" or "a exponential
 * distribution".
 */
public final class Words {
  private static final String[] SMALL = {
    "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"
  };

  private Words() {}

  /** {@code 1 side}, {@code 3 sides}: a count with its noun, plural unless the count is 1. */
  public static String count(long n, String noun) {
    return n + " " + plural(n, noun);
  }

  /** {@code noun} for a count of 1, else its plural ({@code entry} → {@code entries}). */
  public static String plural(long n, String noun) {
    if (n == 1) {
      return noun;
    }
    if (noun.endsWith("y") && noun.length() > 1 && !isVowel(noun.charAt(noun.length() - 2))) {
      return noun.substring(0, noun.length() - 1) + "ies";
    }
    if (noun.endsWith("s") || noun.endsWith("x") || noun.endsWith("ch") || noun.endsWith("sh")) {
      return noun + "es";
    }
    return noun + "s";
  }

  /** A small whole number in words ({@code two}), a larger one in digits. */
  public static String number(long n) {
    return n >= 0 && n < SMALL.length ? SMALL[(int) n] : String.valueOf(n);
  }

  /**
   * {@code a} or {@code an} before {@code word}, by its sound: an exponential, an empirical, a
   * normal, a uniform (a "yoo" sound, as in uni- and use-, takes {@code a}).
   */
  public static String article(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.startsWith("uni") || w.startsWith("use") || w.startsWith("usu")) {
      return "a";
    }
    return !w.isEmpty() && isVowel(w.charAt(0)) ? "an" : "a";
  }

  /** {@code word} after its article: {@code an exponential}, {@code a uniform}. */
  public static String withArticle(String word) {
    return article(word) + " " + word;
  }

  private static boolean isVowel(char c) {
    return "aeiou".indexOf(Character.toLowerCase(c)) >= 0;
  }

  /** The sentence {@code doc} as a clause inside parentheses: first letter lower, no final stop. */
  public static String clause(String doc) {
    String s = doc.strip();
    if (s.endsWith(".")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.length() > 1
        && Character.isUpperCase(s.charAt(0))
        && !Character.isUpperCase(s.charAt(1))) {
      s = s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }
    return s;
  }
}
