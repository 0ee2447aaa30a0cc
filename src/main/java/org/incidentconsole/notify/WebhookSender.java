package org.incidentconsole.notify;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.incidentconsole.inventory.ChannelKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One webhook channel: the URL and secret headers come from the {@link SecretSource} at each send (never kept in a
 * field, never logged), the body from the service's {@link WebhookFormat}, and the answer is classified by its
 * {@link ResponseTables} row. Every reason is passed through the channel's {@link SecretMask}.
 */
final class WebhookSender implements Sender {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    private static final int REASON_MAX = 200;
    private static final int BODY_MAX = 64 * 1024;

    private final String channel;
    private final ChannelKind kind;
    private final String urlEnv;
    private final String method;
    private final Map<String, String> headers;
    private final Map<String, String> secretHeaderEnvs;
    private final WebhookFormat format;
    private final SecretSource secrets;
    private final HttpClient client;
    private final Duration timeout;
    private final Clock clock;

    WebhookSender(WebhookSpec spec, SecretSource secrets, HttpClient client, Duration timeout, Clock clock) {
        this.channel = spec.channel();
        this.kind = spec.kind();
        this.urlEnv = spec.urlEnv();
        this.method = spec.method();
        this.headers = spec.headers();
        this.secretHeaderEnvs = spec.secretHeaderEnvs();
        this.format = spec.format();
        this.secrets = secrets;
        this.client = client;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public String channel() {
        return channel;
    }

    @Override
    public Attempt send(Outgoing message) throws InterruptedException {
        Optional<String> url = secrets.secret(channel, "webhook URL", urlEnv);
        if (url.isEmpty() || url.get().isBlank()) {
            return Attempt.failed(null, "no webhook URL: set " + urlEnv);
        }
        URI uri = SecretMask.parse(url.get());
        String urlProblem = urlProblem(uri);
        if (urlProblem != null) {
            return Attempt.failed(null, urlProblem);
        }
        Map<String, String> secretValues = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : secretHeaderEnvs.entrySet()) {
            Optional<String> v = secrets.secret(channel, "value of header " + h.getKey(), h.getValue());
            if (v.isEmpty() || v.get().isBlank()) {
                return Attempt.failed(null, "no value for header " + h.getKey() + ": set " + h.getValue());
            }
            secretValues.put(h.getKey(), v.get());
        }
        SecretMask mask = new SecretMask(url.get(), new ArrayList<>(secretValues.values()));
        WebhookFormat.Payload payload = format.payload(message);
        if (payload.problem() != null) {
            return Attempt.failed(null, mask.clean(payload.problem()));
        }
        HttpRequest request;
        try {
            request = request(uri, payload.json(), secretValues);
        } catch (IllegalArgumentException e) {
            return Attempt.failed(null, "the request cannot be made: method " + method + " or a header the HTTP "
                    + "client sets itself (Host, Content-Length, Connection, …)");
        }
        Attempt attempt = exchange(request, mask);
        LOG.debug("{}: {} {} -> {} {}", channel, method, SecretMask.masked(url.get()), attempt.result(),
                attempt.reason());
        return attempt;
    }

    @Override
    public String preview(Outgoing message) {
        Optional<String> url = secrets.secret(channel, "webhook URL", urlEnv);
        String where = url.map(SecretMask::masked).orElse(null);
        StringBuilder out = new StringBuilder(method).append(' ')
                .append(where != null ? where : "(no webhook URL: set " + urlEnv + ")").append('\n');
        if (!setsContentType()) {
            out.append("Content-Type: application/json\n");
        }
        new TreeMap<>(headers).forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
        new TreeMap<>(secretHeaderEnvs).forEach((k, env) -> out.append(k).append(": ").append(SecretMask.HIDDEN).append(" (from ")
                .append(env).append(")\n"));
        out.append('\n');
        WebhookFormat.Payload payload = format.payload(message);
        if (payload.problem() != null) {
            return out.append("(not sendable: ").append(payload.problem()).append(')').toString();
        }
        try {
            JsonNode tree = ChatFormats.JSON.readTree(payload.json());
            return out.append(ChatFormats.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree)).toString();
        } catch (IOException e) {
            return out.append(payload.json()).toString();
        }
    }

    private HttpRequest request(URI uri, String json, Map<String, String> secretValues) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .header("User-Agent", "incident-console");
        if (!setsContentType()) {
            b.header("Content-Type", "application/json; charset=utf-8");
        }
        headers.forEach(b::header);
        secretValues.forEach(b::header);
        return b.build();
    }

    private boolean setsContentType() {
        return headers.keySet().stream().anyMatch(k -> k.equalsIgnoreCase("Content-Type"));
    }

    private Attempt exchange(HttpRequest request, SecretMask mask) throws InterruptedException {
        HttpResponse<String> response;
        try {
            response = client.send(request, info -> HttpResponse.BodySubscribers.mapping(
                    HttpResponse.BodySubscribers.ofInputStream(), WebhookSender::firstBytes));
        } catch (HttpConnectTimeoutException e) {
            return Attempt.retry(null, "could not connect within " + seconds(timeout), null);
        } catch (HttpTimeoutException e) {
            return Attempt.retry(null, "no answer within " + seconds(timeout), null);
        } catch (ConnectException e) {
            return Attempt.retry(null, "could not connect to " + request.uri().getHost() + ": connection refused",
                    null);
        } catch (IOException e) {
            String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return Attempt.retry(null, "the connection failed: " + cut(mask.clean(what)), null);
        }
        return classify(response.statusCode(), response.body(),
                response.headers().firstValue("Retry-After").orElse(null), mask);
    }

    /** At most {@link #BODY_MAX} bytes of the answer: a reason needs its start only. */
    private static String firstBytes(InputStream in) {
        try (in) {
            return new String(in.readNBytes(BODY_MAX), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The answer's row in the service's table, with the server's own words (free of secrets) in the reason. */
    Attempt classify(int status, String body, String retryAfterHeader, SecretMask mask) {
        JsonNode json = json(body);
        String words = cut(mask.clean(serverWords(body, json)));
        ResponseRule rule = ResponseTables.classify(format.answers(), status, words);
        String reason = status + (words.isEmpty() ? "" : " " + words)
                + (words.equalsIgnoreCase(rule.meaning()) ? "" : ": " + rule.meaning());
        return switch (rule.result()) {
            case DELIVERED -> Attempt.delivered(status, reason);
            case FAILED -> Attempt.failed(status, reason);
            case RETRY -> {
                Duration wait = RetryAfter.parse(retryAfterHeader, clock);
                yield Attempt.retry(status, reason, wait != null || json == null ? wait : format.retryAfter(json));
            }
        };
    }

    /** What the server said: a JSON error's message, else the body's first line. */
    static String serverWords(String body, JsonNode json) {
        if (body == null || body.isBlank()) {
            return "";
        }
        if (json != null) {
            for (String path : List.of("/message", "/error/message", "/error", "/text", "/detail")) {
                JsonNode n = json.at(path);
                if (n.isTextual() && !n.asText().isBlank()) {
                    return n.asText().strip();
                }
            }
            return "";
        }
        return body.strip().lines().findFirst().orElse("").strip();
    }

    private static JsonNode json(String body) {
        if (body == null || !body.strip().startsWith("{")) {
            return null;
        }
        try {
            return ChatFormats.JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String urlProblem(URI uri) {
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            return "the webhook URL is not an absolute http(s) URL";
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https") || scheme.equals("http") && isLoopback(uri.getHost())) {
            return null;
        }
        return "the webhook URL must be https (plain http only to this machine)";
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static String cut(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= REASON_MAX ? one : one.substring(0, REASON_MAX) + "…";
    }

    @Override
    public String toString() {
        return kind.label() + " channel " + channel;
    }
}
