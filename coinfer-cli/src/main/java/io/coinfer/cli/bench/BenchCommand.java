package io.coinfer.cli.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code coinfer bench}: the platform's benchmarks, one sub-command each. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks of the running platform.",
    subcommands = {LoadCommand.class})
public final class BenchCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
