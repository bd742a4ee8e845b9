package io.coinfer.cli.splitnn;

import io.coinfer.splitnn.store.ModelStore;
import io.coinfer.splitnn.torchscript.ModelImporter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code coinfer import-model}: validates a TorchScript model package and registers it. */
@Command(
    name = "import-model",
    mixinStandardHelpOptions = true,
    description = "Validate a TorchScript model package (head_k/tail_k/full.pt) and register it.")
public final class ImportModelCommand implements Callable<Integer> {

  @Parameters(index = "0", description = "the package folder (with manifest.json)")
  Path dir;

  @Option(names = "--format", defaultValue = "text", description = "text or json")
  OutputFormat format;

  @Override
  public Integer call() throws Exception {
    List<ModelImporter.PointCheck> checks = ModelImporter.validate(dir);
    Path target = ModelImporter.register(dir, ModelStore.fromEnvironment());
    StringBuilder text = new StringBuilder();
    for (ModelImporter.PointCheck c : checks) {
      text.append(
          String.format(
              Locale.ROOT,
              "point %d: feature %s, max |split - full| = %.2e%n",
              c.point(),
              c.featureShape(),
              c.maxAbsDifference()));
    }
    text.append("registered as ").append(target);
    format.print(new Result(target.toString(), checks), text.toString());
    return 0;
  }

  /** What the command prints. */
  record Result(String registeredAt, List<ModelImporter.PointCheck> points) {}
}
