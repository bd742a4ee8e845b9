package io.coinfer.cli.splitnn;

import io.coinfer.splitnn.model.Architecture;
import io.coinfer.splitnn.profile.PointTiming;
import io.coinfer.splitnn.profile.Profiler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code coinfer profile}: measures per-point head, encoder, decoder and tail times on this machine
 * and writes a device profile CSV in the format of {@code jetson-nano-profile.csv} plus the
 * edge-side columns, readable by {@code DeviceProfiles.load}.
 */
@Command(
    name = "profile",
    mixinStandardHelpOptions = true,
    description = "Measure a device profile (per-point compute times) on this machine.")
public final class ProfileCommand implements Callable<Integer> {

  @Option(
      names = "--model",
      defaultValue = "resnet18",
      split = ",",
      description = "families to profile, e.g. resnet18 or vgg11,resnet18,mobilenetv2")
  List<String> models;

  @Option(names = "--device-name", defaultValue = "this-machine", description = "profile name")
  String deviceName;

  @Option(
      names = "--watts",
      defaultValue = "2.5",
      description = "device power while computing, W (not measured; default ${DEFAULT-VALUE})")
  double watts;

  @Option(names = "--repeats", defaultValue = "10", description = "timed runs per step (median)")
  int repeats;

  @Option(names = "--image-size", defaultValue = "224", description = "input side in pixels")
  int imageSize;

  @Option(names = "--classes", defaultValue = "101", description = "classes (Caltech-101: 101)")
  int classes;

  @Option(names = "--out", required = true, description = "CSV file to write")
  Path out;

  @Option(names = "--format", defaultValue = "text", description = "text or json")
  OutputFormat format;

  @Override
  public Integer call() throws Exception {
    List<PointTiming> rows = new ArrayList<>();
    for (String name : models) {
      Architecture arch = Architecture.of(name);
      try (ProgressBar bar = new ProgressBar("profile " + arch.id())) {
        rows.addAll(
            Profiler.profile(
                arch, imageSize, classes, repeats, p -> bar.update(p + 1, 6, "point " + p)));
        bar.done("done");
      }
    }
    Profiler.writeCsv(out, rows, deviceName, watts);
    StringBuilder text =
        new StringBuilder("net          point  head_ms  enc_ms  payload_bits  dec_ms  tail_ms\n");
    for (PointTiming r : rows) {
      text.append(
          String.format(
              Locale.ROOT,
              "%-12s %5d %8.2f %7.2f %13d %7.2f %8.2f%n",
              r.net(),
              r.point(),
              1e3 * r.headSeconds(),
              1e3 * r.encoderSeconds(),
              r.payloadBits(),
              1e3 * r.decoderSeconds(),
              1e3 * r.tailSeconds()));
    }
    text.append("written to ").append(out);
    format.print(rows, text.toString());
    return 0;
  }
}
