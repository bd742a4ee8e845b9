package io.coinfer.mahppo.train;

import io.coinfer.mec.schedule.Scheduler;
import io.coinfer.mec.schedule.SchedulerFactory;
import io.coinfer.mec.schedule.SchedulingContext;
import io.coinfer.mec.sim.Action;
import io.coinfer.mec.sim.ScenarioConfig;

/**
 * A teacher for cloning tests, registered as the scheduler spec {@value #SPEC}: like {@code
 * static-search} it gives different UEs different points, sub-channels and powers (over two
 * decades, up to pmax), but as a simple function of each UE's own distance. A UE under 35 m sends
 * the features of point 1 on sub-channel 0 at pmax / 100, one under 70 m those of point 2 on
 * sub-channel 1 at pmax / 10, one farther those of point 3 on sub-channel 0 at pmax.
 */
public final class DistanceBandsTeacher implements SchedulerFactory {

  /** The spec this factory creates. */
  public static final String SPEC = "test-distance-bands";

  @Override
  public boolean supports(String spec) {
    return SPEC.equals(spec);
  }

  @Override
  public Scheduler create(String spec, ScenarioConfig cfg, long seed) {
    return new Scheduler() {
      @Override
      public String id() {
        return SPEC;
      }

      @Override
      public Action[] decide(SchedulingContext ctx) {
        Action[] actions = new Action[ctx.ues().size()];
        for (int u = 0; u < actions.length; u++) {
          actions[u] = choose(ctx.ues().get(u).distanceMeters(), cfg.pmaxWatts());
        }
        return actions;
      }
    };
  }

  /**
   * The teacher's choice for one UE.
   *
   * @param meters the UE's distance
   * @param pmax the largest power, W
   * @return point, sub-channel and power
   */
  static Action choose(double meters, double pmax) {
    if (meters < 35) {
      return new Action(1, 0, pmax / 100);
    }
    return meters < 70 ? new Action(2, 1, pmax / 10) : new Action(3, 0, pmax);
  }
}
