package io.coinfer.cli.up;

import io.coinfer.cli.splitnn.TrainBackboneCommand;
import io.coinfer.cli.splitnn.TrainCodecCommand;
import io.coinfer.splitnn.store.ModelStore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/**
 * Makes sure the split model the services serve is in splitnn's model cache ({@code
 * $COINFER_HOME/models}, default {@code ~/.coinfer/models}): on first run it trains the backbone on
 * splitnn's synthetic data set and a codec at each of the points 1-4, each fine-tuned with its
 * tail, with splitnn's own {@code train-backbone} and {@code train-codec} (progress bars on
 * stderr); afterwards it finds them there.
 */
public final class ModelProvisioner {

  /**
   * resnet18's and vgg11's recipe. With {@link #TRAIN_PER_CLASS}, {@link #CODEC_EPOCHS} and {@link
   * #FINETUNE_EPOCHS} resnet18 reaches about 95 % test top-1, 69 % through the codec at point 1 and
   * 93-95 % through those at points 2-4, in about a minute and a half of first-run training on an
   * idle 2-core machine.
   */
  static final Recipe SMALL_IMAGES = new Recipe(32, 10, 0.001);

  /**
   * mobilenetv2's recipe: at 32x32 its stride-32 feature map is 1x1 and it stays near chance (11.5
   * % top-1 served by {@code up}); at 64x64 it learns, faster at the higher learning rate.
   */
  static final Recipe MOBILENETV2 = new Recipe(64, 20, 0.002);

  /** Synthetic training images per class. */
  static final int TRAIN_PER_CLASS = 200;

  /** Synthetic test images per class (the accuracy printed after each epoch). */
  static final int TEST_PER_CLASS = 50;

  /** Codec epochs per point on first run, the learning rate decayed along a half cosine. */
  static final int CODEC_EPOCHS = 2;

  /**
   * Epochs of fine-tuning each codec with the tail after it (point 1's codec, which squeezes the
   * most, goes from about 35 % to 69 % test top-1 with them).
   */
  static final int FINETUNE_EPOCHS = 2;

  private ModelProvisioner() {}

  /**
   * How the first run trains a model family's backbone.
   *
   * @param imageSize image side the model is trained and served at, pixels
   * @param backboneEpochs backbone epochs, the learning rate decayed along a half cosine
   * @param learningRate the backbone's Adam learning rate at the start
   */
  record Recipe(int imageSize, int backboneEpochs, double learningRate) {}

  /**
   * The first-run recipe of a model family.
   *
   * @param family the model family (splitnn's architecture id), e.g. {@code resnet18}
   * @return its recipe
   */
  static Recipe recipe(String family) {
    return family.startsWith("mobilenetv2") ? MOBILENETV2 : SMALL_IMAGES;
  }

  /**
   * The image side a model family is trained and served at, the size the fleet's UEs submit.
   *
   * @param family the model family
   * @return pixels
   */
  public static int imageSize(String family) {
    return recipe(family).imageSize();
  }

  /**
   * The model id of a model family, as {@code train-backbone} names it.
   *
   * @param family the model family (splitnn's architecture id), e.g. {@code resnet18}
   * @return e.g. {@code resnet18-synthetic-32}
   */
  static String modelId(String family) {
    return family + "-synthetic-" + imageSize(family);
  }

  /**
   * Whether the model and its codecs at points 1-4 are in the store.
   *
   * @param store the model store
   * @param family the model family
   * @return true when nothing needs training
   */
  static boolean cached(ModelStore store, String family) {
    Path dir = store.modelDir(modelId(family));
    if (!Files.isRegularFile(dir.resolve(ModelStore.MANIFEST))) {
      return false;
    }
    try {
      for (int point = 1; point <= 4; point++) {
        if (ModelStore.codecInfo(dir, point).isEmpty()) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the cached model in " + dir, e);
    }
  }

  /**
   * Trains what is missing.
   *
   * @param store the model store (its home must be the one the training commands use, {@code
   *     $COINFER_HOME} or {@code ~/.coinfer})
   * @param family the model family (splitnn's architecture id): the net's own, e.g. {@code
   *     resnet18}, or a smaller one such as {@code resnet18-narrow}
   * @param log where to say what happens
   * @return the model id
   * @throws IllegalStateException when training fails
   */
  public static String ensure(ModelStore store, String family, PrintStream log) {
    String id = modelId(family);
    if (cached(store, family)) {
      log.println("model " + id + " found in " + store.modelDir(id));
      return id;
    }
    log.println(
        "model "
            + id
            + " is not in "
            + store.home()
            + ": training it once (backbone, then a"
            + " codec at points 1-4), it will be cached");
    if (!Files.isRegularFile(store.modelDir(id).resolve(ModelStore.MANIFEST))) {
      Recipe recipe = recipe(family);
      run(
          new TrainBackboneCommand(),
          List.of(
              "--model",
              family,
              "--data",
              "synthetic",
              "--image-size",
              Integer.toString(recipe.imageSize()),
              "--train-per-class",
              Integer.toString(TRAIN_PER_CLASS),
              "--test-per-class",
              Integer.toString(TEST_PER_CLASS),
              "--epochs",
              Integer.toString(recipe.backboneEpochs()),
              "--lr",
              Double.toString(recipe.learningRate()),
              "--cosine",
              "--id",
              id));
    }
    run(
        new TrainCodecCommand(),
        List.of(
            "--model",
            id,
            "--point",
            "all",
            "--epochs",
            Integer.toString(CODEC_EPOCHS),
            "--cosine",
            "--finetune",
            "--finetune-epochs",
            Integer.toString(FINETUNE_EPOCHS)));
    if (!cached(store, family)) {
      throw new IllegalStateException(
          "training finished but " + store.modelDir(id) + " still lacks the model or a codec");
    }
    return id;
  }

  private static void run(Object command, List<String> args) {
    CommandLine line = new CommandLine(command);
    line.setOut(new java.io.PrintWriter(System.err, true));
    int code = line.execute(args.toArray(String[]::new));
    if (code != 0) {
      throw new IllegalStateException(
          "training failed: "
              + line.getCommandName()
              + " "
              + String.join(" ", args)
              + " exited with "
              + code);
    }
  }
}
