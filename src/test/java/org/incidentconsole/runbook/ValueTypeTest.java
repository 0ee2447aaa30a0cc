package org.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueTypeTest {
    @ParameterizedTest(name = "{0} ''{1}'' → {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            GIT_REF | main                          | true
            GIT_REF | release/2024-05               | true
            GIT_REF | v1.2.3                        | true
            GIT_REF | a1b2c3d                       | true
            GIT_REF | 0123456789abcdef0123456789abcdef01234567 | true
            GIT_REF | HEAD~1                        | true
            GIT_REF | v1.2^2                        | true
            GIT_REF | HEAD~                         | true
            GIT_REF | v1.2$(touch${IFS}pwned)       | true
            GIT_REF | v1.2`id`                      | true
            GIT_REF | $REDISCLI_AUTH                | true
            GIT_REF | HEAD --hard                   | false
            GIT_REF | --output=somefile             | false
            GIT_REF | -f                            | false
            GIT_REF | a..b                          | false
            GIT_REF | a@{1}                         | false
            GIT_REF | @                             | false
            GIT_REF | *                             | false
            GIT_REF | a?                            | false
            GIT_REF | [a]                           | false
            GIT_REF | a:b                           | false
            GIT_REF | a\\b                          | false
            GIT_REF | feature.lock                  | false
            GIT_REF | feature/                      | false
            GIT_REF | feature.                      | false
            GIT_REF | .hidden                       | false
            GIT_REF | a/.b                          | false
            GIT_REF | a//b                          | false
            GIT_REF | /abs                          | false
            GIT_REF | abc #                         | false
            GIT_REF | ~1                            | false
            PATH    | /var/www/app                  | true
            PATH    | releases/2024-05-01_1         | true
            PATH    | ./app                         | true
            PATH    | /var/www/app$(touch pwned)    | false
            PATH    | /var/www/my app               | false
            PATH    | -rf                           | false
            PATH    | /var/*                        | false
            SERVICE | php8.3-fpm                    | true
            SERVICE | getty@tty1.service            | true
            SERVICE | circuit_breaker:payments:state | true
            SERVICE | nginx;reboot                  | false
            SERVICE | --now                         | false
            HOST    | web-01.example.com            | true
            HOST    | 10.0.0.1                      | true
            HOST    | ::1                           | true
            HOST    | web 01                        | false
            HOST    | -oProxyCommand=x              | false
            NUMBER  | 42                            | true
            NUMBER  | 0.5                           | true
            NUMBER  | -1                            | false
            NUMBER  | 1e9                           | false
            URL     | http://127.0.0.1/api/health   | true
            URL     | https://x.example/a?b=1&c=2   | true
            URL     | file:///etc/passwd            | false
            URL     | http://a b                    | false
            URL     | http://a/'b                   | false
            TEXT    | circuit_breaker:              | true
            TEXT    | *rate_limit:*                 | true
            TEXT    | {main,--hard}                 | true
            TEXT    | two words; and $(more) `here` | true
            TEXT    | x[$(touch pwned)]             | false
            TEXT    | a[0] `id`                     | false
            TEXT    | $(id) [a]                     | true
            URL     | http://[::1]/$(id)            | false
            TEXT    | --output=somefile             | false
            TEXT    | ''                            | true
            """)
    void each_type_accepts_and_refuses_by_its_rule(ValueType type, String value, boolean accepted) {
        assertThat(type.problem(value)).as(type + " " + value).matches(p -> (p == null) == accepted);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a\\nb         | contains a line break
            a\\rb         | contains a line break
            a\\0b         | contains a NUL character
            """)
    void no_type_takes_nul_or_line_breaks(String escaped, String rule) {
        String value = escaped.replace("\\n", "\n").replace("\\r", "\r").replace("\\0", "\0");
        for (ValueType t : ValueType.values()) {
            assertThat(t.problem(value)).isEqualTo(rule);
        }
    }

    @org.junit.jupiter.api.Test
    void no_value_is_longer_than_the_limit() {
        assertThat(ValueType.TEXT.problem("a".repeat(ValueType.MAX_LENGTH))).isNull();
        assertThat(ValueType.TEXT.problem("a".repeat(1_000_000))).isEqualTo("is 1000000 characters long (at most 4096)");
    }

    @ParameterizedTest(name = "{0} (role {1}) → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            stable_ref           | rollback-to   | GIT_REF
            target               | rollback-from | GIT_REF
            release_tag          |               | GIT_REF
            deploy_commit        |               | GIT_REF
            commit-hash          |               | GIT_REF
            app_dir              |               | PATH
            log_path             |               | PATH
            health_url           |               | URL
            php_fpm_service      |               | SERVICE
            service              |               | SERVICE
            db_host              |               | HOST
            breaker_prefix       |               | TEXT
            rate_limit_pattern   |               | TEXT
            feature              |               | TEXT
            """)
    void an_undeclared_type_is_inferred_from_role_and_name(String name, String role, ValueType expected) {
        assertThat(ValueType.infer(name, role)).isEqualTo(expected);
    }
}
