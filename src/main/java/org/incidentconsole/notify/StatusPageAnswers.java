package org.incidentconsole.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.incidentconsole.notify.Attempt.Result;

/**
 * What a Statuspage-style API's answer means for the delivery: one row per status range, first match wins. A row
 * with {@code apiText} gives the operator the API's own error words; the others a fixed reason.
 */
final class StatusPageAnswers {
    record Row(int from, int to, Result result, String reason, boolean apiText) {
    }

    static final List<Row> TABLE = List.of(
            new Row(200, 299, Result.DELIVERED, "accepted", false),
            new Row(400, 400, Result.FAILED, "request refused", true),
            new Row(401, 401, Result.FAILED, "token refused", false),
            new Row(403, 403, Result.FAILED, "token refused", false),
            new Row(404, 404, Result.FAILED, "page or incident not found", false),
            new Row(420, 420, Result.RETRY, "rate limited", false),
            new Row(422, 422, Result.FAILED, "request refused", true),
            new Row(429, 429, Result.RETRY, "rate limited", false),
            new Row(500, 599, Result.RETRY, "status page error", false));
    static final Row OTHER = new Row(0, 999, Result.FAILED, "unexpected answer", false);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TEXT = 300;

    private StatusPageAnswers() {
    }

    static Row row(int status) {
        return TABLE.stream().filter(r -> status >= r.from() && status <= r.to()).findFirst().orElse(OTHER);
    }

    /**
     * The attempt an error answer (not 2xx) comes to; {@code retryAfter} is the header's value or null, {@code now}
     * reads an HTTP-date in it.
     */
    static Attempt refusal(int status, String body, String retryAfter, Instant now) {
        Row row = row(status);
        String reason = row.reason();
        if (row.apiText()) {
            reason = apiText(body).orElse(row.reason() + " (HTTP " + status + ")");
        } else if (row == OTHER) {
            reason = row.reason() + " (HTTP " + status + ")";
        }
        return switch (row.result()) {
            case RETRY -> Attempt.retry(status, reason, retryAfter(retryAfter, now));
            case FAILED, DELIVERED -> Attempt.failed(status, reason);
        };
    }

    /** A call that got no answer: worth another try. */
    static Attempt unreachable(IOException e) {
        String why;
        if (e instanceof HttpConnectTimeoutException) {
            why = "connection timed out";
        } else if (e instanceof HttpTimeoutException) {
            why = "no answer in time";
        } else if (e instanceof ConnectException) {
            why = "connection refused";
        } else {
            why = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        }
        return Attempt.retry(null, "could not reach the status page: " + why, null);
    }

    /** The API's error words: {@code {"error": "…"}}, {@code {"error": ["…", …]}}, {@code {"message": …}}, or text. */
    static Optional<String> apiText(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(body);
            for (String field : List.of("error", "errors", "message")) {
                JsonNode node = root.path(field);
                if (node.isTextual() && !node.asText().isBlank()) {
                    return Optional.of(shorten(node.asText()));
                }
                if (node.isArray() && !node.isEmpty()) {
                    List<String> parts = new ArrayList<>();
                    node.forEach(n -> parts.add(n.isTextual() ? n.asText() : n.toString()));
                    return Optional.of(shorten(String.join("; ", parts)));
                }
            }
            return Optional.of(shorten(body.strip()));
        } catch (IOException notJson) {
            return Optional.of(shorten(body.strip()));
        }
    }

    /** Retry-After as seconds or an HTTP-date; null when absent or unreadable; never negative. */
    static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(now, at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_TEXT ? oneLine : oneLine.substring(0, MAX_TEXT) + "…";
    }
}
