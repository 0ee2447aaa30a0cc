package org.incidentconsole.notify;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The wait a server asks for: {@code Retry-After} in seconds or as an HTTP date; Discord's {@code retry_after}. */
final class RetryAfter {
    private RetryAfter() {
    }

    /** Null when absent or not understood; a date in the past is no wait. */
    static Duration parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        Duration seconds = seconds(v);
        if (seconds != null) {
            return seconds;
        }
        try {
            Duration d = Duration.between(clock.instant(),
                    ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code 1}, {@code 0.25}: seconds, to the millisecond; null if not a plain non-negative number. */
    static Duration seconds(String v) {
        if (v.isEmpty() || v.length() > 12 || !v.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            return null;
        }
        try {
            return Duration.ofMillis(new BigDecimal(v).movePointRight(3).longValue());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
