package org.incidentconsole.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.incidentconsole.notify.Attempt.Result;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The answer table on its own: status, body and Retry-After to the attempt the operator sees. */
class StatusPageAnswersTest {
    private static final Instant NOW = Instant.parse("2026-11-24T20:00:00Z");

    @ParameterizedTest(name = "HTTP {0} {1} Retry-After {2} -> {3} \"{4}\" {5}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "401 | '{\"error\":\"Could not authenticate\"}'          | none | FAILED | token refused              | none",
            "403 | '{\"error\":\"Forbidden\"}'                       | none | FAILED | token refused              | none",
            "404 | '{\"error\":\"Incident not found\"}'              | none | FAILED | page or incident not found | none",
            "422 | '{\"error\":[\"Name can''t be blank\"]}'          | none | FAILED | Name can't be blank        | none",
            "422 | '{\"error\":[\"Status is invalid\",\"Body is too long\"]}' | none | FAILED | Status is invalid; Body is too long | none",
            "422 | '{\"message\":\"component_ids: unknown\"}'       | none | FAILED | component_ids: unknown     | none",
            "422 | 'plain words'                                   | none | FAILED | plain words                | none",
            "422 | ''                                              | none | FAILED | request refused (HTTP 422) | none",
            "400 | '{\"error\":\"incident is missing\"}'            | none | FAILED | incident is missing        | none",
            "420 | ''                                              | 60   | RETRY  | rate limited               | 60",
            "429 | '{\"error\":\"Rate limit exceeded\"}'           | 7    | RETRY  | rate limited               | 7",
            "429 | ''                                              | none | RETRY  | rate limited               | none",
            "429 | ''                                              | -5   | RETRY  | rate limited               | 0",
            "429 | ''                                              | soon | RETRY  | rate limited               | none",
            "429 | '' | 'Tue, 24 Nov 2026 20:01:30 GMT'                   | RETRY  | rate limited               | 90",
            "429 | '' | 'Tue, 24 Nov 2026 19:59:00 GMT'                   | RETRY  | rate limited               | 0",
            "500 | '<html>oops</html>'                             | none | RETRY  | status page error          | none",
            "503 | ''                                              | 120  | RETRY  | status page error          | 120",
            "302 | ''                                              | none | FAILED | unexpected answer (HTTP 302) | none",
            "409 | '{\"error\":\"conflict\"}'                      | none | FAILED | unexpected answer (HTTP 409) | none"})
    void an_error_answer_is_classified_by_the_table(int status, String body, String retryAfter, Result result,
                                                    String reason, Long seconds) {
        Attempt attempt = StatusPageAnswers.refusal(status, body, retryAfter, NOW);
        assertThat(attempt.result()).isEqualTo(result);
        assertThat(attempt.status()).isEqualTo(status);
        assertThat(attempt.reason()).isEqualTo(reason);
        assertThat(attempt.retryAfter()).isEqualTo(seconds == null ? null : Duration.ofSeconds(seconds));
        assertThat(attempt.ref()).isNull();
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new ConnectException(), "could not reach the status page: connection refused"),
                Arguments.of(new HttpConnectTimeoutException("HTTP connect timed out"),
                        "could not reach the status page: connection timed out"),
                Arguments.of(new HttpTimeoutException("request timed out"),
                        "could not reach the status page: no answer in time"),
                Arguments.of(new IOException("Connection reset"), "could not reach the status page: Connection reset"),
                Arguments.of(new IOException(), "could not reach the status page: IOException"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("failures")
    void a_call_without_an_answer_is_worth_a_retry(IOException failure, String reason) {
        assertThat(StatusPageAnswers.unreachable(failure)).isEqualTo(Attempt.retry(null, reason, null));
    }

    @ParameterizedTest(name = "body \"{0}\"")
    @CsvSource(delimiter = '|', value = {"'   '", "''"})
    void a_blank_error_body_has_no_api_text(String body) {
        assertThat(StatusPageAnswers.apiText(body)).isEqualTo(Optional.empty());
    }
}
