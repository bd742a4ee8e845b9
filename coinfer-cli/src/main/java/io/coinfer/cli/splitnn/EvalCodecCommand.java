package io.coinfer.cli.splitnn;

import io.coinfer.splitnn.codec.FeatureCodec;
import io.coinfer.splitnn.data.DataSplit;
import io.coinfer.splitnn.model.SplitModel;
import io.coinfer.splitnn.store.ModelManifest;
import io.coinfer.splitnn.store.ModelStore;
import io.coinfer.splitnn.train.Evaluator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code coinfer eval-codec}: top-1 accuracy with and without the stored codec at every point,
 * going the deployed way (head, encoder, quantiser, wire message, strict reader, decoder, tail).
 */
@Command(
    name = "eval-codec",
    mixinStandardHelpOptions = true,
    description = "Evaluate the stored codecs of a model: payload, rate, accuracy drop, timings.")
public final class EvalCodecCommand implements Callable<Integer> {

  @Option(names = "--model", required = true, description = "model id or model folder")
  String model;

  @Option(names = "--point", defaultValue = "all", description = "'all' or a list such as 1,3")
  String points;

  @Mixin DataOptions dataOptions = new DataOptions();

  @Option(names = "--format", defaultValue = "text", description = "text or json")
  OutputFormat format;

  @Override
  public Integer call() throws Exception {
    Path dir = ModelStore.fromEnvironment().locate(model);
    ModelManifest manifest = ModelStore.readManifest(dir);
    DataSplit data = dataOptions.resolve(manifest.provenance()).load();
    double top1Stored;
    try (SplitModel net = ModelStore.open(dir)) {
      top1Stored = Evaluator.top1(net, data.test());
    }
    List<Row> rows = new ArrayList<>();
    List<Integer> wanted = ModelArgs.points(points);
    try (ProgressBar bar = new ProgressBar("eval-codec")) {
      for (int i = 0; i < wanted.size(); i++) {
        int point = wanted.get(i);
        bar.update(i, wanted.size(), "point " + point);
        Optional<FeatureCodec> stored = ModelStore.openCodec(dir, point);
        if (stored.isEmpty()) {
          System.err.println("\nno codec at point " + point + " (run train-codec); skipped");
          continue;
        }
        try (FeatureCodec codec = stored.get();
            SplitModel net = ModelStore.open(dir, point)) {
          // the drop compares the deployed codec path with the stored backbone run whole: a
          // fine-tuned tail has adapted to the decoded feature, so the fine-tuned backbone without
          // codec (top1Base, printed for reference) is not what a device would otherwise run
          double base =
              ModelStore.codecDir(dir, point).resolve(ModelStore.BACKBONE).toFile().isFile()
                  ? Evaluator.top1(net, data.test())
                  : top1Stored;
          Evaluator.Result r = Evaluator.top1WithCodec(net, codec, data.test());
          rows.add(
              new Row(
                  point,
                  codec.info().payloadBytes(),
                  codec.info().spec().compressionRate(),
                  top1Stored,
                  base,
                  r.top1(),
                  100 * (top1Stored - r.top1()),
                  r.encodeMsPerImage(),
                  r.decodeMsPerImage()));
        }
      }
      bar.done("done");
    }
    StringBuilder text =
        new StringBuilder(
            "point payloadBytes rate top1Stored  top1Base top1Codec top1Drop(pts) encodeMs"
                + " decodeMs\n");
    for (Row r : rows) {
      text.append(
          String.format(
              Locale.ROOT,
              "%5d %12d %5.0f %9.2f%% %8.2f%% %8.2f%% %13.2f %8.3f %8.3f%n",
              r.point(),
              r.payloadBytes(),
              r.compressionRate(),
              100 * r.top1Stored(),
              100 * r.top1Base(),
              100 * r.top1Codec(),
              r.top1Drop(),
              r.encodeMs(),
              r.decodeMs()));
    }
    format.print(rows, text.toString().stripTrailing());
    return 0;
  }

  /**
   * One point's figures.
   *
   * @param point partition point
   * @param payloadBytes packed code bytes per image (without the wire header)
   * @param compressionRate rate against the fp32 feature
   * @param top1Stored top-1 of the stored backbone ({@code backbone.params}) without codec, in [0,
   *     1]
   * @param top1Base top-1 without codec of the backbone the codec path runs: the one fine-tuned
   *     with this point's codec if it was fine-tuned, else the stored one, in [0, 1]
   * @param top1Codec top-1 through the codec (with that same backbone), in [0, 1]
   * @param top1Drop {@code top1Stored - top1Codec} in percentage points: what splitting with this
   *     codec costs against running the stored network whole
   * @param encodeMs milliseconds per image for encoder + quantiser + serialisation
   * @param decodeMs milliseconds per image for parsing + dequantiser + decoder
   */
  record Row(
      int point,
      int payloadBytes,
      double compressionRate,
      double top1Stored,
      double top1Base,
      double top1Codec,
      double top1Drop,
      double encodeMs,
      double decodeMs) {}
}
