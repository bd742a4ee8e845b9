package io.coinfer.splitnn.profile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.coinfer.splitnn.model.MemoryLayout;
import io.coinfer.splitnn.model.SplitModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Compares two runners of the same head/tail modules (DJL's PyTorch engine and PyTorch itself) one
 * image at a time. After a warm-up of every module on both sides, the sides take turns: in each
 * round, module by module, one side times a block of runs and then the other, the side that goes
 * first alternating from round to round, so that background load falls on both alike. All times are
 * milliseconds per image.
 */
public final class SplitBench {

  /** The modules in the order each round times them: head_1, tail_1, ..., head_4, tail_4. */
  public static final List<Module> MODULES =
      IntStream.rangeClosed(1, 4)
          .boxed()
          .flatMap(k -> List.of(new Module(k, true), new Module(k, false)).stream())
          .toList();

  private SplitBench() {}

  /**
   * One module of a split model.
   *
   * @param point partition point 1..4
   * @param head {@code head_k} (image to feature) if true, else {@code tail_k} (feature to logits)
   */
  public record Module(int point, boolean head) {

    /** The module's file name without {@code .pt}, e.g. {@code head_1}. */
    public String name() {
      return (head ? "head_" : "tail_") + point;
    }
  }

  /** One side of the comparison. */
  public interface Runner {

    /**
     * Runs {@code module} {@code runs} times in a row on one image (a tail on that image's
     * feature).
     *
     * @return the milliseconds of each run
     */
    double[] timeMs(Module module, int runs) throws IOException;
  }

  /**
   * How much to run.
   *
   * @param warmUpRuns untimed runs of every module on each side before the first round, at least 3:
   *     TorchScript's profiling executor profiles a module's first run and optimises its graph on
   *     the second, and a few more let caches and the allocator settle
   * @param rounds rounds of turns, at least 2 (so that each side goes first once)
   * @param runsPerTurn timed runs of a module in one turn of one side, at least 1
   */
  public record Settings(int warmUpRuns, int rounds, int runsPerTurn) {

    /** Checks the bounds above. */
    public Settings {
      if (warmUpRuns < 3 || rounds < 2 || runsPerTurn < 1) {
        throw new IllegalArgumentException(
            "need at least 3 warm-up runs, 2 rounds and 1 run per turn, got "
                + this.toString().replaceFirst("^Settings", ""));
      }
    }
  }

  /**
   * Quartiles of a sample (linear interpolation between order statistics).
   *
   * @param p25 first quartile
   * @param median second quartile
   * @param p75 third quartile
   */
  public record Spread(double p25, double median, double p75) {

    /** The quartiles of {@code values} (at least one). */
    public static Spread of(double[] values) {
      double[] sorted = values.clone();
      Arrays.sort(sorted);
      return new Spread(quantile(sorted, 0.25), quantile(sorted, 0.5), quantile(sorted, 0.75));
    }

    private static double quantile(double[] sorted, double q) {
      double pos = q * (sorted.length - 1);
      int lo = (int) Math.floor(pos);
      int hi = Math.min(lo + 1, sorted.length - 1);
      return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
  }

  /**
   * One module on both sides.
   *
   * @param djlMs DJL's milliseconds per image over all timed runs
   * @param torchMs PyTorch's milliseconds per image over all timed runs
   * @param ratio {@code djlMs.median / torchMs.median}
   * @param roundRatios the ratio of the two sides' median times within each round
   */
  public record Comparison(Spread djlMs, Spread torchMs, double ratio, Spread roundRatios) {}

  /**
   * One partition point.
   *
   * @param point 1..4
   * @param head {@code head_k}
   * @param tail {@code tail_k}
   */
  public record PointResult(int point, Comparison head, Comparison tail) {}

  /**
   * The whole comparison.
   *
   * @param points points 1..4
   * @param overallRatio the sum of DJL's eight median times over the sum of PyTorch's
   * @param roundRatios the same sum ratio within each round (from each side's per-round medians)
   */
  public record Result(List<PointResult> points, double overallRatio, Spread roundRatios) {}

  /**
   * Warms both sides up, then times every module in {@code settings.rounds()} interleaved rounds.
   *
   * @param progress called with the number of rounds done
   */
  public static Result compare(Runner djl, Runner torch, Settings settings, IntConsumer progress)
      throws IOException {
    List<Runner> sides = List.of(djl, torch);
    for (Module module : MODULES) {
      for (Runner side : sides) {
        side.timeMs(module, settings.warmUpRuns());
      }
    }
    int rounds = settings.rounds();
    int runs = settings.runsPerTurn();
    // [side][module][run of all rounds] and [side][module][round]
    double[][][] samples = new double[2][MODULES.size()][rounds * runs];
    double[][][] roundMedians = new double[2][MODULES.size()][rounds];
    for (int round = 0; round < rounds; round++) {
      for (int m = 0; m < MODULES.size(); m++) {
        for (int turn = 0; turn < 2; turn++) {
          int side = (round + turn) % 2;
          double[] ms = sides.get(side).timeMs(MODULES.get(m), runs);
          if (ms.length != runs) {
            throw new IllegalStateException(
                "asked for " + runs + " runs of " + MODULES.get(m).name() + ", got " + ms.length);
          }
          System.arraycopy(ms, 0, samples[side][m], round * runs, runs);
          roundMedians[side][m][round] = Spread.of(ms).median();
        }
      }
      progress.accept(round + 1);
    }
    List<Comparison> modules = new ArrayList<>();
    double djlSum = 0;
    double torchSum = 0;
    for (int m = 0; m < MODULES.size(); m++) {
      Spread d = Spread.of(samples[0][m]);
      Spread t = Spread.of(samples[1][m]);
      modules.add(
          new Comparison(
              d, t, d.median() / t.median(), ratios(roundMedians[0][m], roundMedians[1][m])));
      djlSum += d.median();
      torchSum += t.median();
    }
    double[] djlRoundSums = new double[rounds];
    double[] torchRoundSums = new double[rounds];
    for (int m = 0; m < MODULES.size(); m++) {
      for (int round = 0; round < rounds; round++) {
        djlRoundSums[round] += roundMedians[0][m][round];
        torchRoundSums[round] += roundMedians[1][m][round];
      }
    }
    List<PointResult> points = new ArrayList<>();
    for (int i = 0; i < MODULES.size(); i += 2) {
      points.add(new PointResult(MODULES.get(i).point(), modules.get(i), modules.get(i + 1)));
    }
    return new Result(points, djlSum / torchSum, ratios(djlRoundSums, torchRoundSums));
  }

  private static Spread ratios(double[] djl, double[] torch) {
    return Spread.of(IntStream.range(0, djl.length).mapToDouble(i -> djl[i] / torch[i]).toArray());
  }

  /**
   * DJL's side: the modules of {@code model} on a random image made in {@code manager}, each run
   * timed by {@link Stopwatch#secondsEach} on {@code clock} (a fresh copy of the input per run, the
   * output read back into a Java array).
   */
  public static Runner djl(SplitModel model, NDManager manager, Stopwatch.Clock clock) {
    long[] in = model.input().shape();
    NDArray image = manager.randomNormal(new Shape(1, in[0], in[1], in[2]));
    // contiguous, as a decoded feature is and as the script's tails get theirs
    List<NDArray> features =
        IntStream.rangeClosed(1, 4)
            .mapToObj(k -> MemoryLayout.CONTIGUOUS.apply(model.head(k, image, false)))
            .toList();
    return (module, runs) -> {
      int k = module.point();
      double[] seconds =
          module.head()
              ? Stopwatch.secondsEach(clock, 0, runs, image, x -> model.head(k, x, false))
              : Stopwatch.secondsEach(
                  clock, 0, runs, features.get(k - 1), f -> model.tail(k, f, false));
      return Arrays.stream(seconds).map(s -> 1e3 * s).toArray();
    };
  }
}
