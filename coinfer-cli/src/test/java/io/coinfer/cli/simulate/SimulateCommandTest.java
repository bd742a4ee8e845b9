package io.coinfer.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinfer.mec.profile.Net;
import io.coinfer.simulator.SimulatorSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimulateCommandTest {

  @Test
  void shouldTurnTheOptionsIntoFleetSettings() {
    SimulateCommand command = new SimulateCommand();
    new CommandLine(command)
        .parseArgs(
            "--gateway",
            "http://10.0.0.7:8080",
            "--ues",
            "50",
            "--rate",
            "2/s",
            "--duration",
            "60s",
            "--seed",
            "9",
            "--net",
            "mobilenetv2",
            "--in-flight",
            "3",
            "--grace",
            "5s");

    SimulatorSettings s = command.settings();

    assertThat(s.gateway().toString()).isEqualTo("http://10.0.0.7:8080");
    assertThat(s.ues()).isEqualTo(50);
    assertThat(s.ratePerUe()).isEqualTo(2.0);
    assertThat(s.duration()).isEqualTo(Duration.ofSeconds(60));
    assertThat(s.seed()).isEqualTo(9);
    assertThat(s.net()).isEqualTo(Net.MOBILENETV2);
    assertThat(s.inFlightPerUe()).isEqualTo(3);
    assertThat(s.grace()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.slot()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void shouldFailClearlyWhenNoGatewayAnswers() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    StringWriter err = new StringWriter();
    CommandLine line = new CommandLine(new SimulateCommand());
    line.setErr(new PrintWriter(err, true));

    int code =
        line.execute(
            "--gateway", "http://127.0.0.1:" + closedPort, "--ues", "2", "--duration", "1s");

    assertThat(code).isNotZero();
    assertThat(err.toString()).contains("cannot register 2 UEs at http://127.0.0.1:" + closedPort);
  }
}
