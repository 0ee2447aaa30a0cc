package org.incidentconsole.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.incidentconsole.inventory.ChannelKind;
import org.incidentconsole.notify.Attempt.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Retry-After's two forms, the backoff's doubling and caps, and each service's answer table. */
class RetryRulesTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-24T20:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest(name = "Retry-After: {0} -> {1} ms")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            1                             | 1000
            120                           | 120000
            0.5                           | 500
            ' 3 '                         | 3000
            Tue, 24 Nov 2026 20:00:30 GMT | 30000
            Tue, 24 Nov 2026 19:59:00 GMT | 0
            soon                          | none
            -5                            | none
            ''                            | none
            """)
    void retry_after_is_seconds_or_an_http_date(String header, Long millis) {
        assertThat(RetryAfter.parse(header, NOW)).isEqualTo(millis == null ? null : Duration.ofMillis(millis));
    }

    @ParameterizedTest(name = "after attempt {0}, Retry-After {1} -> wait {2} s")
    @CsvSource(nullValues = "none", textBlock = """
            1, none, 1
            2, none, 2
            3, none, 4
            5, none, 16
            6, none, 30
            40, none, 30
            1, 7, 7
            4, 500, 120
            """)
    void the_default_policy_doubles_from_one_second_to_thirty_and_caps_retry_after(int attempt, Long retryAfter,
                                                                                    long seconds) {
        assertThat(RetryPolicy.defaults().waitAfter(attempt, retryAfter == null ? null
                : Duration.ofSeconds(retryAfter))).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Test
    void a_policy_without_attempts_is_refused_in_words() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .hasMessage("at least one attempt, got 0");
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "any", textBlock = """
            slack      | 200 | ok                  | DELIVERED | delivered
            slack      | 400 | invalid_payload     | FAILED    | Slack could not read the message (not JSON, or a field it does not know)
            slack      | 400 | something_new       | FAILED    | the service refused the message
            slack      | 410 | channel_is_archived | FAILED    | the webhook's channel is archived
            slack      | 429 | any                 | RETRY     | rate limited
            slack      | 502 | any                 | RETRY     | the service is failing
            slack      | 302 | any                 | FAILED    | the webhook URL redirects elsewhere: use the URL it points to
            mattermost | 200 | ok                  | DELIVERED | delivered
            mattermost | 404 | any                 | FAILED    | no such webhook: it was deleted or its URL is wrong
            teams      | 202 | any                 | DELIVERED | accepted by the workflow
            teams      | 401 | any                 | FAILED    | the workflow refused the call: its URL (signature) is wrong or expired
            teams      | 413 | any                 | FAILED    | the card is too large for Teams
            discord    | 204 | any                 | DELIVERED | delivered
            discord    | 404 | Unknown Webhook     | FAILED    | unknown webhook: it was deleted; make a new one
            discord    | 429 | any                 | RETRY     | rate limited
            webhook    | 207 | any                 | DELIVERED | accepted
            webhook    | 408 | any                 | RETRY     | the server gave up waiting for the request
            webhook    | 422 | any                 | FAILED    | the service refused the message
            webhook    | 103 | any                 | FAILED    | an answer the console does not know
            """)
    void each_service_answer_has_a_row(String kind, int status, String word, Result result, String meaning) {
        ResponseRule rule = ResponseTables.classify(ResponseTables.of(ChannelKind.fromLabel(kind)), status,
                word == null ? "" : word);
        assertThat(rule.result()).isEqualTo(result);
        assertThat(rule.meaning()).isEqualTo(meaning);
    }
}
