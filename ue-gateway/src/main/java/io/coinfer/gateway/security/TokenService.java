package io.coinfer.gateway.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.coinfer.gateway.config.GatewaySettings;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Issues and verifies the bearer tokens of UEs: HS256 JWTs whose subject is the UE id, with an
 * expiry of {@link GatewaySettings.Tokens#ttl()}.
 */
@Service
public class TokenService {

  private static final String ISSUER = "coinfer-ue-gateway";

  private final MACSigner signer;
  private final MACVerifier verifier;
  private final GatewaySettings.Tokens settings;
  private final Clock clock;

  /**
   * A token service with the configured key, or a random one.
   *
   * @param settings the gateway settings
   */
  public TokenService(GatewaySettings settings) {
    this.settings = settings.tokens();
    this.clock = Clock.systemUTC();
    byte[] key;
    if (this.settings.secret().isBlank()) {
      key = new byte[32];
      new SecureRandom().nextBytes(key);
    } else {
      key = Base64.getDecoder().decode(this.settings.secret());
    }
    try {
      this.signer = new MACSigner(key);
      this.verifier = new MACVerifier(key);
    } catch (JOSEException e) {
      throw new IllegalArgumentException(
          "coinfer.gateway.tokens.secret must be base64 of at least 32 bytes", e);
    }
  }

  /**
   * A token bound to a UE.
   *
   * @param ueId the UE id
   * @return the serialised JWT
   */
  public String issue(String ueId) {
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject(ueId)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(settings.ttl())))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
    return jwt.serialize();
  }

  /**
   * The UE a token was issued to, if the token is well-formed, signed by this gateway, issued by it
   * and not expired.
   *
   * @param token the serialised JWT
   * @return the UE id, or empty for an invalid token
   */
  public Optional<String> verify(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
        return Optional.empty();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Date expiry = claims.getExpirationTime();
      if (!ISSUER.equals(claims.getIssuer())
          || expiry == null
          || !expiry.toInstant().isAfter(clock.instant())) {
        return Optional.empty();
      }
      return Optional.ofNullable(claims.getSubject());
    } catch (ParseException | JOSEException e) {
      return Optional.empty();
    }
  }
}
