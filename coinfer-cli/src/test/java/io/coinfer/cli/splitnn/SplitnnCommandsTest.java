package io.coinfer.cli.splitnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.coinfer.cli.CoinferCommand;
import io.coinfer.mec.profile.DeviceProfile;
import io.coinfer.mec.profile.DeviceProfiles;
import io.coinfer.mec.profile.Net;
import io.coinfer.splitnn.data.DataSpec;
import io.coinfer.splitnn.data.DataSplit;
import io.coinfer.splitnn.model.SplitModel;
import io.coinfer.splitnn.profile.CpuAffinity;
import io.coinfer.splitnn.store.ModelStore;
import io.coinfer.splitnn.train.Evaluator;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SplitnnCommandsTest {

  private static String run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      int code = new CommandLine(new CoinferCommand()).execute(args);
      assertThat(code).as("exit code of %s", String.join(" ", args)).isZero();
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void shouldTrainEvaluateAndInferThroughTheCommandsWhenCappedToAFewBatches(@TempDir Path tmp)
      throws Exception {
    // Given a backbone trained for two minibatches on a tiny synthetic set
    Path model = tmp.resolve("m");
    String data = "--data=synthetic --image-size=16 --train-per-class=2 --test-per-class=1";
    run(
        ("train-backbone --model resnet18 --epochs 1 --batch-size 8 --max-batches 2 --out "
                + model
                + " "
                + data)
            .split(" "));
    assertThat(model.resolve("manifest.json")).exists();
    assertThat(Files.readString(model.resolve("train-log.csv"))).startsWith(CsvLog.HEADER);
    // When a codec is trained and fine-tuned at point 3, evaluated, and used for inference
    run(
        ("train-codec --model "
                + model
                + " --point 3 --epochs 1 --batch-size 8 --max-batches 1"
                + " --finetune --finetune-epochs 1")
            .split(" "));
    String eval =
        run("eval-codec", "--model", model.toString(), "--point", "3", "--format", "json");
    Path png = tmp.resolve("x.png");
    ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
    String infer =
        run(
            "infer",
            "--model",
            model.toString(),
            "--point",
            "3",
            "--codec",
            "default",
            "--image",
            png.toString(),
            "--format",
            "json");
    // Then the results carry the figures the README tables are made of
    assertThat(eval)
        .contains(
            "\"point\" : 3", "\"payloadBytes\" : 16", "\"compressionRate\" : 64.0", "top1Drop");
    assertThat(model.resolve("codecs/p3/backbone.params")).exists();
    // And top1Base is the backbone fine-tuned with the codec, the drop is against the stored one
    JsonNode row = JsonMapper.builder().build().readTree(eval).get(0);
    DataSplit split = DataSpec.fromProvenance(ModelStore.readManifest(model).provenance()).load();
    try (SplitModel tuned = ModelStore.open(model, 3);
        SplitModel stored = ModelStore.open(model)) {
      assertThat(row.get("top1Base").asDouble()).isEqualTo(Evaluator.top1(tuned, split.test()));
      assertThat(row.get("top1Stored").asDouble()).isEqualTo(Evaluator.top1(stored, split.test()));
    }
    assertThat(row.get("top1Drop").asDouble())
        .isCloseTo(
            100 * (row.get("top1Stored").asDouble() - row.get("top1Codec").asDouble()),
            org.assertj.core.data.Offset.offset(1e-9));
    assertThat(infer).contains("\"top5\"", "\"logits\"", "\"payloadBytes\"");
  }

  @Test
  void shouldFinetuneWithDistillationFromTheStoredBackboneAndRefuseItWithoutFinetuning(
      @TempDir Path tmp) {
    // Given a stored backbone trained for one minibatch
    Path model = tmp.resolve("m");
    String data = "--data=synthetic --image-size=16 --train-per-class=2 --test-per-class=1";
    run(
        ("train-backbone --model resnet18 --epochs 1 --batch-size 8 --max-batches 1 --out "
                + model
                + " "
                + data)
            .split(" "));
    String codec = "train-codec --model " + model + " --point 4 --epochs 1 --batch-size 8";
    // When the codec fine-tunes with half of its loss from the stored backbone's logits
    String json =
        run((codec + " --max-batches 1 --finetune --distill 0.5 --format json").split(" "));
    // Then the fine-tuned codec and backbone are stored
    assertThat(json).contains("\"point\" : 4", "\"finetuned\" : true");
    assertThat(model.resolve("codecs/p4/backbone.params")).exists();
    // And --distill without --finetune, or outside [0, 1], is refused
    assertThat(new CommandLine(new CoinferCommand()).execute((codec + " --distill 0.5").split(" ")))
        .isNotZero();
    assertThat(
            new CommandLine(new CoinferCommand())
                .execute((codec + " --finetune --distill 1.5").split(" ")))
        .isNotZero();
  }

  @Test
  void shouldWriteAProfileThatTheSimulatorLoads(@TempDir Path tmp) {
    // When resnet18 is profiled at a small size with one timed run per step
    Path csv = tmp.resolve("profile.csv");
    run(
        "profile",
        "--model",
        "resnet18",
        "--image-size",
        "32",
        "--repeats",
        "1",
        "--out",
        csv.toString());
    // Then mec-core reads it, with the paper's rates and edge times
    DeviceProfile profile = DeviceProfiles.load(csv);
    assertThat(profile.point(Net.RESNET18, 1).compressionRate()).isEqualTo(64);
    assertThat(profile.point(Net.RESNET18, 4).compressionRate()).isEqualTo(32);
    assertThat(profile.point(Net.RESNET18, 2).headSeconds()).isPositive();
    assertThat(profile.point(Net.RESNET18, 2).edgeTailSeconds()).isPresent();
  }

  @Test
  void shouldCompareDjlWithPyTorchOnTheSamePackageInInterleavedRounds() throws Exception {
    Path python = Path.of("/usr/bin/python3");
    assumeThat(
            Files.isExecutable(python)
                && new ProcessBuilder(python.toString(), "-c", "import torch")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start()
                        .waitFor()
                    == 0)
        .as("Debian's python3-torch")
        .isTrue();
    BitSet cpus = CpuAffinity.supported() ? CpuAffinity.currentThread() : null;
    // When the committed tiny TorchScript package is timed on both sides for two short rounds
    String json =
        run(
            "bench-split",
            "--package",
            "../splitnn/src/test/resources/torchscript/tiny-cnn",
            "--script",
            "../splitnn/scripts/bench_torch.py",
            "--warm-up",
            "3",
            "--rounds",
            "2",
            "--runs",
            "2",
            "--clock",
            "CPU",
            "--format",
            "json");
    // Then both engines' versions, the settings and a ratio per module and overall are reported
    JsonNode result = JsonMapper.builder().build().readTree(json);
    assertThat(result.get("libtorchVersion").asString()).isNotBlank();
    assertThat(result.get("djlThreads").asInt()).isEqualTo(1);
    assertThat(result.get("torch").get("torchVersion").asString()).isNotBlank();
    assertThat(result.get("torch").get("threads").asInt()).isEqualTo(1);
    assertThat(result.get("settings").get("rounds").asInt()).isEqualTo(2);
    assertThat(result.get("clock").asString()).isEqualTo("CPU");
    if (cpus != null) {
      // both sides were pinned to the last allowed CPU, and the pin was lifted afterwards
      assertThat(result.get("cpu").asInt()).isEqualTo(cpus.length() - 1);
      assertThat(CpuAffinity.currentThread()).isEqualTo(cpus);
    }
    JsonNode points = result.get("bench").get("points");
    assertThat(points).hasSize(4);
    for (JsonNode p : points) {
      for (String module : new String[] {"head", "tail"}) {
        JsonNode c = p.get(module);
        assertThat(c.get("ratio").asDouble())
            .isEqualTo(
                c.get("djlMs").get("median").asDouble()
                    / c.get("torchMs").get("median").asDouble());
      }
    }
    assertThat(result.get("bench").get("overallRatio").asDouble()).isPositive();
  }
}
