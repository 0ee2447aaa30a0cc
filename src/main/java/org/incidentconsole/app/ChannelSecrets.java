package org.incidentconsole.app;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.incidentconsole.inventory.NotifyChannel;
import org.incidentconsole.inventory.NotifySettings;
import org.incidentconsole.inventory.StatusPageSettings;

/**
 * The preflight rows of the inventory's {@code notify:}: for each channel and the status page, whether the
 * environment variables holding its secrets are set. No network I/O; an empty value counts as not set.
 */
final class ChannelSecrets {
    /** Where a channel names its secrets' variables: one row per place, extend here. */
    private static final List<Function<NotifyChannel, Stream<String>>> SECRET_NAMES = List.of(
            c -> Stream.of(c.urlEnv()),
            c -> c.webhook() == null ? Stream.empty() : c.webhook().secretHeaderEnvs().values().stream(),
            c -> c.smtp() == null ? Stream.empty() : Stream.of(c.smtp().userEnv(), c.smtp().passwordEnv()));
    static final String STATUS_PAGE = "status page";

    private ChannelSecrets() {
    }

    static List<ChannelPreflightRow> check(NotifySettings comms, Map<String, String> environment) {
        List<ChannelPreflightRow> rows = new ArrayList<>();
        for (NotifyChannel c : comms.channels()) {
            Set<String> names = new LinkedHashSet<>();
            SECRET_NAMES.forEach(place -> place.apply(c).filter(Objects::nonNull).forEach(names::add));
            rows.add(row(c.name(), c.kind().label(), names, environment));
        }
        StatusPageSettings page = comms.statusPage();
        if (page != null) {
            rows.add(row(STATUS_PAGE, "statuspage", Set.of(page.tokenEnv()), environment));
        }
        return rows;
    }

    private static ChannelPreflightRow row(String name, String type, Set<String> names,
                                           Map<String, String> environment) {
        List<String> missing = names.stream().filter(n -> {
            String value = environment.get(n);
            return value == null || value.isBlank();
        }).toList();
        return new ChannelPreflightRow(name, type, List.copyOf(names), missing);
    }
}
