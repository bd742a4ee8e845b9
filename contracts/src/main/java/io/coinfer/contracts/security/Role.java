package io.coinfer.contracts.security;

import java.util.Locale;
import java.util.Optional;

/** Who a token speaks for; carried in the token's {@code role} claim in lower case. */
public enum Role {
  /** One UE: its token's subject is the UE id; accepted only by the gateway, for that UE. */
  UE,
  /** A platform service or tool calling another service's REST API (reads, no admin operations). */
  SERVICE,
  /** An operator: policy switch, codec upload and training, UE deletion, and everything else. */
  ADMIN;

  /**
   * The claim value.
   *
   * @return the role in lower case
   */
  public String claim() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The role of a claim value.
   *
   * @param claim the claim value, may be null
   * @return the role, or empty for a missing or unknown value
   */
  public static Optional<Role> ofClaim(String claim) {
    for (Role role : values()) {
      if (role.claim().equals(claim)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
