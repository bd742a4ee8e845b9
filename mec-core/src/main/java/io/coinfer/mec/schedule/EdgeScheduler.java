package io.coinfer.mec.schedule;

import io.coinfer.mec.profile.Net;
import io.coinfer.mec.sim.ScenarioConfig;

/**
 * The {@code edge} baseline: every UE sends the raw image (point 0) at pmax, UE i on sub-channel
 * {@code i mod C}.
 */
public final class EdgeScheduler extends FixedScheduler {

  /**
   * @param cfg the system
   */
  public EdgeScheduler(ScenarioConfig cfg) {
    super("edge", cfg, Net.EDGE_POINT, cfg.pmaxWatts());
  }
}
