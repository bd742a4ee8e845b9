package io.coinfer.compression.model;

import io.coinfer.compression.config.CompressionSettings;
import io.coinfer.mec.profile.DeviceProfile;
import io.coinfer.mec.profile.DeviceProfiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Device profiles by name: the built-in {@code jetson-nano} (the paper's measurements), and {@code
 * <name>.csv} files of the configured folder, loaded on first use.
 */
@Component
public class DeviceProfileCatalogue {

  /** The name of the built-in profile. */
  public static final String JETSON_NANO = "jetson-nano";

  private final Path dir;
  private final Map<String, DeviceProfile> loaded = new ConcurrentHashMap<>();

  /**
   * A catalogue over the configured folder.
   *
   * @param settings the service settings
   */
  public DeviceProfileCatalogue(CompressionSettings settings) {
    this.dir = settings.profilesDir().isBlank() ? null : Path.of(settings.profilesDir());
    loaded.put(JETSON_NANO, DeviceProfiles.jetsonNano());
  }

  /**
   * A profile by name.
   *
   * @param name the profile name
   * @return the profile, or empty if there is none of that name
   */
  public Optional<DeviceProfile> of(String name) {
    DeviceProfile known = loaded.get(name);
    if (known != null || dir == null || !name.matches("[A-Za-z0-9._-]{1,64}")) {
      return Optional.ofNullable(known);
    }
    Path file = dir.resolve(name + ".csv");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    return Optional.of(loaded.computeIfAbsent(name, n -> DeviceProfiles.load(file)));
  }
}
