package io.coinfer.mahppo.serve;

import io.coinfer.mahppo.checkpoint.Checkpoint;
import io.coinfer.mec.sim.ScenarioConfig;
import java.util.List;
import java.util.Map;

/**
 * The checkpoints shipped in this jar under {@code /io/coinfer/mahppo/checkpoints/}: one per net
 * for its UE count and sub-channels ({@code <net>-<N>ue-<C>ch}), optionally a parameter-shared
 * actor per net that serves any fleet up to its maximum ({@code <net>-shared-<C>ch}), and
 * optionally named variants of a net's checkpoint that trade the objective for something else
 * ({@code <net>-<N>ue-<C>ch-<variant>}, see {@link #VARIANTS}).
 */
public final class ShippedCheckpoints {

  /** The resource folder of the shipped checkpoints. */
  public static final String ROOT = "/io/coinfer/mahppo/checkpoints/";

  /**
   * The variant names, each with the simulated runs per slot it plans with unless the spec says
   * otherwise ({@code :plan<K>}; {@code :plan1} is the deterministic policy alone). {@code
   * latency-first} trades the objective for latency: on resnet18 10 slots on the test scenario
   * where the default checkpoint takes 14, at 17% more objective, planned with 256 runs.
   */
  public static final Map<String, Integer> VARIANTS = Map.of("latency-first", 256);

  private ShippedCheckpoints() {}

  /** The resource name of the per-UE checkpoint for a system. */
  public static String name(ScenarioConfig cfg) {
    return cfg.net().id() + "-" + cfg.ues() + "ue-" + cfg.channels() + "ch";
  }

  /** The resource name of a named variant of the per-UE checkpoint for a system. */
  public static String name(ScenarioConfig cfg, String variant) {
    return name(cfg) + "-" + variant;
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
            + system(cfg)
            + " (looked for "
            + name(cfg)
            + " and "
            + sharedName(cfg)
            + "); train one with coinfer train-policy and use --policy mahppo:<dir>");
  }

  /**
   * A named variant of the per-UE checkpoint that serves a system.
   *
   * @param cfg the system
   * @param variant one of the {@link #VARIANTS}
   * @throws IllegalArgumentException naming the resource looked for when it is not shipped
   */
  public static Checkpoint findVariant(ScenarioConfig cfg, String variant) {
    Checkpoint cp = Checkpoint.readResource(ROOT + name(cfg, variant));
    if (cp == null || !fits(cp, cfg)) {
      throw new IllegalArgumentException(
          "no shipped "
              + variant
              + " MAHPPO checkpoint serves "
              + system(cfg)
              + " (looked for "
              + name(cfg, variant)
              + "); for a checkpoint folder of that name write ./"
              + variant);
    }
    return cp;
  }

  private static String system(ScenarioConfig cfg) {
    return cfg.net() + " with " + cfg.ues() + " UEs and " + cfg.channels() + " sub-channels";
  }

  private static boolean fits(Checkpoint cp, ScenarioConfig cfg) {
    var shape = cp.weights().shape();
    return shape.channels() == cfg.channels()
        && (shape.ues() == cfg.ues() || (shape.sharedActor() && cfg.ues() <= shape.maxUes()));
  }
}
