package io.coinfer.mec.schedule;

import io.coinfer.mec.profile.Net;
import io.coinfer.mec.sim.Action;
import io.coinfer.mec.sim.ScenarioConfig;
import java.util.SplittableRandom;

/**
 * Every slot, every UE draws its point, sub-channel and power (uniform in (0, pmax]) at random;
 * seeded, so runs repeat.
 */
public final class RandomScheduler implements Scheduler {

  private final ScenarioConfig cfg;
  private SplittableRandom rng;

  /**
   * @param cfg the system
   * @param seed the seed until the first {@link #reset(long)}
   */
  public RandomScheduler(ScenarioConfig cfg, long seed) {
    this.cfg = cfg;
    this.rng = new SplittableRandom(seed);
  }

  @Override
  public String id() {
    return "random";
  }

  @Override
  public void reset(long seed) {
    rng = new SplittableRandom(seed);
  }

  @Override
  public Action[] decide(SchedulingContext ctx) {
    Action[] actions = new Action[cfg.ues()];
    for (int i = 0; i < actions.length; i++) {
      actions[i] =
          new Action(
              rng.nextInt(Net.POINTS),
              rng.nextInt(cfg.channels()),
              cfg.pmaxWatts() * (1.0 - rng.nextDouble()));
    }
    return actions;
  }
}
