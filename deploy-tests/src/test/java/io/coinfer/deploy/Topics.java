package io.coinfer.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** The platform's topic names, read from the contracts module's topic catalogue. */
final class Topics {

  static final Path CATALOGUE =
      Repo.path("contracts/src/main/java/io/coinfer/contracts/Topics.java");

  private static final Pattern CONSTANT =
      Pattern.compile("public static final String \\w+ = \"(coinfer\\.[a-z.-]+)\";");

  private Topics() {}

  /** Every topic constant of {@code io.coinfer.contracts.Topics} (not the dead-letter topics). */
  static List<String> declared() {
    if (!Files.isRegularFile(CATALOGUE)) {
      throw new AssertionError("the topic catalogue is missing: " + CATALOGUE);
    }
    List<String> topics =
        CONSTANT.matcher(Repo.read(CATALOGUE)).results().map(m -> m.group(1)).toList();
    if (topics.isEmpty()) {
      throw new AssertionError("no topic constants found in " + CATALOGUE);
    }
    return topics;
  }
}
