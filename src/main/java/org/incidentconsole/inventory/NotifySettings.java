package org.incidentconsole.inventory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The inventory's {@code notify:}: how often a progress update is due after the initial alert, the named
 * channels in file order, and the status page (null when there is none).
 */
public record NotifySettings(Duration updateEvery, List<NotifyChannel> channels, StatusPageSettings statusPage) {
    public static final Duration DEFAULT_UPDATE_EVERY = Duration.ofMinutes(15);
    public static final NotifySettings NONE = new NotifySettings(DEFAULT_UPDATE_EVERY, List.of(), null);

    public NotifySettings {
        channels = List.copyOf(channels);
    }

    public Optional<NotifyChannel> channel(String name) {
        return channels.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
