package io.coinfer.contracts.security;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A set of HS256 signing keys, each with a key id ({@code kid}). The first key is the active one:
 * new tokens are signed with it and carry its id; every key of the set verifies the tokens that
 * name it. Keys are at least 256 bits (RFC 7518 section 3.2).
 */
public final class SigningKeys {

  /** The smallest key, bytes. */
  public static final int MIN_KEY_BYTES = 32;

  private static final Pattern KID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final LinkedHashMap<String, byte[]> keys;

  private SigningKeys(LinkedHashMap<String, byte[]> keys) {
    this.keys = keys;
  }

  /**
   * The key set of the settings, or one random key when there are none.
   *
   * @param entries {@code <kid>:<base64 key>} entries, the active one first; empty for a random key
   * @return the key set
   * @throws IllegalArgumentException for a malformed entry, a key id used twice or a short key
   */
  public static SigningKeys of(List<String> entries) {
    if (entries.isEmpty()) {
      return parse(List.of(newEntry("random-" + HexFormat.of().formatHex(randomBytes(4)))));
    }
    return parse(entries);
  }

  private static SigningKeys parse(List<String> entries) {
    LinkedHashMap<String, byte[]> keys = new LinkedHashMap<>();
    for (String entry : entries) {
      String trimmed = entry.trim();
      int colon = trimmed.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException(
            "coinfer.security.keys: an entry must be <kid>:<base64 key>, got one without ':'");
      }
      String kid = trimmed.substring(0, colon);
      if (!KID.matcher(kid).matches()) {
        throw new IllegalArgumentException(
            "coinfer.security.keys: key id '" + kid + "' is not 1-64 of [A-Za-z0-9._-]");
      }
      byte[] key;
      try {
        key = Base64.getDecoder().decode(trimmed.substring(colon + 1));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "coinfer.security.keys: the key of '" + kid + "' is not base64", e);
      }
      if (key.length < MIN_KEY_BYTES) {
        throw new IllegalArgumentException(
            "coinfer.security.keys: the key of '"
                + kid
                + "' has "
                + key.length
                + " bytes; HS256 needs at least "
                + MIN_KEY_BYTES
                + " bytes");
      }
      if (keys.put(kid, key) != null) {
        throw new IllegalArgumentException("coinfer.security.keys: key id '" + kid + "' twice");
      }
    }
    return new SigningKeys(keys);
  }

  /**
   * A new random key entry for {@code coinfer.security.keys}.
   *
   * @param kid its key id
   * @return {@code <kid>:<base64 of 32 random bytes>}
   */
  public static String newEntry(String kid) {
    return kid + ":" + Base64.getEncoder().encodeToString(randomBytes(MIN_KEY_BYTES));
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  /**
   * The id of the key that signs.
   *
   * @return the first key's id
   */
  public String activeKid() {
    return keys.keySet().iterator().next();
  }

  /**
   * The ids of all keys, the active one first.
   *
   * @return the key ids
   */
  public List<String> kids() {
    return new ArrayList<>(keys.keySet());
  }

  /**
   * A key by its id.
   *
   * @param kid the key id
   * @return a copy of the key, or empty for an unknown id
   */
  Optional<byte[]> key(String kid) {
    return Optional.ofNullable(keys.get(kid)).map(byte[]::clone);
  }

  /**
   * The set in the form of {@code coinfer.security.keys}, for handing it to services started in
   * this process.
   *
   * @return {@code <kid>:<base64>} entries, comma separated, the active one first
   */
  public String toSetting() {
    return keys.entrySet().stream()
        .map(e -> e.getKey() + ":" + Base64.getEncoder().encodeToString(e.getValue()))
        .collect(Collectors.joining(","));
  }

  @Override
  public String toString() {
    return "SigningKeys" + kids(); // never the key material
  }
}
