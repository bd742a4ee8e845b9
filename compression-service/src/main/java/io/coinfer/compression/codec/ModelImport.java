package io.coinfer.compression.codec;

import io.coinfer.contracts.api.CodecView;
import io.coinfer.contracts.splitnn.SplitModels;
import io.coinfer.contracts.web.Problems;
import io.coinfer.splitnn.runtime.SplitRuntime;
import io.coinfer.splitnn.store.ModelManifest;
import io.coinfer.splitnn.store.ModelStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.springframework.stereotype.Service;

/**
 * Imports a model package: a zip of a splitnn model folder ({@code manifest.json}, weights, {@code
 * codecs/p<k>/}) is unpacked into the model store under its model id, after checking every entry
 * (no absolute paths or {@code ..}, at most {@link #MAX_ENTRIES} entries and the configured bytes
 * in all) and that splitnn opens it. The imported model is served after a net is configured to it.
 */
@Service
class ModelImport {

  /** The most entries a package may hold. */
  static final int MAX_ENTRIES = 1000;

  private final SplitModels models;

  ModelImport(SplitModels models) {
    this.models = models;
  }

  /**
   * Imports a package.
   *
   * @param zip the package
   * @param maxBytes the most bytes its entries may hold together
   * @return the model's codecs
   */
  List<CodecView> importPackage(byte[] zip, long maxBytes) {
    Path staging;
    try {
      Files.createDirectories(models.store().home().resolve("models"));
      staging = Files.createTempDirectory(models.store().home().resolve("models"), ".import-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      unzip(zip, staging, maxBytes);
      ModelManifest manifest;
      try {
        manifest = ModelStore.readManifest(staging);
      } catch (IOException | RuntimeException e) {
        throw Problems.badRequest("the package has no valid manifest.json: " + e.getMessage());
      }
      try (SplitRuntime runtime = SplitRuntime.open(staging)) {
        runtime.labels();
      } catch (IOException | RuntimeException e) {
        throw Problems.badRequest("splitnn cannot open the package: " + e.getMessage());
      }
      Path target = models.store().modelDir(manifest.modelId());
      if (Files.exists(target)) {
        throw Problems.conflict("model " + manifest.modelId() + " already exists in the store");
      }
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      return codecs(manifest, target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(staging);
    }
  }

  private static List<CodecView> codecs(ModelManifest manifest, Path dir) throws IOException {
    List<CodecView> codecs = new ArrayList<>();
    for (int point = 1; point <= 4; point++) {
      var info = ModelStore.codecInfo(dir, point);
      if (info.isPresent()) {
        codecs.add(CodecController.view(null, info.get()));
      }
    }
    return codecs;
  }

  private static void unzip(byte[] zip, Path dir, long maxBytes) throws IOException {
    long total = 0;
    int entries = 0;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        if (++entries > MAX_ENTRIES) {
          throw Problems.badRequest("the package has more than " + MAX_ENTRIES + " entries");
        }
        Path target = dir.resolve(entry.getName()).normalize();
        if (!target.startsWith(dir) || Path.of(entry.getName()).isAbsolute()) {
          throw Problems.badRequest("the package entry " + entry.getName() + " escapes its folder");
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
          continue;
        }
        Files.createDirectories(target.getParent());
        total += copyBounded(in, target, maxBytes - total);
      }
    }
    if (entries == 0) {
      throw Problems.badRequest("the body is not a zip package or is empty");
    }
  }

  private static long copyBounded(InputStream in, Path target, long budget) throws IOException {
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, budget + 1));
    if (bytes.length > budget) {
      throw Problems.tooLarge("the package unpacks to more than the allowed bytes");
    }
    Files.write(target, bytes);
    return bytes.length;
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover staging folder is named .import-* and harmless
    }
  }
}
