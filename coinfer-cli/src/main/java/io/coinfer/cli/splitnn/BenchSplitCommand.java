package io.coinfer.cli.splitnn;

import io.coinfer.splitnn.model.SplitModel;
import io.coinfer.splitnn.profile.SplitBench;
import io.coinfer.splitnn.store.ModelStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code coinfer bench-split}: times the head and tail modules of a TorchScript package through DJL
 * and through PyTorch itself ({@code splitnn/scripts/bench_torch.py}), one thread each, and states
 * the ratio DJL / PyTorch per point.
 */
@Command(
    name = "bench-split",
    mixinStandardHelpOptions = true,
    description = "Compare DJL head/tail runners with PyTorch on the same TorchScript modules.")
public final class BenchSplitCommand implements Callable<Integer> {

  @Option(names = "--package", required = true, description = "TorchScript package folder")
  Path packageDir;

  @Option(names = "--repeats", defaultValue = "10", description = "timed runs per module")
  int repeats;

  @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "python with torch")
  String python;

  @Option(
      names = "--script",
      defaultValue = "splitnn/scripts/bench_torch.py",
      description = "the PyTorch side of the benchmark")
  Path script;

  @Option(names = "--format", defaultValue = "text", description = "text or json")
  OutputFormat format;

  @Override
  public Integer call() throws Exception {
    List<SplitBench.PointTimes> djl;
    System.err.println("timing DJL (PyTorch engine, 1 thread)...");
    try (SplitModel model = ModelStore.open(packageDir)) {
      djl = SplitBench.run(model, repeats);
    }
    System.err.println("timing PyTorch itself (1 thread)...");
    JsonNode torch = runPython();
    List<Row> rows = new ArrayList<>();
    double djlSum = 0;
    double torchSum = 0;
    for (SplitBench.PointTimes d : djl) {
      JsonNode t = torch.get("points").get(d.point() - 1);
      double th = t.get("headMs").asDouble();
      double tt = t.get("tailMs").asDouble();
      rows.add(
          new Row(d.point(), d.headMs(), th, d.headMs() / th, d.tailMs(), tt, d.tailMs() / tt));
      djlSum += d.headMs() + d.tailMs();
      torchSum += th + tt;
    }
    Result result = new Result(torch.get("torch").asString(), repeats, rows, djlSum / torchSum);
    StringBuilder text =
        new StringBuilder("point  djlHeadMs torchHeadMs ratio  djlTailMs torchTailMs ratio\n");
    for (Row r : rows) {
      text.append(
          String.format(
              Locale.ROOT,
              "%5d %10.2f %11.2f %5.2f %10.2f %11.2f %5.2f%n",
              r.point(),
              r.djlHeadMs(),
              r.torchHeadMs(),
              r.headRatio(),
              r.djlTailMs(),
              r.torchTailMs(),
              r.tailRatio()));
    }
    text.append(String.format(Locale.ROOT, "overall DJL / PyTorch = %.3f", result.overallRatio()));
    format.print(result, text.toString());
    return 0;
  }

  private JsonNode runPython() throws Exception {
    if (!Files.isRegularFile(script)) {
      throw new IllegalArgumentException("benchmark script " + script + " not found (--script)");
    }
    Process p =
        new ProcessBuilder(
                python,
                script.toString(),
                packageDir.toString(),
                "--repeats",
                Integer.toString(repeats),
                "--threads",
                "1")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException(
          python + " " + script + " failed (is python3-torch installed?)");
    }
    return JsonMapper.builder().build().readTree(out);
  }

  /** One point: median milliseconds per image and the DJL / PyTorch ratios. */
  record Row(
      int point,
      double djlHeadMs,
      double torchHeadMs,
      double headRatio,
      double djlTailMs,
      double torchTailMs,
      double tailRatio) {}

  /** What the command prints; {@code overallRatio} is the sum of DJL times over PyTorch's. */
  record Result(String torchVersion, int repeats, List<Row> points, double overallRatio) {}
}
