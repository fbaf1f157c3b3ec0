package dev.migrationguard.springboot;

import java.util.List;
import java.util.Optional;

/**
 * One document of a Spring Boot settings file (a YAML document, or a part of a properties file between
 * {@code #---} lines) and the profile it applies to.
 *
 * @param profile the document's condition ({@code spring.config.activate.on-profile}, else the legacy
 *                {@code spring.profiles}), else the profile of its file's name ({@code application-dev.yml}); null
 *                for the default profile. A profile expression as written: {@code prod}, {@code !dev},
 *                {@code prod & cloud}, {@code dev,local}
 */
public record BootDocument(String profile, List<BootSetting> settings) {
    public BootDocument {
        settings = List.copyOf(settings);
    }

    /** The setting of this relaxed key ({@link BootSetting#relaxed}) that holds: the last one written. */
    public Optional<BootSetting> get(String relaxedKey) {
        for (int i = settings.size() - 1; i >= 0; i--) {
            if (settings.get(i).relaxed().equals(relaxedKey)) return Optional.of(settings.get(i));
        }
        return Optional.empty();
    }
}
