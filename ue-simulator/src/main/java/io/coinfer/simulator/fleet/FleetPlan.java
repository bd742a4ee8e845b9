package io.coinfer.simulator.fleet;

import io.coinfer.mec.sim.Scenario;
import io.coinfer.mec.sim.ScenarioConfig;
import io.coinfer.simulator.SimulatorSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What a fleet will do, drawn up front from the seed: every UE's distance and the times its jobs
 * arrive. Distances are those of mec-core's {@link Scenario#RANDOM_POSITIONS} scenario for the same
 * seed (training-style: uniform in [dmin, dmax]), so the {@code local} reference of the evaluator
 * sees the same geometry; arrivals are a Poisson process per UE.
 *
 * @param ues one plan per UE, in UE order
 */
public record FleetPlan(List<UePlan> ues) {

  /** Copies the list. */
  public FleetPlan {
    ues = List.copyOf(ues);
  }

  /**
   * Draws the plan of a fleet.
   *
   * @param settings the fleet's settings (UEs, rate, duration, seed, radio)
   * @return the plan; the same settings give the same plan
   */
  public static FleetPlan draw(SimulatorSettings settings) {
    double[] distances =
        Scenario.RANDOM_POSITIONS.draw(scenario(settings, 1), settings.seed()).distancesMeters();
    double horizonS = settings.duration().toNanos() / 1e9;
    SplittableRandom arrivals = new SplittableRandom(settings.seed() ^ 0x5DEECE66DL);
    List<UePlan> ues = new ArrayList<>(settings.ues());
    for (int i = 0; i < settings.ues(); i++) {
      SplittableRandom ueRandom = arrivals.split();
      ues.add(
          new UePlan(
              i,
              distances[i],
              poissonArrivals(ueRandom, settings.ratePerUe(), horizonS),
              ueRandom.nextLong()));
    }
    return new FleetPlan(ues);
  }

  /**
   * The mec-core scenario of a fleet: the paper's defaults with this fleet's net, UEs, channels,
   * pmax and distance range.
   *
   * @param settings the fleet's settings
   * @param tasksPerUe lambda, the tasks each UE holds in the evaluator's test-style batches
   * @return the scenario configuration
   */
  public static ScenarioConfig scenario(SimulatorSettings settings, int tasksPerUe) {
    ScenarioConfig paper =
        ScenarioConfig.paperDefaults(settings.net(), settings.ues(), settings.channels());
    return new ScenarioConfig(
        paper.net(),
        paper.ues(),
        paper.channels(),
        Math.max(1, tasksPerUe),
        settings.slot().toNanos() / 1e9,
        paper.beta(),
        paper.bandwidthHz(),
        paper.pathLossExponent(),
        paper.noiseWatts(),
        settings.pmaxW(),
        settings.dminM(),
        settings.dmaxM(),
        paper.edgeCompute(),
        paper.profile());
  }

  /**
   * Arrival times of a Poisson process: exponential gaps of mean {@code 1 / rate}.
   *
   * @param random the source of randomness
   * @param ratePerS the rate, arrivals per second (&gt; 0)
   * @param horizonS the end of the process, seconds; arrivals are in [0, horizon)
   * @return the arrival times in ascending order, seconds from the start
   */
  public static double[] poissonArrivals(
      SplittableRandom random, double ratePerS, double horizonS) {
    if (!(ratePerS > 0)) {
      throw new IllegalArgumentException("rate must be > 0 per second, got " + ratePerS);
    }
    double[] times = new double[16];
    int n = 0;
    double t = -Math.log1p(-random.nextDouble()) / ratePerS;
    while (t < horizonS) {
      if (n == times.length) {
        times = Arrays.copyOf(times, n * 2);
      }
      times[n++] = t;
      t += -Math.log1p(-random.nextDouble()) / ratePerS;
    }
    return Arrays.copyOf(times, n);
  }

  /**
   * The number of jobs of the whole plan.
   *
   * @return the sum of every UE's arrivals
   */
  public int totalJobs() {
    return ues.stream().mapToInt(u -> u.arrivalsS().length).sum();
  }
}
