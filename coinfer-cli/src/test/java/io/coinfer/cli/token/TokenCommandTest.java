package io.coinfer.cli.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinfer.contracts.security.Caller;
import io.coinfer.contracts.security.Role;
import io.coinfer.contracts.security.SigningKeys;
import io.coinfer.contracts.security.Tokens;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TokenCommandTest {

  private static String run(int expectedCode, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine line = new CommandLine(new TokenCommand());
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    assertThat(line.execute(args)).as(err.toString()).isEqualTo(expectedCode);
    return expectedCode == 0 ? out.toString().trim() : err.toString();
  }

  @Test
  void shouldSignAnAdminTokenThatTheServicesKeySetAccepts() {
    // Given a new key put first in front of an older one (a rotation)
    String older = SigningKeys.newEntry("2026-10");
    String newer = run(0, "--new-key", "2026-11");
    assertThat(newer).startsWith("2026-11:");
    String set = newer + "," + older;

    // When an admin token and a service token are signed with the set
    String admin = run(0, "--keys", set, "--subject", "alice", "--ttl", "15m");
    String service = run(0, "--keys", set, "--role", "service");

    // Then a service with the same set (and one that still has only the older key does not) reads
    Tokens services =
        new Tokens(SigningKeys.of(List.of(set.split(","))), "coinfer", Clock.systemUTC());
    assertThat(services.verify(admin)).isEqualTo(new Caller("alice", Role.ADMIN));
    assertThat(services.verify(service)).isEqualTo(new Caller("operator", Role.SERVICE));
    Tokens notRotated = new Tokens(SigningKeys.of(List.of(older)), "coinfer", Clock.systemUTC());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> notRotated.verify(admin))
        .hasMessageContaining("signing key is unknown");
  }

  @Test
  void shouldRefuseUeTokensAndMissingKeys() {
    String set = SigningKeys.newEntry("k1");
    assertThat(run(2, "--keys", set, "--role", "ue")).contains("--role must be admin or service");
    assertThat(run(2, "--keys", "k1:short")).contains("coinfer.security.keys");
  }
}
