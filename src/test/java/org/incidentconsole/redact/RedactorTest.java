package org.incidentconsole.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorTest {
    private final Redactor redactor = new Redactor();

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            booking failed for jane.doe@example.com (id 7)                       | email          | booking failed for [REDACTED:email] (id 7)
            Authorization: Bearer abc123.def456                                   | authorization  | Authorization: [REDACTED:authorization]
            curl -H 'authorization: token ghp_abcdef'                            | authorization  | curl -H 'authorization: [REDACTED:authorization]'
            sent Bearer 9f8e7d6c5b4a token                                        | bearer         | sent Bearer [REDACTED:bearer] token
            jwt=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.sflKxwRJSMeKKF2QT4fwpM  | jwt            | jwt=[REDACTED:jwt]
            key AKIAIOSFODNN7EXAMPLE used                                         | aws-access-key | key [REDACTED:aws-access-key] used
            redis://app:s3cr3t@10.1.2.3:6379/0                                   | url-password   | redis://app:[REDACTED:url-password]@10.1.2.3:6379/0
            redis-cli -h 127.0.0.1 -a hunter2 PING                               | redis-password | redis-cli -h 127.0.0.1 -a [REDACTED:redis-password] PING
            > AUTH default hunter2                                               | redis-password | > AUTH [REDACTED:redis-password]
            DB_PASSWORD=correct-horse-battery                                    | password       | DB_PASSWORD=[REDACTED:password]
            api_key=0123456789abcdef0123456789abcdef in header                   | secret         | api_key=[REDACTED:secret] in header
            token dGhpcyBpcyBhIFNlY3JldEtleTEyMzQ1Njc4OTA= leaked                | api-key        | token [REDACTED:api-key] leaked
            """)
    void each_kind_of_secret_is_replaced_and_counted(String input, String kind, String expected) {
        Redaction r = redactor.redact(input);
        assertThat(r.text()).isEqualTo(expected);
        assertThat(r.counts()).containsEntry(kind, 1);
    }

    @Test
    void a_private_key_block_is_removed_whole() {
        String text = "before\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\nAAAA\n"
                + "-----END OPENSSH PRIVATE KEY-----\nafter";
        assertThat(redactor.redact(text).text()).isEqualTo("before\n[REDACTED:private-key]\nafter");
    }

    @Test
    void ordinary_operations_output_is_left_alone() {
        List<String> harmless = List.of(
                "abc1234 (HEAD -> main, tag: v2.3.1) Fix booking timeout",
                "php8.3-fpm.service: active (running) since Mon 2026-11-23 16:55:01 UTC",
                "HTTP/1.1 200 OK",
                "{\"status\":\"healthy\",\"timestamp\":\"2026-11-23T16:55:01Z\"}",
                "circuit_breaker:calcom:state closed",
                "/var/www/app/storage/logs/laravel.log",
                "Filesystem Size Used Avail Use% Mounted on",
                "curl -s -o /dev/null -w \"%{http_code}\" http://127.0.0.1/api/health");
        for (String line : harmless) {
            assertThat(redactor.redact(line)).as(line).extracting(Redaction::text, Redaction::total)
                    .containsExactly(line, 0);
        }
    }

    @Test
    void redacting_twice_changes_nothing_more() {
        String once = redactor.scrub("mail ops@example.org with Bearer abc and password=x1");
        assertThat(redactor.redact(once)).extracting(Redaction::text, Redaction::total).containsExactly(once, 0);
    }

    @Test
    void a_stream_redacts_a_key_block_that_spans_lines_and_counts_per_kind() {
        StreamRedactor stream = new StreamRedactor(redactor);
        List<String> out = List.of("cat id_rsa", "-----BEGIN RSA PRIVATE KEY-----", "MIIEowIBAAKCAQEA1",
                "-----END RSA PRIVATE KEY-----", "mail me@example.com").stream().map(stream::line).toList();
        assertThat(out).containsExactly("cat id_rsa", "[REDACTED:private-key]", "[REDACTED:private-key]",
                "[REDACTED:private-key]", "mail [REDACTED:email]");
        assertThat(stream.counts()).isEqualTo(Map.of("private-key", 1, "email", 1));
    }

    @Test
    void text_beside_a_key_block_on_the_same_line_is_redacted_too() {
        StreamRedactor stream = new StreamRedactor(redactor);
        List<String> out = List.of("token AKIAIOSFODNN7EXAMPLE -----BEGIN EC PRIVATE KEY-----", "MHcCAQEEI",
                "-----END EC PRIVATE KEY----- then mail a@example.com").stream().map(stream::line).toList();
        assertThat(out).containsExactly("token [REDACTED:aws-access-key] [REDACTED:private-key]",
                "[REDACTED:private-key]", "[REDACTED:private-key] then mail [REDACTED:email]");
    }
}
