package io.coinfer.mec.schedule;

import io.coinfer.mec.sim.ScenarioConfig;

/**
 * A {@link java.util.ServiceLoader} extension point for schedulers defined outside mec-core (e.g.
 * {@code mahppo} and {@code mahppo:<path>}). Register an implementation in {@code
 * META-INF/services/io.coinfer.mec.schedule.SchedulerFactory}.
 */
public interface SchedulerFactory {

  /**
   * @param spec a scheduler spec from the command line or a policy registry
   * @return whether this factory creates it
   */
  boolean supports(String spec);

  /**
   * @param spec a spec this factory {@link #supports}
   * @param cfg the system the scheduler will run on
   * @param seed seed for any randomness
   * @return the scheduler
   */
  Scheduler create(String spec, ScenarioConfig cfg, long seed);

  /**
   * @return the spec syntax this factory accepts, for error messages, e.g. {@code
   *     "mahppo[:<checkpoint>]"}
   */
  default String usage() {
    return getClass().getSimpleName();
  }
}
