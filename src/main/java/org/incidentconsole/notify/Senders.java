package org.incidentconsole.notify;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.incidentconsole.inventory.ChannelKind;
import org.incidentconsole.inventory.NotifyChannel;
import org.incidentconsole.inventory.WebhookShape;

/** The sender for each kind of channel: one place that knows them all. */
public final class Senders {
    /** How long a webhook may take to connect, and then to answer. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Map<Duration, HttpClient> CLIENTS = new ConcurrentHashMap<>();

    private Senders() {
    }

    public static Sender create(NotifyChannel channel, SecretSource secrets) {
        return create(channel, secrets, TIMEOUT, Clock.systemUTC());
    }

    /** {@code timeout}: to connect, and again for the answer; {@code clock}: to read a Retry-After date. */
    public static Sender create(NotifyChannel channel, SecretSource secrets, Duration timeout, Clock clock) {
        return switch (channel.kind()) {
            case SLACK -> webhook(channel, ChatFormats.slack(), secrets, timeout, clock);
            case MATTERMOST -> webhook(channel, ChatFormats.mattermost(), secrets, timeout, clock);
            case TEAMS -> webhook(channel, ChatFormats.teams(), secrets, timeout, clock);
            case DISCORD -> webhook(channel, ChatFormats.discord(), secrets, timeout, clock);
            case WEBHOOK -> webhook(channel, new TemplateFormat(shape(channel).body()), secrets, timeout, clock);
            case EMAIL -> new EmailSender(channel, secrets);
        };
    }

    private static Sender webhook(NotifyChannel channel, WebhookFormat format, SecretSource secrets,
                                  Duration timeout, Clock clock) {
        boolean generic = channel.kind() == ChannelKind.WEBHOOK;
        WebhookShape shape = generic ? shape(channel) : null;
        WebhookSpec spec = new WebhookSpec(channel.name(), channel.kind(), channel.urlEnv(),
                generic && shape.method() != null ? shape.method().toUpperCase(Locale.ROOT) : "POST",
                generic ? shape.headers() : Map.of(), generic ? shape.secretHeaderEnvs() : Map.of(), format);
        return new WebhookSender(spec, secrets, client(timeout), timeout, clock);
    }

    private static WebhookShape shape(NotifyChannel channel) {
        return channel.webhook() != null ? channel.webhook() : new WebhookShape("POST", Map.of(), Map.of(), null);
    }

    /** One client per connect timeout, shared by the channels: redirects are not followed (a webhook answers). */
    static HttpClient client(Duration timeout) {
        return CLIENTS.computeIfAbsent(timeout, t -> HttpClient.newBuilder().connectTimeout(t)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build());
    }
}
