package io.coinfer.contracts.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.coinfer.contracts.web.Problems;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Issues and verifies the platform's bearer tokens: HS256 JWTs signed with the active key of a
 * {@link SigningKeys} set, with header {@code kid} and claims {@code iss}, {@code sub}, {@code
 * role} ({@link Role#claim()}), {@code iat}, {@code exp} and {@code jti}. A token verifies when it
 * is well formed, names a key of the set, its signature matches, its issuer is this platform's and
 * it has not expired.
 */
public final class Tokens {

  /** The claim that carries the {@link Role}. */
  public static final String ROLE_CLAIM = "role";

  private static final String BEARER = "Bearer ";

  private final SigningKeys keys;
  private final String issuer;
  private final Clock clock;

  /**
   * Tokens over a key set.
   *
   * @param keys the signing keys
   * @param issuer the {@code iss} issued and required
   * @param clock the clock of {@code iat} and {@code exp}
   */
  public Tokens(SigningKeys keys, String issuer, Clock clock) {
    this.keys = keys;
    this.issuer = issuer;
    this.clock = clock;
  }

  /**
   * A signed token.
   *
   * @param subject the UE id for {@link Role#UE}, a name otherwise
   * @param role the role
   * @param ttl how long it is valid
   * @return the serialised JWT
   */
  public String issue(String subject, Role role, Duration ttl) {
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(subject)
            .claim(ROLE_CLAIM, role.claim())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ttl)))
            .jwtID(UUID.randomUUID().toString())
            .build();
    String kid = keys.activeKid();
    SignedJWT jwt =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(), claims);
    try {
      jwt.sign(new MACSigner(keys.key(kid).orElseThrow()));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
    return jwt.serialize();
  }

  /**
   * The caller a token speaks for.
   *
   * @param token the serialised JWT
   * @return its subject and role
   * @throws InvalidTokenException saying why it is refused
   */
  public Caller verify(String token) {
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(token);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new InvalidTokenException("the token is not a signed JWT");
    }
    if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
      throw new InvalidTokenException("the token is not signed with HS256");
    }
    String kid = jwt.getHeader().getKeyID();
    byte[] key =
        keys.key(kid == null ? "" : kid)
            .orElseThrow(() -> new InvalidTokenException("the token's signing key is unknown"));
    try {
      if (!jwt.verify(new MACVerifier(key))) {
        throw new InvalidTokenException("the token's signature does not match");
      }
    } catch (JOSEException e) {
      throw new InvalidTokenException("the token's signature cannot be checked");
    }
    if (!issuer.equals(claims.getIssuer())) {
      throw new InvalidTokenException("the token is from another issuer");
    }
    Date expiry = claims.getExpirationTime();
    if (expiry == null || !expiry.toInstant().isAfter(clock.instant())) {
      throw new InvalidTokenException("the token has expired");
    }
    Object role = claims.getClaim(ROLE_CLAIM);
    if (claims.getSubject() == null || !(role instanceof String claim)) {
      throw new InvalidTokenException("the token has no subject or role");
    }
    return new Caller(
        claims.getSubject(),
        Role.ofClaim(claim)
            .orElseThrow(() -> new InvalidTokenException("the token's role is unknown")));
  }

  /**
   * The caller of a request from its {@code Authorization} header.
   *
   * @param authorization the header, or null
   * @return the verified caller
   * @throws org.springframework.web.ErrorResponseException 401 without a valid bearer token
   */
  public Caller caller(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, 7)) {
      throw Problems.unauthorized("a bearer token is required");
    }
    try {
      return verify(authorization.substring(BEARER.length()).trim());
    } catch (InvalidTokenException e) {
      throw Problems.unauthorized("the bearer token is refused: " + e.getMessage());
    }
  }
}
