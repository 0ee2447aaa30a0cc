package org.incidentconsole.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.inventory.InventoryRefusal.BASE;
import static org.incidentconsole.inventory.InventoryRefusal.withHost;
import static org.incidentconsole.inventory.InventoryShapeTableTest.row;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values refused by their role: look-alike, invisible and bidi characters in names, names that differ only by
 * case, and fields that reach a shell (app_dir, log paths, unit names) holding shell syntax.
 */
class InventoryFieldTableTest {
    @TempDir
    Path dir;

    static Stream<Arguments> fields() {
        return Stream.of(
                // names: host, group, tag
                row("Cyrillic e in a host name", BASE + "  - {name: w\u0435b-01, address: h}\n", 7,
                        "host name 'w\\u0435b-01' holds U+0435 CYRILLIC SMALL LETTER IE at character 2"),
                row("zero-width space in a host name", BASE + "  - {name: \"web\u200b-02\", address: h}\n", 7,
                        "U+200B ZERO WIDTH SPACE at character 4"),
                row("right-to-left override in a host name", BASE + "  - {name: \"web-\u202e20\", address: h}\n", 7,
                        "U+202E RIGHT-TO-LEFT OVERRIDE"),
                row("byte order mark inside a name", BASE + "  - {name: \"web\ufeff-02\", address: h}\n", 7,
                        "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
                row("newline in a host name", BASE + "  - {name: \"web\\n02\", address: h}\n", 7,
                        "U+000A LINE FEED (LF) at character 4"),
                row("escape sequence in a user", withHost("user: \"\\e[31mroot\""), 7, "U+001B ESCAPE"),
                row("NUL in an identity file", withHost("identity_files: [\"/k\\0ey\"]"), 7, "U+0000 NULL"),
                row("space in a host name", BASE + "  - {name: web 02, address: h}\n", 7,
                        "' ' (U+0020 SPACE) at character 4"),
                row("host name starting with a dash", BASE + "  - {name: -web, address: h}\n", 7,
                        "starts with '-'"),
                row("host name of 300 characters", BASE + "  - {name: " + "w".repeat(300) + ", address: h}\n", 7,
                        "is 300 characters long; a name has at most 253"),
                row("host names that differ only by case", BASE + "  - {name: WEB-01, address: h}\n", 7,
                        "host name 'WEB-01' differs only by case from 'web-01' (line 5)"),
                row("same host name twice", BASE + "  - {name: web-01, address: h}\n", 7,
                        "duplicate host name 'web-01' (first defined at line 5)"),
                row("Cyrillic in a group name", "environment: staging\ngroups:\n  w\u0435b: {user: u}\n", 3,
                        "'groups': group name 'w\\u0435b' holds U+0435"),
                row("group names that differ only by case", """
                        environment: staging
                        groups:
                          web: {user: u}
                          Web: {user: u}
                        """, 4, "group name 'Web' differs only by case from 'web' (line 3)"),
                row("slash in a group name", "environment: staging\ngroups:\n  web/eu: {user: u}\n", 3, "'/'"),
                row("Greek o in a tag", withHost("tags: [web, n\u03bfde]"), 7, "tag 'n\\u03BFde' holds U+03BF GREEK"),
                // addresses, users, environment variable names
                row("address that is an ssh option", withHost("port: 22").replace("10.0.0.1", "-oProxyCommand=id"), 6,
                        "starts with '-'"),
                row("international address", BASE.replace("10.0.0.1", "b\u00fccher.example"), 6,
                        "U+00FC LATIN SMALL LETTER U WITH DIAERESIS"),
                row("address with shell syntax", BASE.replace("10.0.0.1", "\"h;id\""), 6, "';' (U+003B SEMICOLON)"),
                row("user with a dollar", withHost("user: $USER"), 7, "login name"),
                row("redis host with a semicolon", withHost("redis: {address: \"127.0.0.1;id:6379\"}"), 7, "redis host"),
                row("password_env with a space", withHost("redis: {password_env: REDIS PASS}"), 7,
                        "an environment variable name may hold only"),
                row("password_env starting with a digit", withHost("redis: {password_env: 1PASS}"), 7, "starts with '1'"),
                // app_dir: pasted into suggestions and steps
                row("app_dir with command substitution", withHost("app_dir: \"/var/www/app$(touch pwned)\""), 7,
                        "app_dir '/var/www/app$(touch pwned)' holds '$' (U+0024 DOLLAR SIGN) at character 13"),
                row("app_dir with a backtick", withHost("app_dir: \"/var/www/`id`\""), 7, "'`' (U+0060 GRAVE ACCENT)"),
                row("app_dir with a semicolon", withHost("app_dir: \"/srv/app;reboot\""), 7, "';'"),
                row("app_dir with a pipe", withHost("app_dir: \"/srv/app|sh\""), 7, "'|'"),
                row("app_dir with an ampersand", withHost("app_dir: \"/srv/app&\""), 7, "'&'"),
                row("app_dir with a quote", withHost("app_dir: \"/srv/it's\""), 7, "'''"),
                row("app_dir with a glob", withHost("app_dir: /srv/app*"), 7, "'*'"),
                row("app_dir with a space", withHost("app_dir: /srv/my app"), 7, "' ' (U+0020 SPACE)"),
                row("app_dir with a newline", withHost("app_dir: \"/srv/app\\nreboot\""), 7, "U+000A LINE FEED"),
                row("relative app_dir", withHost("app_dir: var/www"), 7, "is not an absolute path"),
                row("app_dir that is an option", withHost("app_dir: --hard"), 7, "is not an absolute path"),
                row("app_dir in defaults no host uses", BASE.replace("  user: deploy", "  user: deploy\n  app_dir: ~/app")
                        .replace("address: 10.0.0.1", "address: 10.0.0.1\n    app_dir: /srv/app"), 4, "'app_dir'"),
                // health check fields the health package puts into commands
                row("systemd unit with a semicolon", withHost("health_checks:",
                        "  - {name: s, type: systemd, services: [nginx, \"php;reboot\"]}"), 8,
                        "health check 's': a systemd unit name 'php;reboot' holds ';'"),
                row("systemd unit that is an option", withHost("health_checks:",
                        "  - {name: s, type: systemd, services: [--now]}"), 8, "starts with '-'"),
                row("systemd units as text with a dollar", withHost("health_checks:",
                        "  - {name: s, type: systemd, services: \"nginx, $(id)\"}"), 8, "'$'"),
                row("log file with command substitution", withHost("health_checks:",
                        "  - {name: l, type: log-errors, file: \"/var/log/$(id).log\"}"), 8, "a log path '/var/log/$(id).log'"),
                row("relative log file", withHost("health_checks:",
                        "  - {name: l, type: pii-scan, file: storage/logs/laravel.log}"), 8, "is not an absolute path or glob"),
                row("disk path with a semicolon", withHost("health_checks:",
                        "  - {name: d, type: disk, path: \"/;reboot\"}"), 8, "health check 'd': a path"),
                row("http check of a local file", withHost("health_checks:",
                        "  - {name: h, type: http, url: \"file:///etc/passwd\"}"), 8, "not an http:// or https:// URL"),
                row("log file as a mapping", withHost("health_checks:",
                        "  - {name: l, type: log-errors, file: {path: /var/log/x}}"), 8, "expected text values"),
                row("rate limit pattern with a space", withHost("breakers: {rate_limits: [\"rate limit:*\"]}"), 7,
                        "rate limit pattern 'rate limit:*' holds ' '"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void each_value_unfit_for_its_role_is_refused_at_its_line(String label, String yaml, int line, String fragment)
            throws IOException {
        Path file = dir.resolve("inventory.yaml");
        Files.writeString(file, yaml);

        InventoryException e = InventoryRefusal.loadOrRefusal(file, label);

        assertThat(e).as(label + ": must be refused").isNotNull();
        assertThat(e.getMessage()).as(label).startsWith(file + ":" + line + ":").contains(fragment);
    }

    @Test
    void values_of_every_role_written_as_operators_write_them_load() throws Exception {
        Path file = dir.resolve("inventory.yaml");
        Files.writeString(file, withHost("user: svc.deploy_2", "app_dir: /var/www/api-gateway_v2/current",
                "tags: [php8.3-fpm, queue_2]",
                "redis: {address: \"[::1]:6380\", password_env: API_REDIS_PASSWORD}",
                "breakers: {rate_limits: [\"calcom_api_rate_limit:*\"]}",
                "health_checks:",
                "  - {name: services, type: systemd, services: [php8.3-fpm, nginx.service, getty@tty1.service]}",
                "  - {name: errors, type: log-errors, file: \"/var/log/app/*.log\"}",
                "  - {name: disk, type: disk, path: /var/lib/mysql}",
                "  - {name: api, type: http, url: \"https://127.0.0.1:8443/api/health?deep=1\"}")
                + "  - {name: db-01.eu-west, address: \"fe80::1\"}\n  - {name: lb_01, address: LB-01.example.com}\n");

        Inventory inventory = new InventoryLoader(Path.of("/home/operator")).load(file);

        Host web = inventory.host("web-01").orElseThrow();
        assertThat(web.appDir()).isEqualTo("/var/www/api-gateway_v2/current");
        assertThat(web.redis()).isEqualTo(new RedisEndpoint("::1", 6380, 0, "API_REDIS_PASSWORD", false));
        assertThat(web.healthChecks()).hasSize(4);
        assertThat(web.healthChecks().get(0).settings().get("services"))
                .isEqualTo(List.of("php8.3-fpm", "nginx.service", "getty@tty1.service"));
        assertThat(inventory.hosts()).extracting(Host::address).contains("fe80::1", "LB-01.example.com");
    }
}
