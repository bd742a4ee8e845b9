package io.coinfer.simulator.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.coinfer.mec.sim.Scenario;
import io.coinfer.simulator.SimulatorSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FleetPlanTest {

  private static SimulatorSettings settings(int ues, double rate, Duration duration, long seed) {
    return SimulatorSettings.defaults(URI.create("http://127.0.0.1:1"), ues, rate, duration, seed);
  }

  @Test
  void shouldDrawTheSamePlanForTheSameSeedAndAnotherForAnotherSeed() {
    FleetPlan a = FleetPlan.draw(settings(20, 2, Duration.ofSeconds(60), 7));
    FleetPlan b = FleetPlan.draw(settings(20, 2, Duration.ofSeconds(60), 7));
    FleetPlan c = FleetPlan.draw(settings(20, 2, Duration.ofSeconds(60), 8));

    for (int i = 0; i < 20; i++) {
      assertThat(a.ues().get(i).distanceM()).isEqualTo(b.ues().get(i).distanceM());
      assertThat(a.ues().get(i).arrivalsS()).containsExactly(b.ues().get(i).arrivalsS());
      assertThat(a.ues().get(i).imageSeed()).isEqualTo(b.ues().get(i).imageSeed());
    }
    assertThat(c.ues().get(0).arrivalsS()).isNotEqualTo(a.ues().get(0).arrivalsS());
    assertThat(c.ues().get(0).distanceM()).isNotEqualTo(a.ues().get(0).distanceM());
  }

  @Test
  void shouldPlaceUesWhereMecCoresRandomPositionsScenarioDoesForTheSameSeed() {
    SimulatorSettings s = settings(50, 1, Duration.ofSeconds(1), 42);
    FleetPlan plan = FleetPlan.draw(s);

    double[] expected =
        Scenario.RANDOM_POSITIONS.draw(FleetPlan.scenario(s, 1), 42).distancesMeters();
    assertThat(plan.ues()).hasSize(50);
    for (int i = 0; i < 50; i++) {
      assertThat(plan.ues().get(i).distanceM()).isEqualTo(expected[i]).isBetween(1.0, 100.0);
    }
  }

  @Test
  void shouldRespectTheRateWithinPoissonTolerance() {
    // 100 UEs x 2/s x 100 s: 20,000 arrivals expected, standard deviation sqrt(20,000) ~ 141.
    FleetPlan plan = FleetPlan.draw(settings(100, 2, Duration.ofSeconds(100), 3));

    assertThat((double) plan.totalJobs()).isCloseTo(20_000, within(4 * Math.sqrt(20_000)));
    for (UePlan ue : plan.ues()) {
      double[] t = ue.arrivalsS();
      assertThat(t).isSorted();
      assertThat(t.length == 0 || (t[0] >= 0 && t[t.length - 1] < 100)).isTrue();
    }
  }

  @Test
  void shouldDrawExponentialGapsWithMeanOneOverRate() {
    double[] t = FleetPlan.poissonArrivals(new SplittableRandom(11), 5, 2_000);
    double[] gaps = new double[t.length - 1];
    for (int i = 1; i < t.length; i++) {
      gaps[i - 1] = t[i] - t[i - 1];
    }
    double mean = Arrays.stream(gaps).average().orElseThrow();
    double variance = Arrays.stream(gaps).map(g -> (g - mean) * (g - mean)).sum() / gaps.length;
    // exponential: mean 1/rate = 0.2 s, standard deviation equal to the mean
    assertThat(mean).isCloseTo(0.2, within(0.01));
    assertThat(Math.sqrt(variance)).isCloseTo(0.2, within(0.01));
  }
}
