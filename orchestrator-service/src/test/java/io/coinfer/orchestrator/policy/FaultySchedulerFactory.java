package io.coinfer.orchestrator.policy;

import io.coinfer.mec.schedule.Scheduler;
import io.coinfer.mec.schedule.SchedulerFactory;
import io.coinfer.mec.schedule.SchedulingContext;
import io.coinfer.mec.sim.Action;
import io.coinfer.mec.sim.ScenarioConfig;
import java.util.Arrays;

/**
 * A faulty policy for the tests, registered through mec-core's {@link SchedulerFactory}: {@code
 * faulty:<point>:<channel>:<power>} gives every UE that action unchecked (e.g. point 7, channel 9,
 * power -1 or NaN); {@code faulty:throw} throws; {@code faulty:short} returns one action too few.
 */
public final class FaultySchedulerFactory implements SchedulerFactory {

  private static final String PREFIX = "faulty:";

  @Override
  public boolean supports(String spec) {
    return spec.startsWith(PREFIX);
  }

  @Override
  public Scheduler create(String spec, ScenarioConfig cfg, long seed) {
    String mode = spec.substring(PREFIX.length());
    return new Scheduler() {
      @Override
      public String id() {
        return spec;
      }

      @Override
      public Action[] decide(SchedulingContext ctx) {
        int n = ctx.ues().size();
        return switch (mode) {
          case "throw" -> throw new IllegalStateException("faulty policy failed");
          case "short" -> new Action[n - 1];
          default -> {
            String[] f = mode.split(":");
            Action[] actions = new Action[n];
            Arrays.fill(
                actions,
                new Action(
                    Integer.parseInt(f[0]), Integer.parseInt(f[1]), Double.parseDouble(f[2])));
            yield actions;
          }
        };
      }
    };
  }

  @Override
  public String usage() {
    return "faulty:<point>:<channel>:<power>|throw|short";
  }
}
