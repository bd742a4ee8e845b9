package io.coinfer.mahppo.serve;

import io.coinfer.mahppo.checkpoint.Checkpoint;
import io.coinfer.mec.sim.ScenarioConfig;
import java.util.List;

/**
 * The checkpoints shipped in this jar under {@code /io/coinfer/mahppo/checkpoints/}: one per net
 * for its UE count and sub-channels ({@code <net>-<N>ue-<C>ch}), and optionally a parameter-shared
 * actor per net that serves any fleet up to its maximum ({@code <net>-shared-<C>ch}).
 */
public final class ShippedCheckpoints {

  /** The resource folder of the shipped checkpoints. */
  public static final String ROOT = "/io/coinfer/mahppo/checkpoints/";

  private ShippedCheckpoints() {}

  /** The resource name of the per-UE checkpoint for a system. */
  public static String name(ScenarioConfig cfg) {
    return cfg.net().id() + "-" + cfg.ues() + "ue-" + cfg.channels() + "ch";
  }

  /** The resource name of the shared-actor checkpoint for a system. */
  public static String sharedName(ScenarioConfig cfg) {
    return cfg.net().id() + "-shared-" + cfg.channels() + "ch";
  }

  /**
   * The shipped checkpoint that serves a system: the per-UE one for its exact UE count, else a
   * shared actor whose maximum fleet covers it.
   *
   * @throws IllegalArgumentException naming the resources looked for when none fits
   */
  public static Checkpoint find(ScenarioConfig cfg) {
    for (String name : List.of(name(cfg), sharedName(cfg))) {
      Checkpoint cp = Checkpoint.readResource(ROOT + name);
      if (cp != null && fits(cp, cfg)) {
        return cp;
      }
    }
    throw new IllegalArgumentException(
        "no shipped MAHPPO checkpoint serves "
            + cfg.net()
            + " with "
            + cfg.ues()
            + " UEs and "
            + cfg.channels()
            + " sub-channels (looked for "
            + name(cfg)
            + " and "
            + sharedName(cfg)
            + "); train one with coinfer train-policy and use --policy mahppo:<dir>");
  }

  private static boolean fits(Checkpoint cp, ScenarioConfig cfg) {
    var shape = cp.weights().shape();
    return shape.channels() == cfg.channels()
        && (shape.ues() == cfg.ues() || (shape.sharedActor() && cfg.ues() <= shape.maxUes()));
  }
}
