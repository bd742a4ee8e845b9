package io.coinfer.cli.splitnn;

import ai.djl.engine.Engine;
import io.coinfer.splitnn.codec.CodecInfo;
import io.coinfer.splitnn.codec.CodecSpec;
import io.coinfer.splitnn.codec.FeatureCodec;
import io.coinfer.splitnn.data.DataSpec;
import io.coinfer.splitnn.data.DataSplit;
import io.coinfer.splitnn.model.DjlSplitModel;
import io.coinfer.splitnn.model.SplitModel;
import io.coinfer.splitnn.store.ModelManifest;
import io.coinfer.splitnn.store.ModelStore;
import io.coinfer.splitnn.train.CodecTrainer;
import io.coinfer.splitnn.train.Distillation;
import io.coinfer.splitnn.train.EpochStats;
import io.coinfer.splitnn.train.PcaWarmStart;
import io.coinfer.splitnn.train.TrainSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code coinfer train-codec}: trains the autoencoder codec at partition points with the backbone
 * frozen (smooth-L1 reconstruction + gamma x cross-entropy), optionally followed by fine-tuning
 * backbone and codec together.
 */
@Command(
    name = "train-codec",
    mixinStandardHelpOptions = true,
    description = "Train the feature codec of a stored model at points 1..4.")
public final class TrainCodecCommand implements Callable<Integer> {

  @Option(names = "--model", required = true, description = "model id or model folder")
  String model;

  @Option(names = "--point", defaultValue = "all", description = "'all' or a list such as 1,3")
  String points;

  @Option(names = "--shrink", description = "channel shrink factor (default: the paper's rate)")
  Integer shrink;

  @Option(names = "--bits", description = "bits per code value (default 8)")
  Integer bits;

  @Option(names = "--gamma", defaultValue = "0.1", description = "weight of the task loss")
  float gamma;

  @Option(names = "--epochs", defaultValue = "3", description = "codec training epochs")
  int epochs;

  @Option(names = "--lr", defaultValue = "0.001", description = "Adam learning rate of the codec")
  float learningRate;

  @Option(
      names = "--cosine",
      description = "decay both learning rates to 0 along a half cosine over each run")
  boolean cosine;

  @Option(
      names = "--pca-init",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "start the codec from the feature's principal components (default on)")
  boolean pcaInit;

  @Option(names = "--finetune", description = "then fine-tune backbone and codec together")
  boolean finetune;

  @Option(names = "--finetune-epochs", defaultValue = "2", description = "fine-tuning epochs")
  int finetuneEpochs;

  @Option(
      names = "--finetune-lr",
      defaultValue = "0.0003",
      description = "Adam learning rate of fine-tuning (default 3e-4)")
  float finetuneLearningRate;

  @Option(
      names = "--finetune-scope",
      defaultValue = "tail",
      description =
          "tail: codec + the segments after the point, head frozen (default); all: whole backbone")
  String finetuneScope;

  @Option(
      names = "--finetune-bn",
      defaultValue = "train",
      description =
          "train: batch norm of the fine-tuned segments uses batch statistics and updates its"
              + " running statistics (default); frozen: keeps the stored running statistics")
  String finetuneBatchNorm;

  @Option(
      names = "--distill",
      defaultValue = "0",
      description =
          "weight in [0, 1] of distilling the stored backbone's logits into the fine-tuned tail:"
              + " loss = (1 - w) CE + w T^2 KL (default 0: labels only)")
  float distillWeight;

  @Option(
      names = "--distill-temperature",
      defaultValue = "4",
      description = "softmax temperature T of --distill (default 4)")
  float distillTemperature;

  @Option(names = "--batch-size", defaultValue = "32", description = "minibatch size")
  int batchSize;

  @Option(names = "--seed", defaultValue = "1", description = "seed")
  long seed;

  @Option(
      names = "--max-batches",
      defaultValue = "0",
      description = "cap batches per epoch (0: all)")
  int maxBatches;

  @Mixin DataOptions dataOptions = new DataOptions();

  @Option(names = "--format", defaultValue = "text", description = "text or json")
  OutputFormat format;

  @Override
  public Integer call() throws Exception {
    Path dir = ModelStore.fromEnvironment().locate(model);
    ModelManifest manifest = ModelStore.readManifest(dir);
    if (finetune && !ModelManifest.DJL.equals(manifest.format())) {
      throw new IllegalArgumentException(
          "--finetune needs a built-in model; " + manifest.modelId() + " is imported TorchScript");
    }
    if (distillWeight < 0 || distillWeight > 1) {
      throw new IllegalArgumentException("--distill must be in [0, 1], was " + distillWeight);
    }
    if (distillWeight > 0 && !finetune) {
      throw new IllegalArgumentException("--distill applies to fine-tuning: add --finetune");
    }
    CodecTrainer.FinetuneScope tuneScope = scope();
    boolean tuneBatchNorm = batchNormTraining();
    DataSpec spec = dataOptions.resolve(manifest.provenance());
    System.err.println("loading data " + spec.source() + " at " + spec.imageSize() + " px");
    DataSplit data = spec.load();
    CsvLog log = new CsvLog(dir.resolve("codec-log.csv"));
    List<Row> rows = new ArrayList<>();
    for (int point : ModelArgs.points(points)) {
      Engine.getInstance().setRandomSeed((int) (seed * 10 + point));
      try (SplitModel net = ModelStore.open(dir);
          SplitModel teacher = distillWeight > 0 ? ModelStore.open(dir) : null;
          FeatureCodec codec = new FeatureCodec(info(manifest, dir, net, point))) {
        if (pcaInit) {
          System.err.println("point " + point + ": PCA warm start");
          PcaWarmStart.apply(net, codec, data.train(), 512);
        }
        TrainSettings codecSettings =
            new TrainSettings(epochs, batchSize, learningRate, 0, seed, maxBatches, true, cosine);
        List<EpochStats> history =
            new ArrayList<>(
                CodecTrainer.train(
                    net,
                    codec,
                    data,
                    gamma,
                    codecSettings,
                    new EpochProgress("codec p" + point, epochs, point, log)));
        DjlSplitModel tuned = null;
        if (finetune) {
          tuned = (DjlSplitModel) net;
          TrainSettings tuneSettings =
              new TrainSettings(
                  finetuneEpochs,
                  batchSize,
                  finetuneLearningRate,
                  0,
                  seed + 1,
                  maxBatches,
                  true,
                  cosine);
          history.addAll(
              CodecTrainer.finetune(
                  tuned,
                  codec,
                  data,
                  tuneScope,
                  tuneBatchNorm,
                  tuneSettings,
                  teacher == null
                      ? null
                      : new Distillation(teacher, distillWeight, distillTemperature),
                  new EpochProgress("finetune p" + point, finetuneEpochs, point, log)));
        }
        ModelStore.saveCodec(dir, codec, tuned);
        // the last epoch's test pass already went through the codec the way eval-codec does
        double top1 = history.get(history.size() - 1).testTop1();
        CodecInfo info = codec.info();
        rows.add(
            new Row(
                point,
                info.codecId(),
                info.codecVersion(),
                info.spec().shrink(),
                info.spec().bits(),
                info.spec().compressionRate(),
                tuned != null,
                top1));
      }
    }
    StringBuilder text = new StringBuilder("point codec                         rate   top1\n");
    for (Row r : rows) {
      text.append(
          String.format(
              Locale.ROOT,
              "%5d %-28s %6.0f %6.2f%%%s%n",
              r.point(),
              r.codecId() + " v" + r.codecVersion(),
              r.compressionRate(),
              100 * r.top1Codec(),
              r.finetuned() ? " (fine-tuned)" : ""));
    }
    format.print(rows, text.toString().stripTrailing());
    return 0;
  }

  private CodecTrainer.FinetuneScope scope() {
    return switch (finetuneScope) {
      case "tail" -> CodecTrainer.FinetuneScope.TAIL;
      case "all" -> CodecTrainer.FinetuneScope.ALL;
      default ->
          throw new IllegalArgumentException(
              "--finetune-scope must be tail or all, was " + finetuneScope);
    };
  }

  private boolean batchNormTraining() {
    return switch (finetuneBatchNorm) {
      case "train" -> true;
      case "frozen" -> false;
      default ->
          throw new IllegalArgumentException(
              "--finetune-bn must be train or frozen, was " + finetuneBatchNorm);
    };
  }

  private CodecInfo info(ModelManifest manifest, Path dir, SplitModel net, int point)
      throws java.io.IOException {
    long[] shape = net.featureShape(point).getShape();
    int channels = (int) shape[0];
    CodecSpec defaults =
        ModelManifest.DJL.equals(manifest.format())
            ? CodecSpec.paperDefault(
                io.coinfer.splitnn.model.Architecture.of(manifest.architecture()), point, channels)
            : CodecSpec.ofRate(point, channels, CodecSpec.DEFAULT_RATE);
    CodecSpec spec =
        new CodecSpec(
            point,
            channels,
            shrink != null ? shrink : defaults.shrink(),
            bits != null ? bits : defaults.bits());
    int version = ModelStore.codecInfo(dir, point).map(CodecInfo::codecVersion).orElse(0) + 1;
    return new CodecInfo(
        manifest.modelId(),
        CodecInfo.defaultId(manifest.modelId(), point),
        version,
        spec,
        List.of(channels, (int) shape[1], (int) shape[2]),
        false);
  }

  /** One trained codec. */
  record Row(
      int point,
      String codecId,
      int codecVersion,
      int shrink,
      int bits,
      double compressionRate,
      boolean finetuned,
      double top1Codec) {}
}
