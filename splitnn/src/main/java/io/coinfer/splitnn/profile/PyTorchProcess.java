package io.coinfer.splitnn.profile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * PyTorch's side of {@link SplitBench}: {@code splitnn/scripts/bench_torch.py} running as a child
 * process that loads a package's modules once and times them on request (one line {@code "head_1
 * 5"} in, one line of milliseconds out). Its standard error goes to this process's.
 */
public final class PyTorchProcess implements SplitBench.Runner, AutoCloseable {

  private final Process process;
  private final BufferedReader out;
  private final Writer in;
  private final Info info;

  /**
   * What the script reports when it has loaded the package.
   *
   * @param torchVersion {@code torch.__version__}
   * @param threads intra-op threads
   * @param mkldnn whether oneDNN ({@code torch.backends.mkldnn}) is enabled
   */
  public record Info(String torchVersion, int threads, boolean mkldnn) {}

  private PyTorchProcess(Process process) throws IOException {
    this.process = process;
    this.out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    JsonNode ready = JsonMapper.builder().build().readTree(readLine("loading the package"));
    this.info =
        new Info(
            ready.get("torch").asString(),
            ready.get("threads").asInt(),
            ready.get("mkldnn").asBoolean());
  }

  /**
   * Starts the script and waits until it has loaded the package.
   *
   * @param command the interpreter, the script, the package folder and the script's options
   * @throws IOException if the script cannot start or exits before it is ready
   */
  public static PyTorchProcess start(List<String> command) throws IOException {
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      return new PyTorchProcess(process);
    } catch (IOException | RuntimeException e) {
      process.destroy();
      throw e;
    }
  }

  /** The script's report of its PyTorch. */
  public Info info() {
    return info;
  }

  @Override
  public double[] timeMs(SplitBench.Module module, int runs) throws IOException {
    in.write(module.name() + " " + runs + "\n");
    in.flush();
    String line = readLine("timing " + module.name());
    return Arrays.stream(line.trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
  }

  private String readLine(String doing) throws IOException {
    String line = out.readLine();
    if (line == null) {
      throw new IOException(
          "the PyTorch benchmark script exited while "
              + doing
              + " (see its error above; is python3-torch installed?)");
    }
    return line;
  }

  /** Ends the script (end of its input), killing it if it has not exited within 10 s. */
  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      // the script has exited already: nothing to end
    }
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
