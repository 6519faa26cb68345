package dev.sim.scenarios.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {
  static final List<String> CLIENT_KEYS =
      List.of("target", "load", "timeout", "retry", "retryBudget", "throttle", "hedge");

  @Test
  void shouldSuggestTheNearMissOfATypo() {
    assertThat(DidYouMean.suggest("retires", CLIENT_KEYS)).contains("retry");
    assertThat(DidYouMean.suggest("retries", CLIENT_KEYS)).contains("retry");
    assertThat(DidYouMean.suggest("timout", CLIENT_KEYS)).contains("timeout");
    assertThat(DidYouMean.suggest("taregt", CLIENT_KEYS)).contains("target");
    assertThat(DidYouMean.suggest("Hedge", CLIENT_KEYS)).contains("hedge");
  }

  @Test
  void shouldSuggestNothingForAWordThatIsFarFromEveryCandidate() {
    assertThat(DidYouMean.suggest("workers", CLIENT_KEYS)).isEmpty();
    assertThat(DidYouMean.suggest("x", List.of("db", "lb"))).isEmpty();
  }

  @Test
  void shouldAllowOnlyOneEditForShortWords() {
    assertThat(DidYouMean.suggest("dbb", List.of("db", "api"))).contains("db");
    assertThat(DidYouMean.suggest("abc", List.of("xyz", "axy"))).isEmpty();
  }

  @Test
  void shouldTakeAnAbbreviationForTheOneCandidateItBegins() {
    List<String> dists = List.of("constant", "uniform", "exponential", "normal", "lognormal");
    assertThat(DidYouMean.suggest("expo", dists)).contains("exponential");
    assertThat(DidYouMean.suggest("lognorm", dists)).contains("lognormal");
    assertThat(DidYouMean.suggest("re", List.of("retry", "retryBudget"))).isEmpty();
  }

  @Test
  void shouldCountATranspositionAsOneEdit() {
    assertThat(DidYouMean.distance("ab", "ba")).isEqualTo(1);
    assertThat(DidYouMean.distance("retry", "retry")).isZero();
    assertThat(DidYouMean.distance("", "abc")).isEqualTo(3);
  }

  @Test
  void shouldWriteTheSuffixUsedInMessages() {
    assertThat(DidYouMean.suffix("retires", CLIENT_KEYS)).isEqualTo(" — did you mean 'retry'?");
    assertThat(DidYouMean.suffix("zzz", CLIENT_KEYS)).isEmpty();
  }
}
