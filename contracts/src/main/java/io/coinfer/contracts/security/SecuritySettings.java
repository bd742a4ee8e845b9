package io.coinfer.contracts.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The platform's security settings, under {@code coinfer.security}, the same in all four services
 * (like {@code coinfer.kafka}; each service's own settings stay in its one {@code *Settings}
 * record).
 *
 * @param keys the HS256 signing keys, each {@code <kid>:<base64 of at least 32 bytes>} (environment
 *     variable {@code COINFER_SECURITY_KEYS}, comma separated); the first one signs, all of them
 *     verify, so a key is rotated by putting a new one first and removing the old one once its
 *     tokens have expired. Empty (default): a random key per start of each service, so tokens do
 *     not survive a restart and services in separate processes do not accept each other's tokens
 *     (fine for a single gateway; {@code coinfer up} passes one random set to all four)
 * @param issuer the {@code iss} of every token issued and the only one accepted; default {@code
 *     coinfer}
 * @param maxJsonBody the largest JSON request body any REST endpoint accepts, bytes; default 64 KB
 *     (a larger one gets 413)
 */
@ConfigurationProperties("coinfer.security")
public record SecuritySettings(
    @DefaultValue List<String> keys,
    @DefaultValue("coinfer") String issuer,
    @DefaultValue("64KB") DataSize maxJsonBody) {}
