package org.incidentconsole.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.incidentconsole.inventory.FieldRules.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The role rules on their own: values operators write pass, shell syntax and look-alikes do not. */
class FieldRulesTest {
    @ParameterizedTest(name = "{0} accepts {1}")
    @CsvSource(delimiter = '|', value = {
        "NAME          | web-01",
        "NAME          | db_2.eu-west",
        "ADDRESS       | web-01.prod.example.com",
        "ADDRESS       | 10.0.0.1",
        "ADDRESS       | fe80::1%eth0",
        "ADDRESS       | [2001:db8::1]",
        "ADDRESS       | xn--bcher-kva.example",
        "USER          | deploy",
        "USER          | svc.ops@corp",
        "ABSOLUTE_PATH | /var/www/api-gateway",
        "ABSOLUTE_PATH | /srv/app-2.1+build@x",
        "LOG_PATH      | /var/log/app/*.log",
        "LOG_PATH      | /var/log/{nginx,php}/error.log",
        "SYSTEMD_UNIT  | php8.3-fpm",
        "SYSTEMD_UNIT  | getty@tty1.service",
        "SYSTEMD_UNIT  | dev-disk-by\\x2duuid.device",
        "ENV_NAME      | API_REDIS_PASSWORD",
        "REDIS_KEY     | circuit_breaker:{service}:state",
        "REDIS_KEY     | *rate_limit:*",
        "URL           | http://127.0.0.1/api/health",
        "URL           | https://[::1]:8443/health?deep=1"})
    void values_operators_write_are_accepted(Role role, String value) {
        assertThat(FieldRules.problem(role, value)).isEmpty();
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @CsvSource(delimiter = '|', value = {
        "NAME          | w\u0435b-01                  | U+0435 CYRILLIC SMALL LETTER IE at character 2",
        "NAME          | web\u200b01                  | U+200B ZERO WIDTH SPACE",
        "NAME          | -web                         | starts with '-'",
        "NAME          | web:01                       | ':' (U+003A COLON)",
        "ADDRESS       | -oProxyCommand=sh            | starts with '-'",
        "ADDRESS       | host..example.                | is not a host name",
        "USER          | -l                           | starts with '-'",
        "ABSOLUTE_PATH | /var/www/app$(touch pwned)   | '$' (U+0024 DOLLAR SIGN) at character 13",
        "ABSOLUTE_PATH | /var/www/`id`                | '`' (U+0060 GRAVE ACCENT)",
        "ABSOLUTE_PATH | /srv/a;reboot                | ';' (U+003B SEMICOLON)",
        "ABSOLUTE_PATH | /srv/*                       | '*' (U+002A ASTERISK)",
        "ABSOLUTE_PATH | srv/app                      | is not an absolute path",
        "ABSOLUTE_PATH | --hard                       | is not an absolute path",
        "ABSOLUTE_PATH | ~/app                        | '~' (U+007E TILDE)",
        "LOG_PATH      | -n1000                       | is not an absolute path or glob",
        "LOG_PATH      | /var/log/$(id)               | '$'",
        "SYSTEMD_UNIT  | --now                        | starts with '-'",
        "SYSTEMD_UNIT  | a@b@c                        | at most one '@'",
        "SYSTEMD_UNIT  | nginx;reboot                 | ';'",
        "ENV_NAME      | 1PASS                        | and not a digit first",
        "ENV_NAME      | $PASS                        | '$'",
        "REDIS_KEY     | cb state                     | ' ' (U+0020 SPACE)",
        "URL           | file:///etc/passwd           | not an http:// or https:// URL",
        "URL           | http://a b/                  | ' '"})
    void values_unfit_for_the_role_are_refused_with_the_character_named(Role role, String value, String reason) {
        assertThat(FieldRules.problem(role, value)).hasValueSatisfying(p -> assertThat(p).contains(reason));
    }

    @Test
    void empty_and_overlong_values_are_refused_and_messages_show_a_bounded_escaped_value() {
        assertThat(FieldRules.problem(Role.ABSOLUTE_PATH, "")).contains("is empty; expected a path");
        assertThat(FieldRules.problem(Role.NAME, "a".repeat(254))).contains("is 254 characters long; a name has at most 253");
        assertThat(FieldRules.problem(Role.ABSOLUTE_PATH, "/" + "a".repeat(100) + "\n"))
                .hasValueSatisfying(p -> assertThat(p).contains("…").contains("U+000A").doesNotContain("\n"));
        assertThatThrownBy(() -> FieldRules.require(Role.ABSOLUTE_PATH, "/srv/a b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("a path '/srv/a b' holds ' '");
    }
}
