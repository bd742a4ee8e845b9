package io.coinfer.mec.schedule;

import io.coinfer.mec.profile.Net;
import io.coinfer.mec.sim.Action;
import io.coinfer.mec.sim.ScenarioConfig;

/**
 * The {@code fixed:<point>:<power>} baseline: the same point and power for every UE in every slot,
 * UE i on sub-channel {@code i mod C} (round robin). {@link LocalScheduler} and {@link
 * EdgeScheduler} are its two named cases.
 */
public class FixedScheduler implements Scheduler {

  private final String id;
  private final Action[] actions;

  /**
   * @param id the spec to report
   * @param cfg the system
   * @param point the point of every UE, 0..5
   * @param powerWatts the power of every UE, in (0, pmax] watts
   */
  public FixedScheduler(String id, ScenarioConfig cfg, int point, double powerWatts) {
    if (point < 0 || point >= Net.POINTS) {
      throw new IllegalArgumentException(id + ": point " + point + " is outside 0..5");
    }
    if (!(powerWatts > 0) || powerWatts > cfg.pmaxWatts()) {
      throw new IllegalArgumentException(
          id + ": power " + powerWatts + " W is outside (0, " + cfg.pmaxWatts() + "] W");
    }
    this.id = id;
    this.actions = new Action[cfg.ues()];
    for (int i = 0; i < actions.length; i++) {
      actions[i] = new Action(point, i % cfg.channels(), powerWatts);
    }
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final Action[] decide(SchedulingContext ctx) {
    return actions.clone();
  }
}
