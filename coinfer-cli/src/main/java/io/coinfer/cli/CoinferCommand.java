package io.coinfer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one {@code coinfer} command. Each sub-command lives in the package of its feature and is
 * registered here.
 */
@Command(
    name = "coinfer",
    mixinStandardHelpOptions = true,
    version = "coinfer 0.1.0",
    description = "Multi-agent collaborative DNN inference at the edge.",
    subcommands = {
      CommandLine.HelpCommand.class,
      io.coinfer.cli.up.UpCommand.class,
      io.coinfer.cli.simulate.SimulateCommand.class,
      io.coinfer.cli.token.TokenCommand.class,
      io.coinfer.cli.bench.BenchCommand.class,
      io.coinfer.cli.evaluate.EvaluateCommand.class,
      io.coinfer.cli.train.TrainPolicyCommand.class,
      io.coinfer.cli.splitnn.TrainBackboneCommand.class,
      io.coinfer.cli.splitnn.TrainCodecCommand.class,
      io.coinfer.cli.splitnn.EvalCodecCommand.class,
      io.coinfer.cli.splitnn.InferCommand.class,
      io.coinfer.cli.splitnn.ProfileCommand.class,
      io.coinfer.cli.splitnn.ImportModelCommand.class,
      io.coinfer.cli.splitnn.BenchSplitCommand.class
    })
public final class CoinferCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /**
   * Runs the command line and exits with its code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(new CommandLine(new CoinferCommand()).execute(args));
  }
}
