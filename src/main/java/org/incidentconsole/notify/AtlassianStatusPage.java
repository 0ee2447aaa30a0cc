package org.incidentconsole.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.incidentconsole.inventory.StatusPageSettings;
import org.incidentconsole.redact.Redactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Atlassian Statuspage REST API v1 (and services that copy it): {@code POST {api}/pages/{page_id}/incidents}
 * opens an incident, {@code PATCH {api}/pages/{page_id}/incidents/{id}} moves it; the token goes in
 * {@code Authorization: OAuth …} and nowhere else. Answers are read by {@link StatusPageAnswers}.
 */
public final class AtlassianStatusPage implements StatusPage {
    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String TOKEN_WHAT = "API token";
    private static final String MASK = "[REDACTED:token]";
    private static final Pattern LOOPBACK = Pattern.compile("localhost|127(\\.\\d{1,3}){3}|\\[?::1]?");

    private static final Logger LOG = LoggerFactory.getLogger(AtlassianStatusPage.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Redactor REDACTOR = new Redactor();

    private final StatusPageSettings settings;
    private final SecretSource secrets;
    private final HttpClient http;
    private final Clock clock;

    public AtlassianStatusPage(StatusPageSettings settings, SecretSource secrets) {
        this(settings, secrets, Clock.systemUTC());
    }

    AtlassianStatusPage(StatusPageSettings settings, SecretSource secrets, Clock clock) {
        this.settings = settings;
        this.secrets = secrets;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Attempt create(StatusPost post) throws InterruptedException {
        return call(createRequest(post), null);
    }

    @Override
    public Attempt update(String ref, StatusPost post) throws InterruptedException {
        return call(updateRequest(ref, post), ref);
    }

    @Override
    public String preview(String ref, StatusPost post) {
        StatusPageRequest request = ref == null ? createRequest(post) : updateRequest(ref, post);
        return request.preview("OAuth [token from " + settings.tokenEnv() + "]");
    }

    StatusPageRequest createRequest(StatusPost post) {
        ObjectNode incident = JSON.createObjectNode();
        incident.put("name", post.title());
        incident.put("status", post.phase().label());
        incident.put("body", post.message());
        affected(incident, post);
        incident.put("deliver_notifications", true);
        return new StatusPageRequest("POST", incidents(""), wrap(incident));
    }

    StatusPageRequest updateRequest(String ref, StatusPost post) {
        ObjectNode incident = JSON.createObjectNode();
        incident.put("status", post.phase().label());
        incident.put("body", post.message());
        affected(incident, post);
        return new StatusPageRequest("PATCH", incidents("/" + segment(ref)), wrap(incident));
    }

    private static void affected(ObjectNode incident, StatusPost post) {
        TreeMap<String, String> sorted = new TreeMap<>(post.components());
        ObjectNode components = incident.putObject("components");
        sorted.forEach(components::put);
        sorted.keySet().forEach(incident.putArray("component_ids")::add);
    }

    private static ObjectNode wrap(ObjectNode incident) {
        ObjectNode body = JSON.createObjectNode();
        body.set("incident", incident);
        return body;
    }

    private URI incidents(String tail) {
        String api = settings.api().toString().replaceAll("/+$", "");
        return URI.create(api + "/pages/" + segment(settings.pageId()) + "/incidents" + tail);
    }

    private static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Attempt call(StatusPageRequest request, String ref) throws InterruptedException {
        if (!mayCarryToken(request.uri())) {
            return Attempt.failed(null, "the status page API must be https (plain http only on this machine): "
                    + settings.api());
        }
        Optional<String> token = secrets.secret(StatusPageSender.CHANNEL, TOKEN_WHAT, settings.tokenEnv())
                .map(String::strip).filter(t -> !t.isEmpty());
        if (token.isEmpty()) {
            return Attempt.failed(null, "no API token: set " + settings.tokenEnv());
        }
        Attempt attempt = masked(exchange(request, token.get(), ref), token.get());
        String said = attempt.status() == null ? attempt.reason() : "HTTP " + attempt.status() + " " + attempt.reason();
        if (attempt.result() == Attempt.Result.FAILED) {
            LOG.warn("status page {} {}: {} {}", request.method(), request.uri().getPath(), attempt.result(), said);
        } else {
            LOG.info("status page {} {}: {} {}", request.method(), request.uri().getPath(), attempt.result(), said);
        }
        return attempt;
    }

    /** The token goes over TLS, or in the clear only to this machine (a local stand-in for the service). */
    static boolean mayCarryToken(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return scheme.equals("https") || scheme.equals("http") && LOOPBACK.matcher(host).matches();
    }

    private Attempt exchange(StatusPageRequest request, String token, String ref) throws InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(request.method(), HttpRequest.BodyPublishers.ofString(request.json()));
        try {
            builder.header("Authorization", "OAuth " + token);
        } catch (IllegalArgumentException badValue) { // its words are not passed on: they may quote the value
            return Attempt.failed(null, "the API token in " + settings.tokenEnv() + " is not a valid header value");
        }
        HttpRequest http = builder.build();
        HttpResponse<String> response;
        try {
            response = this.http.send(http, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return StatusPageAnswers.unreachable(e);
        }
        int status = response.statusCode();
        if (StatusPageAnswers.row(status).result() != Attempt.Result.DELIVERED) {
            return StatusPageAnswers.refusal(status, response.body(),
                    response.headers().firstValue("Retry-After").orElse(null), clock.instant());
        }
        Optional<String> id = incidentId(response.body());
        if (id.isEmpty() && ref == null) {
            return Attempt.failed(status, "the status page answered without an incident id");
        }
        String incident = id.orElse(ref);
        String done = ref == null ? "opened incident " : "updated incident ";
        return Attempt.delivered(status, done + incident, incident);
    }

    private static Optional<String> incidentId(String body) {
        try {
            JsonNode id = JSON.readTree(body == null ? "" : body).path("id");
            return id.isValueNode() && !id.asText().isBlank() ? Optional.of(id.asText()) : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    /** Whatever the server or the network said, the token never leaves in a reason or a ref. */
    private static Attempt masked(Attempt attempt, String token) {
        String reason = attempt.reason() == null ? null : REDACTOR.scrub(attempt.reason().replace(token, MASK));
        String ref = attempt.ref() == null ? null : attempt.ref().replace(token, MASK);
        return new Attempt(attempt.result(), attempt.status(), reason, attempt.retryAfter(), ref);
    }
}
