package io.coinfer.cli.up;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class UpCommandTest {

  @Test
  void shouldRefuseToRunAFleetForever() {
    StringWriter err = new StringWriter();
    CommandLine line = new CommandLine(new UpCommand());
    line.setErr(new PrintWriter(err, true));

    int code = line.execute("--duration", "0");

    assertThat(code).isNotZero();
    assertThat(err.toString()).contains("--duration 0 (until Ctrl-C) needs --no-fleet");
  }

  @Test
  void shouldRefuseANegativeBeta() {
    StringWriter err = new StringWriter();
    CommandLine line = new CommandLine(new UpCommand());
    line.setErr(new PrintWriter(err, true));

    int code = line.execute("--beta", "-1");

    assertThat(code).isNotZero();
    assertThat(err.toString()).contains("--beta must be a finite number >= 0, got -1.0");
  }

  @Test
  void shouldRefuseTwoServicesOnOnePort() {
    StringWriter err = new StringWriter();
    CommandLine line = new CommandLine(new UpCommand());
    line.setErr(new PrintWriter(err, true));

    int code = line.execute("--gateway-port", "8081");

    assertThat(code).isNotZero();
    assertThat(err.toString()).contains("orchestrator and gateway would share port 8081");
  }
}
