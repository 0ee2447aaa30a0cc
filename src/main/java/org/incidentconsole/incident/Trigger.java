package org.incidentconsole.incident;

import java.util.List;

/** The usual reasons to roll back, offered as choices when an incident starts; free text is allowed too. */
public final class Trigger {
    public static final List<String> CHOICES = List.of(
            "Personal data or secrets visible in the logs",
            "A circuit breaker stuck open for more than 5 minutes",
            "Application crashing: HTTP 500s, fatal errors, database or memory failures",
            "User-facing failures: bookings, webhooks or payments failing; data corrupted",
            "Rate limiting failing or the upstream rate limit exceeded",
            "Health endpoint failing",
            "Error rate above 5% for more than 2 minutes");

    private Trigger() {
    }
}
