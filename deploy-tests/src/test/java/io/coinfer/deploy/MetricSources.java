package io.coinfer.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Prometheus names of the {@code coinfer.*} meters that a module's main source registers, read
 * from its Micrometer builder calls and named as Micrometer's Prometheus registry names them: dots
 * to underscores, {@code _seconds} for timers, the base unit for summaries and gauges, {@code
 * _total} for counters, and {@code _bucket}, {@code _count}, {@code _sum}, {@code _max} series for
 * distributions.
 */
final class MetricSources {

  private static final Pattern BUILDER =
      Pattern.compile(
          "\\b(Timer|Counter|DistributionSummary|Gauge|TimeGauge|FunctionCounter|FunctionTimer"
              + "|LongTaskTimer)\\s*\\.\\s*builder\\(\\s*(\"[^\"]+\"|[A-Za-z_][\\w.]*)");
  private static final Pattern SHORTCUT =
      Pattern.compile(
          "\\.(counter|timer|summary|gauge)\\(\\s*(\"coinfer\\.[^\"]+\"|[A-Z_][A-Z0-9_]*)");
  private static final Pattern CONSTANT =
      Pattern.compile("static\\s+final\\s+String\\s+(\\w+)\\s*=\\s*\"(coinfer\\.[^\"]+)\"");
  private static final Pattern BASE_UNIT =
      Pattern.compile("\\.baseUnit\\(\\s*(?:\"([^\"]+)\"|BaseUnits\\.(\\w+))");

  private MetricSources() {}

  /** Prometheus series names (all suffixes) of the coinfer meters of one module, by meter. */
  static Map<String, Set<String>> seriesByMeter(String module) {
    Path src = Repo.path(module + "/src/main/java");
    Map<String, Set<String>> result = new TreeMap<>();
    if (!Files.isDirectory(src)) {
      return result;
    }
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(src)) {
      walk.filter(p -> p.toString().endsWith(".java"))
          .forEach(p -> files.put(p.toString(), Repo.read(p)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> constants = new HashMap<>();
    files
        .values()
        .forEach(
            t -> CONSTANT.matcher(t).results().forEach(m -> constants.put(m.group(1), m.group(2))));

    for (String text : files.values()) {
      Matcher m = BUILDER.matcher(text);
      while (m.find()) {
        String name = resolve(m.group(2), constants);
        if (name == null) {
          continue;
        }
        int end = text.indexOf(".register(", m.end());
        int next = text.indexOf("builder(", m.end());
        if (next >= 0 && next < end) {
          end = next;
        }
        String chain = end < 0 ? "" : text.substring(m.end(), end);
        Matcher unit = BASE_UNIT.matcher(chain);
        String baseUnit = null;
        if (unit.find()) {
          baseUnit = unit.group(1) != null ? unit.group(1) : unit.group(2).toLowerCase();
        }
        boolean histogram =
            chain.contains("publishPercentileHistogram(")
                || chain.contains("serviceLevelObjectives(");
        boolean percentiles = chain.contains("publishPercentiles(");
        result.put(name, series(m.group(1), name, baseUnit, histogram, percentiles));
      }
      Matcher s = SHORTCUT.matcher(text);
      while (s.find()) {
        String name = resolve(s.group(2), constants);
        if (name == null) {
          continue;
        }
        String type =
            switch (s.group(1)) {
              case "counter" -> "Counter";
              case "timer" -> "Timer";
              case "summary" -> "DistributionSummary";
              default -> "Gauge";
            };
        result.putIfAbsent(name, series(type, name, null, false, false));
      }
    }
    return result;
  }

  /** Whether the module has any main Java source yet. */
  static boolean hasSource(String module) {
    Path src = Repo.path(module + "/src/main/java");
    if (!Files.isDirectory(src)) {
      return false;
    }
    try (Stream<Path> walk = Files.walk(src)) {
      return walk.anyMatch(p -> p.toString().endsWith(".java"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** All Prometheus series names of the coinfer meters of one module. */
  static Set<String> seriesNames(String module) {
    Set<String> names = new TreeSet<>();
    seriesByMeter(module).values().forEach(names::addAll);
    return names;
  }

  private static String resolve(String arg, Map<String, String> constants) {
    if (arg.startsWith("\"")) {
      String literal = arg.substring(1, arg.length() - 1);
      return literal.startsWith("coinfer.") ? literal : null;
    }
    String simple = arg.substring(arg.lastIndexOf('.') + 1);
    return constants.get(simple);
  }

  /**
   * The Prometheus series of one meter.
   *
   * @param histogram whether it publishes buckets (a percentile histogram or SLOs)
   * @param percentiles whether it publishes client-side percentiles (series on the base name)
   */
  static Set<String> series(
      String type, String meter, String baseUnit, boolean histogram, boolean percentiles) {
    String base = meter.replace('.', '_').replace('-', '_');
    Set<String> names = new TreeSet<>();
    switch (type) {
      case "Counter", "FunctionCounter" -> names.add(withSuffix(base, "total"));
      case "Timer", "FunctionTimer" ->
          distribution(names, withSuffix(base, "seconds"), histogram, percentiles);
      case "LongTaskTimer" -> {
        String b = withSuffix(base, "seconds");
        names.add(b + "_active_count");
        names.add(b + "_duration_sum");
        names.add(b + "_max");
        if (histogram) {
          names.add(b + "_bucket");
        }
      }
      case "DistributionSummary" ->
          distribution(
              names, baseUnit == null ? base : withSuffix(base, baseUnit), histogram, percentiles);
      case "TimeGauge" -> names.add(withSuffix(base, "seconds"));
      default -> names.add(baseUnit == null ? base : withSuffix(base, baseUnit));
    }
    return names;
  }

  private static void distribution(
      Set<String> names, String base, boolean histogram, boolean percentiles) {
    names.add(base + "_count");
    names.add(base + "_sum");
    names.add(base + "_max");
    if (histogram) {
      names.add(base + "_bucket");
    }
    if (percentiles) {
      names.add(base);
    }
  }

  private static String withSuffix(String base, String suffix) {
    return base.endsWith("_" + suffix) ? base : base + "_" + suffix;
  }
}
