package io.coinfer.cli.splitnn;

import ai.djl.engine.Engine;
import io.coinfer.splitnn.data.DataSpec;
import io.coinfer.splitnn.data.DataSplit;
import io.coinfer.splitnn.model.Architecture;
import io.coinfer.splitnn.model.DjlSplitModel;
import io.coinfer.splitnn.model.InputSpec;
import io.coinfer.splitnn.store.ModelManifest;
import io.coinfer.splitnn.store.ModelStore;
import io.coinfer.splitnn.train.BackboneTrainer;
import io.coinfer.splitnn.train.EpochStats;
import io.coinfer.splitnn.train.TrainSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code coinfer train-backbone}: trains a built-in network and stores it in the model cache. */
@Command(
    name = "train-backbone",
    mixinStandardHelpOptions = true,
    description = "Train vgg11/resnet18/mobilenetv2 on an ImageFolder or the synthetic set.")
public final class TrainBackboneCommand implements Callable<Integer> {

  @Option(names = "--model", required = true, description = "vgg11, resnet18 or mobilenetv2")
  String architecture;

  @Mixin DataOptions dataOptions = new DataOptions();

  @Option(names = "--epochs", defaultValue = "5", description = "epochs (default ${DEFAULT-VALUE})")
  int epochs;

  @Option(names = "--batch-size", defaultValue = "32", description = "minibatch size")
  int batchSize;

  @Option(names = "--lr", defaultValue = "0.001", description = "Adam learning rate")
  float learningRate;

  @Option(
      names = "--cosine",
      description = "decay the learning rate to 0 along a half cosine over the run")
  boolean cosine;

  @Option(names = "--weight-decay", defaultValue = "0.0001", description = "L2 weight decay")
  float weightDecay;

  @Option(names = "--seed", defaultValue = "1", description = "seed of weights and batch order")
  long seed;

  @Option(
      names = "--max-batches",
      defaultValue = "0",
      description = "cap batches per epoch (0: all)")
  int maxBatches;

  @Option(
      names = "--id",
      description = "model id (default <model>-<data>-<size>, e.g. resnet18-synthetic-64)")
  String id;

  @Option(names = "--out", description = "model folder (default $COINFER_HOME/models/<id>)")
  Path out;

  @Option(names = "--format", defaultValue = "text", description = "text or json")
  OutputFormat format;

  @Override
  public Integer call() throws Exception {
    Architecture arch = Architecture.of(architecture);
    DataSpec spec = dataOptions.resolve(Map.of());
    String modelId =
        id != null
            ? id
            : arch.id()
                + "-"
                + (DataSpec.SYNTHETIC.equals(spec.source())
                    ? "synthetic"
                    : Path.of(spec.source()).getFileName().toString())
                + "-"
                + spec.imageSize();
    Path dir = out != null ? out : ModelStore.fromEnvironment().modelDir(modelId);
    System.err.println("loading data " + spec.source() + " at " + spec.imageSize() + " px");
    DataSplit data = spec.load();
    Engine.getInstance().setRandomSeed((int) seed);
    TrainSettings settings =
        new TrainSettings(
            epochs, batchSize, learningRate, weightDecay, seed, maxBatches, true, cosine);
    CsvLog log = new CsvLog(dir.resolve("train-log.csv"));
    try (DjlSplitModel model =
        DjlSplitModel.create(
            modelId, arch, InputSpec.rgb(spec.imageSize()), data.train().classes())) {
      System.err.printf(
          "training %s on %d images (%d test), %d classes%n",
          modelId, data.train().count(), data.test().count(), data.train().classes().size());
      List<EpochStats> history =
          BackboneTrainer.train(
              model, data, settings, new EpochProgress("backbone", epochs, 5, log));
      double top1 = history.get(history.size() - 1).testTop1();
      model.saveParameters(dir.resolve(ModelStore.BACKBONE));
      Map<String, String> provenance = new HashMap<>(spec.toProvenance());
      provenance.put("trainedAt", Instant.now().toString());
      provenance.put("epochs", Integer.toString(epochs));
      provenance.put("seed", Long.toString(seed));
      provenance.put("batchSize", Integer.toString(batchSize));
      provenance.put("learningRate", Float.toString(learningRate));
      provenance.put("cosine", Boolean.toString(cosine));
      provenance.put("testTop1", String.format(Locale.ROOT, "%.4f", top1));
      List<ModelManifest.PointShape> points = new ArrayList<>();
      for (int k = 1; k <= 4; k++) {
        long[] s = model.featureShape(k).getShape();
        points.add(new ModelManifest.PointShape(k, List.of((int) s[0], (int) s[1], (int) s[2])));
      }
      ModelStore.writeManifest(
          dir,
          new ModelManifest(
              ModelManifest.FORMAT_VERSION,
              modelId,
              ModelManifest.DJL,
              arch.id(),
              model.input(),
              model.labels(),
              points,
              provenance));
      Result result = new Result(modelId, dir.toString(), top1, history);
      format.print(
          result,
          String.format(
              Locale.ROOT, "%s: test top-1 %.2f%%, saved in %s", modelId, 100 * top1, dir));
    }
    return 0;
  }

  /** What the command prints. */
  record Result(String modelId, String dir, double testTop1, List<EpochStats> epochs) {}
}
