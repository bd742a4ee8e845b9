package io.coinfer.cli.token;

import io.coinfer.contracts.security.Role;
import io.coinfer.contracts.security.SigningKeys;
import io.coinfer.contracts.security.Tokens;
import io.coinfer.simulator.SimulatorSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code coinfer token}: signs an admin or service token with a deployment's key set (the same
 * {@code COINFER_SECURITY_KEYS} the services get), or prints a new random key entry for the set.
 */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = {
      "Sign an admin or service token with the platform's signing keys (COINFER_SECURITY_KEYS, or"
          + " --keys), printed on stdout; or print a new key entry (--new-key <kid>) to put first in"
          + " the key set (rotation).",
      "`coinfer up` writes its own admin token (coinfer-admin.token): its keys are drawn per run."
    })
public final class TokenCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--role", defaultValue = "admin", description = "admin (default) or service")
  String role;

  @Option(
      names = "--subject",
      defaultValue = "operator",
      description = "who the token names (default ${DEFAULT-VALUE})")
  String subject;

  @Option(
      names = "--ttl",
      defaultValue = "1h",
      description = "lifetime, e.g. 15m, 1h, 168h (default ${DEFAULT-VALUE})")
  String ttl;

  @Option(
      names = "--keys",
      description =
          "the key set, <kid>:<base64>[,...], active key first (default: $COINFER_SECURITY_KEYS)")
  String keys;

  @Option(names = "--issuer", defaultValue = "coinfer", description = "default ${DEFAULT-VALUE}")
  String issuer;

  @Option(names = "--new-key", description = "print a new random key entry with this key id")
  String newKey;

  @Override
  public Integer call() {
    try {
      return run();
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("coinfer token: " + e.getMessage());
      return 2;
    }
  }

  private int run() {
    if (newKey != null) {
      spec.commandLine().getOut().println(SigningKeys.newEntry(newKey));
      return 0;
    }
    String set = keys != null ? keys : System.getenv("COINFER_SECURITY_KEYS");
    if (set == null || set.isBlank()) {
      throw new IllegalArgumentException(
          "no signing keys: pass --keys or set COINFER_SECURITY_KEYS to the services' key set");
    }
    Role r = Role.ofClaim(role.toLowerCase(Locale.ROOT)).orElse(Role.UE);
    if (r == Role.UE) {
      throw new IllegalArgumentException(
          "--role must be admin or service (UE tokens come from POST /api/v1/ues)");
    }
    Tokens tokens =
        new Tokens(
            SigningKeys.of(List.copyOf(Arrays.asList(set.split(",")))), issuer, Clock.systemUTC());
    Duration lifetime = SimulatorSettings.parseDuration(ttl);
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("--ttl must be positive");
    }
    spec.commandLine().getOut().println(tokens.issue(subject, r, lifetime));
    return 0;
  }
}
