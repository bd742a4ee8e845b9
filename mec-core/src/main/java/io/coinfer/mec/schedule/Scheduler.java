package io.coinfer.mec.schedule;

import io.coinfer.mec.sim.Action;

/**
 * Decides, at every slot start, one (point, sub-channel, power) per UE.
 *
 * <p>Implementations are not required to be thread-safe.
 */
public interface Scheduler {

  /**
   * @return the spec this scheduler was created from, e.g. {@code "fixed:3:1.0"}
   */
  String id();

  /**
   * @param ctx the global state and per-UE context of the slot start
   * @return one action per UE, in UE order
   */
  Action[] decide(SchedulingContext ctx);

  /**
   * Called before each episode.
   *
   * @param seed the episode's seed (for schedulers that draw random numbers)
   */
  default void reset(long seed) {}
}
