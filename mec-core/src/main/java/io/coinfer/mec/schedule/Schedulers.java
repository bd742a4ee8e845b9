package io.coinfer.mec.schedule;

import io.coinfer.mec.sim.ScenarioConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * Creates schedulers from specs: {@code local}, {@code edge}, {@code fixed:<point>:<power>}, {@code
 * random}, {@code greedy}, {@code static-search}, {@code rotate:<point>:<power>} (a warm-start
 * teacher, not a paper baseline), and whatever a {@link SchedulerFactory} on the class path
 * supports (e.g. {@code mahppo}).
 */
public final class Schedulers {

  /** The specs of the built-in baselines, for help texts and error messages. */
  public static final List<String> BUILT_IN =
      List.of(
          "local",
          "edge",
          "fixed:<point>:<power>",
          "random",
          "greedy",
          "static-search",
          "rotate:<point>:<power>");

  private Schedulers() {}

  /**
   * @param spec the spec, e.g. {@code "fixed:3:1.0"} (case-insensitive names)
   * @param cfg the system the scheduler will run on
   * @param seed seed for any randomness
   * @return the scheduler
   * @throws IllegalArgumentException for an unknown or malformed spec, listing the known specs
   */
  public static Scheduler create(String spec, ScenarioConfig cfg, long seed) {
    String key = spec == null ? "" : spec.trim();
    String lower = key.toLowerCase(Locale.ROOT);
    switch (lower) {
      case "local":
        return new LocalScheduler(cfg);
      case "edge":
        return new EdgeScheduler(cfg);
      case "random":
        return new RandomScheduler(cfg, seed);
      case "greedy":
        return new GreedyScheduler(cfg);
      case "static-search":
        return new StaticSearchScheduler(cfg);
      default:
        break;
    }
    if (lower.startsWith("fixed:")) {
      PointAndPower p = pointAndPower(key);
      return new FixedScheduler(key, cfg, p.point(), p.watts());
    }
    if (lower.startsWith("rotate:")) {
      PointAndPower p = pointAndPower(key);
      return new RotateScheduler(key, cfg, p.point(), p.watts());
    }
    for (SchedulerFactory factory : ServiceLoader.load(SchedulerFactory.class)) {
      if (factory.supports(key)) {
        return factory.create(key, cfg, seed);
      }
    }
    throw new IllegalArgumentException(
        "unknown scheduler '" + spec + "'; known: " + String.join(", ", knownSpecs()));
  }

  /**
   * @return the built-in specs followed by the usage of every registered {@link SchedulerFactory}
   */
  public static List<String> knownSpecs() {
    List<String> known = new ArrayList<>(BUILT_IN);
    for (SchedulerFactory factory : ServiceLoader.load(SchedulerFactory.class)) {
      known.add(factory.usage());
    }
    return known;
  }

  /**
   * The baselines {@code --policy all} compares: local, edge, the paper's three fixed policies
   * (point 3 at pmax, point 2 at pmax/10, point 1 at pmax), random, greedy and static-search.
   *
   * @param cfg the system
   * @return the specs, {@code local} first
   */
  public static List<String> allBaselines(ScenarioConfig cfg) {
    String pmax = Double.toString(cfg.pmaxWatts());
    String tenth = Double.toString(cfg.pmaxWatts() / 10);
    return List.of(
        "local",
        "edge",
        "fixed:3:" + pmax,
        "fixed:2:" + tenth,
        "fixed:1:" + pmax,
        "random",
        "greedy",
        "static-search");
  }

  /** The point and power of a {@code fixed:} or {@code rotate:} spec. */
  private record PointAndPower(int point, double watts) {}

  private static PointAndPower pointAndPower(String spec) {
    String[] parts = spec.split(":", -1);
    String name = parts[0];
    String usage =
        "malformed spec '"
            + spec
            + "'; expected "
            + name
            + ":<point 0..5>:<power in W>, e.g. "
            + name
            + ":3:1.0";
    if (parts.length != 3) {
      throw new IllegalArgumentException(usage);
    }
    try {
      return new PointAndPower(
          Integer.parseInt(parts[1].trim()), Double.parseDouble(parts[2].trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(usage, e);
    }
  }
}
