package io.coinfer.cli.splitnn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import io.coinfer.splitnn.model.MemoryLayout;
import io.coinfer.splitnn.model.SplitModel;
import io.coinfer.splitnn.profile.CpuAffinity;
import io.coinfer.splitnn.profile.PyTorchProcess;
import io.coinfer.splitnn.profile.SplitBench;
import io.coinfer.splitnn.profile.Stopwatch;
import io.coinfer.splitnn.store.ModelStore;
import io.coinfer.splitnn.torchscript.TorchScriptSplitModel;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code coinfer bench-split}: times the head and tail modules of a TorchScript package through DJL
 * and through PyTorch itself ({@code splitnn/scripts/bench_torch.py} as a child process), one
 * thread each, in interleaved rounds ({@link SplitBench}), and states the ratio DJL / PyTorch per
 * module and overall. Both sides run on one CPU ({@link CpuAffinity}): this thread, which runs
 * DJL's forward calls, is pinned before the script starts, and the script inherits the pin.
 */
@Command(
    name = "bench-split",
    mixinStandardHelpOptions = true,
    description = "Compare DJL head/tail runners with PyTorch on the same TorchScript modules.")
public final class BenchSplitCommand implements Callable<Integer> {

  @Option(names = "--package", required = true, description = "TorchScript package folder")
  Path packageDir;

  @Option(
      names = "--warm-up",
      defaultValue = "10",
      description = "untimed runs of each module on each side first (at least 3)")
  int warmUp;

  @Option(
      names = "--rounds",
      defaultValue = "10",
      description = "rounds in which the two sides take turns, module by module")
  int rounds;

  @Option(
      names = "--runs",
      defaultValue = "5",
      description = "timed runs of a module in one side's turn")
  int runs;

  @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "python with torch")
  String python;

  @Option(
      names = "--script",
      defaultValue = "splitnn/scripts/bench_torch.py",
      description = "the PyTorch side of the benchmark")
  Path script;

  @Option(
      names = "--script-arg",
      description =
          "an option for the script, e.g. --script-arg=--mkldnn=off or"
              + " --script-arg=--flush-denormal (repeatable)")
  List<String> scriptArgs = new ArrayList<>();

  @Option(
      names = "--cpu",
      description =
          "the CPU both sides run on (default: the highest-numbered one allowed; -1: no pinning)")
  Integer cpu;

  @Option(
      names = "--clock",
      defaultValue = "WALL",
      description =
          "WALL (elapsed time) or CPU (each side's thread CPU time, which other processes'"
              + " time slices do not inflate)")
  Stopwatch.Clock clock;

  @Option(
      names = "--head-layout",
      defaultValue = "CHANNELS_LAST",
      description =
          "the memory layout each side puts a head's image in, inside the timed part:"
              + " CHANNELS_LAST (what the runners do) or CONTIGUOUS (NCHW as given)")
  MemoryLayout headLayout;

  @Option(names = "--format", defaultValue = "text", description = "text or json")
  OutputFormat format;

  @Override
  public Integer call() throws Exception {
    SplitBench.Settings settings = new SplitBench.Settings(warmUp, rounds, runs);
    if (!Files.isRegularFile(script)) {
      throw new IllegalArgumentException("benchmark script " + script + " not found (--script)");
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                python,
                script.toString(),
                packageDir.toString(),
                "--threads",
                "1",
                "--clock",
                clock.name().toLowerCase(Locale.ROOT),
                "--head-layout",
                headLayout.name().toLowerCase(Locale.ROOT)));
    command.addAll(scriptArgs);
    BitSet allowed = CpuAffinity.supported() ? CpuAffinity.currentThread() : null;
    int pinnedCpu = pin(allowed);
    double loadBefore = loadAverage();
    SplitBench.Result bench;
    PyTorchProcess.Info torch;
    try (SplitModel model =
            TorchScriptSplitModel.load(
                packageDir, ModelStore.readManifest(packageDir), headLayout);
        NDManager manager = NDManager.newBaseManager();
        PyTorchProcess process = PyTorchProcess.start(command)) {
      // one intra-op thread as on the PyTorch side, also where the engine had started before
      JniUtils.setNumThreads(1);
      torch = process.info();
      System.err.printf(
          Locale.ROOT,
          "DJL (libtorch %s) vs PyTorch %s: %d warm-up runs, then %d rounds...%n",
          Engine.getEngine("PyTorch").getVersion(),
          torch.torchVersion(),
          warmUp,
          rounds);
      bench =
          SplitBench.compare(
              SplitBench.djl(model, manager, clock),
              process,
              settings,
              done -> System.err.printf(Locale.ROOT, "round %d/%d done%n", done, rounds));
    } finally {
      if (pinnedCpu >= 0) {
        CpuAffinity.pinCurrentThread(allowed);
      }
    }
    Result result =
        new Result(
            Engine.getDjlVersion(),
            Engine.getEngine("PyTorch").getVersion(),
            JniUtils.getNumThreads(),
            torch,
            pinnedCpu,
            clock,
            headLayout,
            settings,
            loadBefore,
            loadAverage(),
            bench);
    format.print(result, text(result));
    return 0;
  }

  /**
   * Pins this thread (and so the script it starts) to {@link #cpu}.
   *
   * @param allowed the CPUs this thread may use, null where affinity is not supported
   * @return the CPU, or -1 if unpinned
   */
  private int pin(BitSet allowed) {
    if (cpu != null && cpu == -1) {
      return -1;
    }
    if (allowed == null) {
      if (cpu != null) {
        throw new IllegalArgumentException("--cpu needs Linux; pass --cpu -1 to run unpinned");
      }
      return -1;
    }
    int chosen = cpu != null ? cpu : allowed.length() - 1;
    if (chosen < 0 || !allowed.get(chosen)) {
      throw new IllegalArgumentException(
          "--cpu " + chosen + " is not one this process may use: " + allowed);
    }
    BitSet one = new BitSet();
    one.set(chosen);
    CpuAffinity.pinCurrentThread(one);
    return chosen;
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static String text(Result r) {
    StringBuilder text =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "DJL %s on libtorch %s (%d thread) vs PyTorch %s (%d thread, oneDNN %s), %s, %s"
                    + " clock, %s heads; %d warm-up runs, %d rounds x %d runs; load average %.2f"
                    + " -> %.2f%n",
                r.djlVersion(),
                r.libtorchVersion(),
                r.djlThreads(),
                r.torch().torchVersion(),
                r.torch().threads(),
                r.torch().mkldnn() ? "on" : "off",
                r.cpu() >= 0 ? "both on CPU " + r.cpu() : "unpinned",
                r.clock().name().toLowerCase(Locale.ROOT),
                r.headLayout().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                r.settings().warmUpRuns(),
                r.settings().rounds(),
                r.settings().runsPerTurn(),
                r.loadAverageBefore(),
                r.loadAverageAfter()));
    text.append("module  DJL ms (p25-p75)        PyTorch ms (p25-p75)    ratio (rounds p25-p75)\n");
    for (SplitBench.PointResult p : r.bench().points()) {
      text.append(row("head_" + p.point(), p.head()));
      text.append(row("tail_" + p.point(), p.tail()));
    }
    SplitBench.Spread overall = r.bench().roundRatios();
    text.append(
        String.format(
            Locale.ROOT,
            "overall DJL / PyTorch = %.3f (rounds %.3f-%.3f)",
            r.bench().overallRatio(),
            overall.p25(),
            overall.p75()));
    return text.toString();
  }

  private static String row(String module, SplitBench.Comparison c) {
    return String.format(
        Locale.ROOT,
        "%-7s %6.2f (%6.2f-%6.2f)  %6.2f (%6.2f-%6.2f)  %5.3f (%5.3f-%5.3f)%n",
        module,
        c.djlMs().median(),
        c.djlMs().p25(),
        c.djlMs().p75(),
        c.torchMs().median(),
        c.torchMs().p25(),
        c.torchMs().p75(),
        c.ratio(),
        c.roundRatios().p25(),
        c.roundRatios().p75());
  }

  /**
   * What the command prints.
   *
   * @param djlVersion DJL's version
   * @param libtorchVersion the libtorch that DJL's PyTorch engine runs
   * @param djlThreads DJL's intra-op threads
   * @param torch the PyTorch side's version, threads and oneDNN switch
   * @param cpu the CPU both sides were pinned to, or -1 if they were not
   * @param clock what the milliseconds count: elapsed time or each side's thread CPU time
   * @param headLayout the memory layout both sides put a head's image in before running it
   * @param settings warm-up, rounds and runs per turn
   * @param loadAverageBefore the machine's 1-minute load average when the command started
   * @param loadAverageAfter the same when it had finished timing
   * @param bench milliseconds per image and ratios
   */
  record Result(
      String djlVersion,
      String libtorchVersion,
      int djlThreads,
      PyTorchProcess.Info torch,
      int cpu,
      Stopwatch.Clock clock,
      MemoryLayout headLayout,
      SplitBench.Settings settings,
      double loadAverageBefore,
      double loadAverageAfter,
      SplitBench.Result bench) {}
}
