package io.coinfer.mec.schedule;

import io.coinfer.mec.profile.Net;
import io.coinfer.mec.sim.ScenarioConfig;

/**
 * The {@code local} baseline: every UE runs the whole net itself (point 5) and sends nothing. Its
 * power, pmax, only speeds up a transmission still in flight from the initial action.
 */
public final class LocalScheduler extends FixedScheduler {

  /**
   * @param cfg the system
   */
  public LocalScheduler(ScenarioConfig cfg) {
    super("local", cfg, Net.LOCAL_POINT, cfg.pmaxWatts());
  }
}
