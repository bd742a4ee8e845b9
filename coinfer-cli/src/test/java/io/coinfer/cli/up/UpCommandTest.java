package io.coinfer.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class UpCommandTest {

  @Test
  void shouldRefuseToRunAFleetForever() {
    assertThat(refusal("--duration", "0")).contains("--duration 0 (until Ctrl-C) needs --no-fleet");
  }

  @Test
  void shouldRefuseANegativeBeta() {
    assertThat(refusal("--beta", "-1")).contains("--beta must be a finite number >= 0, got -1.0");
  }

  @Test
  void shouldRefuseTwoServicesOnOnePort() {
    assertThat(refusal("--gateway-port", "8081"))
        .contains("orchestrator and gateway would share port 8081");
  }

  /** Runs {@code coinfer up} with the arguments, checks that it fails, and returns its stderr. */
  private static String refusal(String... args) {
    StringWriter err = new StringWriter();
    CommandLine line = new CommandLine(new UpCommand());
    line.setErr(new PrintWriter(err, true));

    int code = line.execute(args);

    assertThat(code).isNotZero();
    return err.toString();
  }
}
