package io.coinfer.mahppo.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The git commit of the working directory, for provenance. */
final class GitCommit {

  private GitCommit() {}

  /** The current {@code HEAD} (with {@code -dirty} if the tree has changes), or {@code unknown}. */
  static String current() {
    try {
      String head = run("git", "rev-parse", "HEAD");
      if (head.isEmpty()) {
        return "unknown";
      }
      String status = run("git", "status", "--porcelain", "--untracked-files=no");
      return status.isEmpty() ? head : head + "-dirty";
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
      return "";
    }
    return new String(out, StandardCharsets.UTF_8).trim();
  }
}
