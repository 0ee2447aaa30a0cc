package org.incidentconsole.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.inventory.InventoryRefusal.BASE;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The inventory's {@code notify:} block: every channel type read as written, and each mistake refused at its line. */
class NotifyInventoryTest {
    /** The example, in our own words: every channel type and a status page. */
    static final String FULL = BASE + """
            notify:
              update_every: 5m
              channels:
                ops:       {type: slack,      url_env: OPS_SLACK_WEBHOOK}
                eng:       {type: mattermost, url_env: ENG_MM_WEBHOOK}
                leads:     {type: teams,      url_env: LEADS_TEAMS_WORKFLOW}
                community: {type: discord,    url_env: COMMUNITY_DISCORD_WEBHOOK}
                pager:
                  type: webhook
                  url_env: PAGER_HOOK_URL
                  method: put
                  headers: {X-Source: incident-console}
                  secret_headers: {Authorization: PAGER_AUTH_HEADER}
                  body: '{"summary": {{text}}, "severity": {{ severity }}}'
                mail:
                  type: email
                  host: smtp.example.com
                  from: oncall@example.com
                  to: [incidents@example.com, leads@example.com]
                  user_env: SMTP_USER
                  password_env: SMTP_PASSWORD
                  ca_file: ~/certs/mail-ca.pem
              status_page:
                page_id: pg4example
                token_env: STATUSPAGE_TOKEN
                components: {API: cmpapi01, Website: cmpweb02}
            """;

    @TempDir
    Path dir;

    @Test
    void every_channel_type_is_read_in_file_order_with_its_line_and_defaults() throws Exception {
        NotifySettings comms = load(FULL).comms();

        assertThat(comms.updateEvery()).isEqualTo(Duration.ofMinutes(5));
        assertThat(comms.channels()).extracting(NotifyChannel::name)
                .containsExactly("ops", "eng", "leads", "community", "pager", "mail");
        assertThat(comms.channels()).extracting(NotifyChannel::kind).containsExactly(ChannelKind.SLACK,
                ChannelKind.MATTERMOST, ChannelKind.TEAMS, ChannelKind.DISCORD, ChannelKind.WEBHOOK, ChannelKind.EMAIL);
        assertThat(comms.channel("ops").orElseThrow().line()).isEqualTo(10);
        assertThat(comms.channel("ops").orElseThrow().urlEnv()).isEqualTo("OPS_SLACK_WEBHOOK");
        WebhookShape pager = comms.channel("pager").orElseThrow().webhook();
        assertThat(pager).isEqualTo(new WebhookShape("PUT", Map.of("X-Source", "incident-console"),
                Map.of("Authorization", "PAGER_AUTH_HEADER"), "{\"summary\": {{text}}, \"severity\": {{ severity }}}"));
        assertThat(comms.channel("mail").orElseThrow().smtp()).isEqualTo(new SmtpSettings("smtp.example.com", 587,
                SmtpSecurity.STARTTLS, "oncall@example.com", List.of("incidents@example.com", "leads@example.com"),
                "SMTP_USER", "SMTP_PASSWORD", Path.of("/home/operator/certs/mail-ca.pem")));
        assertThat(comms.statusPage()).isEqualTo(new StatusPageSettings(URI.create("https://api.statuspage.io/v1"),
                "pg4example", "STATUSPAGE_TOKEN", Map.of("API", "cmpapi01", "Website", "cmpweb02"), 29));
    }

    @Test
    void the_readme_example_loads_with_one_channel_of_each_type() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("## Telling the team (notify:)"));
        String example = section.substring(section.indexOf("```yaml\n") + 8, section.indexOf("```\n", 8));

        NotifySettings comms = load(BASE + example).comms();

        assertThat(comms.channels()).extracting(NotifyChannel::kind).containsExactlyInAnyOrder(ChannelKind.values());
        assertThat(comms.statusPage()).isNotNull();
        assertThat(comms.updateEvery()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void an_inventory_without_notify_has_no_channels_and_the_default_cadence() throws Exception {
        assertThat(load(BASE).comms()).isEqualTo(NotifySettings.NONE);
        assertThat(load(BASE + "notify: {channels: {}}\n").comms().updateEvery()).isEqualTo(Duration.ofMinutes(15));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "30m, 30", "1h, 60", "1m, 1", "90s, 1", "24h, 1440", "1h30m, 90", "5 m, 5", "10min, 10"})
    void update_every_reads_seconds_minutes_and_hours(String written, long minutes) throws Exception {
        assertThat(load(BASE + "notify: {update_every: '" + written + "'}\n").comms().updateEvery().toMinutes())
                .isEqualTo(minutes);
    }

    @ParameterizedTest(name = "security {0}, port {1}")
    @CsvSource({"starttls, 587", "tls, 465", "TLS, 465"})
    void an_email_port_defaults_by_its_security(String security, int port) throws Exception {
        NotifySettings comms = load(BASE + "notify: {channels: {m: {type: email, host: mx.example.com, from: a@b.c,"
                + " to: [d@e.f], security: " + security + "}}}\n").comms();
        assertThat(comms.channel("m").orElseThrow().smtp().port()).isEqualTo(port);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"localhost, 25", "127.0.0.1, 25", "'::1', 25"})
    void security_none_is_allowed_for_a_loopback_host(String host, int port) throws Exception {
        NotifySettings comms = load(BASE + "notify: {channels: {m: {type: email, host: '" + host + "', from: a@b.c,"
                + " to: [d@e.f], security: none}}}\n").comms();
        assertThat(comms.channel("m").orElseThrow().smtp().port()).isEqualTo(port);
    }

    @Test
    void a_status_page_on_loopback_may_use_plain_http() throws Exception {
        StatusPageSettings page = load(BASE + "notify: {status_page: {api: 'http://127.0.0.1:8125/v1/', page_id: p1,"
                + " token_env: T}}\n").comms().statusPage();
        assertThat(page.api()).isEqualTo(URI.create("http://127.0.0.1:8125/v1"));
        assertThat(page.components()).isEmpty();
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                row("unknown channel type", "    ops: {type: telegram, url_env: X}", 9,
                        "expected one of slack, mattermost, teams, discord, webhook, email, got 'telegram'"),
                row("channel without a type", "    ops: {url_env: X}", 9, "channel 'ops' has no 'type'"),
                row("channel name with a space", "    'ops room': {type: slack, url_env: X}", 9,
                        "channel name 'ops room' is not a short identifier"),
                row("channel name too long", "    " + "c".repeat(40) + ": {type: slack, url_env: X}", 9,
                        "is not a short identifier"),
                row("channel names differing by case", "    ops: {type: slack, url_env: X}\n"
                        + "    OPS: {type: slack, url_env: Y}", 10, "differs only by case from 'ops'"),
                row("slack channel without url_env", "    ops: {type: slack}", 9, "a slack channel needs 'url_env'"),
                row("email field on a chat channel", "    ops: {type: teams, url_env: X, host: smtp.example.com}", 9,
                        "'host' is not a field of a teams channel; it gives type, url_env"),
                row("body on a discord channel", "    ops:\n      type: discord\n      url_env: X\n"
                        + "      body: '{}'", 12, "'body' is not a field of a discord channel"),
                row("url key in place of url_env", "    ops:\n      type: slack\n      url: https://hooks.example/a",
                        11, "'url' would put a secret in the file (its value is not shown); secrets never go in the "
                                + "file: name the environment variable that holds it with 'url_env' instead"),
                row("webhook key", "    ops: {type: slack, webhook: 'https://x.example/y'}", 9,
                        "'webhook' would put a secret in the file"),
                row("token key on the status page", "  status_page: {page_id: p, token: abc}", 8,
                        "name the environment variable that holds it with 'token_env' instead"),
                row("password key on e-mail", "    m: {type: email, host: h, from: a@b.c, to: [d@e.f], password: pw}",
                        9, "with 'password_env' instead"),
                row("a URL in url_env", "    ops: {type: slack, url_env: 'https://hooks.example.com/services/T1/B2'}",
                        9, "'notify.channels.ops.url_env': this holds a URL (not shown) where the name of an "
                                + "environment variable belongs; secrets never go in the file"),
                row("a URL without scheme in url_env", "    ops: {type: mattermost, url_env: chat.example.com/hooks/x}",
                        9, "holds a URL (not shown)"),
                row("a token in token_env", "  status_page: {page_id: p, token_env: 'OAuth 1a2b3c'}", 8,
                        "this holds an authorization value (not shown)"),
                row("a mixed-case token in token_env", "  status_page: {page_id: p, token_env: Ab12Cd34Ef56Gh78Ij90Kl}",
                        8, "this holds a token (not shown)"),
                row("a password in password_env", "    m: {type: email, host: h, from: a@b.c, to: [d@e.f], "
                        + "password_env: 'hunter2!'}", 9, "a value that is no variable name (a password?)"),
                row("a variable name starting with a digit", "    ops: {type: slack, url_env: 1HOOK}", 9,
                        "letters, digits and '_', not starting with a digit"),
                row("a secret value in secret_headers", "    p:\n      type: webhook\n      url_env: U\n"
                        + "      body: '{}'\n      secret_headers: {Authorization: 'Bearer abc.def'}", 13,
                        "'notify.channels.p.secret_headers.Authorization': this holds an authorization value"),
                row("an Authorization header in plain headers", "    p:\n      type: webhook\n      url_env: U\n"
                        + "      body: '{}'\n      headers: {Authorization: Basic}", 13,
                        "header 'Authorization' carries a secret (not shown); secrets never go in the file: move it "
                                + "to secret_headers"),
                row("a token as a plain header's value", "    p:\n      type: webhook\n      url_env: U\n"
                        + "      body: '{}'\n      headers: {X-Source: xoxb-12345-abcdef}", 13,
                        "header 'X-Source' carries a token (not shown)"),
                row("webhook method GET", "    p: {type: webhook, url_env: U, body: '{}', method: GET}", 9,
                        "method 'GET' is not one of POST, PUT, PATCH"),
                row("webhook without a body", "    p: {type: webhook, url_env: U}", 9,
                        "a webhook channel needs 'body': the JSON to send"),
                row("unknown placeholder on the body's line", "    p:\n      type: webhook\n      url_env: U\n"
                        + "      body: '{\"a\": {{text}}, \"b\": {{summary}}}'", 12,
                        "the body names {{summary}}, which is no fact; a placeholder is one of text, subject, title"),
                row("unknown placeholder on a body's later line", "    p:\n      type: webhook\n      url_env: U\n"
                        + "      body: |\n        {\"a\": {{text}},\n         \"b\": {{sevrity}}}", 14,
                        "the body names {{sevrity}}"),
                row("a password inside the body", "    p: {type: webhook, url_env: U, body: '{\"m\": {{text}}, "
                        + "\"auth\": {\"password\": \"hunter2\"}}'}", 9,
                        "the body carries a secret under 'password' (not shown); secrets never go in the file"),
                row("a token inside a body list", "    p: {type: webhook, url_env: U, body: '[{{text}}, "
                        + "\"xoxb-1111-2222-abcdefabcdef\"]'}", 9, "the body carries a token (not shown)"),
                row("body that is not JSON", "    p: {type: webhook, url_env: U, body: '{\"a\": {{text}}'}", 9,
                        "the body is not JSON once each {{name}} is filled in as a JSON string"),
                row("email without recipients", "    m: {type: email, host: h, from: a@b.c}", 9,
                        "a email channel needs 'to': a list of recipient addresses"),
                row("email with an empty to list", "    m: {type: email, host: h, from: a@b.c, to: []}", 9,
                        "'to' is empty; give at least one recipient address"),
                row("email with a bad recipient", "    m: {type: email, host: h, from: a@b.c, to: [ops-team]}", 9,
                        "recipient 'ops-team' is not an address"),
                row("email with a bad sender", "    m: {type: email, host: h, from: oncall, to: [a@b.c]}", 9,
                        "from 'oncall' is not an address"),
                row("email with an unknown security", "    m: {type: email, host: h, from: a@b.c, to: [a@b.c], "
                        + "security: ssl}", 9, "security 'ssl' is not one of starttls, tls, none"),
                row("security none on a remote host", "    m: {type: email, host: smtp.example.com, from: a@b.c, "
                        + "to: [a@b.c], security: none}", 9, "allowed only for a loopback host"),
                row("email port out of range", "    m: {type: email, host: h, from: a@b.c, to: [a@b.c], port: 70000}",
                        9, "port out of range (1-65535): 70000"),
                row("email host with a shell character", "    m: {type: email, host: 'h;rm', from: a@b.c, to: [a@b.c]}",
                        9, "SMTP host 'h;rm' holds ';'"),
                row("status page without page_id", "  status_page: {token_env: T}", 8,
                        "the status page needs 'page_id'"),
                row("status page without token_env", "  status_page: {page_id: p}", 8,
                        "the status page needs 'token_env'"),
                row("status page over plain http", "  status_page: {api: 'http://status.example.com/v1', page_id: p,"
                        + " token_env: T}", 8, "would send the token unencrypted; use https://"),
                row("status page api with a query", "  status_page: {api: 'https://s.example.com/v1?api_key=k', "
                        + "page_id: p, token_env: T}", 8, "api holds a login or a query (not shown)"),
                row("component without an id", "  status_page:\n    page_id: p\n    token_env: T\n"
                        + "    components: {API: 'a b'}", 11, "component 'API' needs an id"),
                row("unknown field in a channel", "    ops: {type: slack, url_env: X, colour: red}", 9,
                        "unknown field 'colour'"));
    }

    static Stream<Arguments> cadences() {
        return Stream.of(
                Arguments.of("every 5 minutes", "expected a duration such as 30s, 5m or 1h, got 'every 5 minutes'"),
                Arguments.of("300", "expected a duration such as 30s, 5m or 1h, got '300'"),
                Arguments.of("5d", "expected a duration such as 30s, 5m or 1h"),
                Arguments.of("30s", "an update every '30s' is out of range; give between 1m and 24h"),
                Arguments.of("25h", "an update every '25h' is out of range; give between 1m and 24h"));
    }

    private static Arguments row(String label, String lines, int line, String fragment) {
        String yaml = lines.startsWith("  status_page") ? BASE + "notify:\n" + lines + "\n"
                : BASE + "notify:\n  channels:\n" + lines + "\n";
        return Arguments.of(label, yaml, line, fragment);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void each_mistake_in_notify_is_refused_at_its_line_with_one_sentence(String label, String yaml, int line,
                                                                       String fragment) throws IOException {
        InventoryException e = refusal(label, yaml);

        assertThat(e.getMessage()).as(label).startsWith(file() + ":" + line + ":").contains(fragment);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cadences")
    void update_every_is_a_duration_between_a_minute_and_a_day(String written, String fragment) throws IOException {
        InventoryException e = refusal(written, BASE + "notify:\n  update_every: " + written + "\n");

        assertThat(e.getMessage()).startsWith(file() + ":8:").contains("'notify.update_every'").contains(fragment);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "url_env      | https://hooks.slack.com/services/T0SECRET1/B0SECRET2/s3cr3tS3cr3tS3cr3t",
            "url_env      | discord.com/api/webhooks/123456789012345678/sEcReTtOkEn-abc",
            "password_env | Tr0ub4dor&3",
            "password_env | correct horse battery staple",
            "url          | https://chat.example.com/hooks/sekr1tsekr1tsekr1tsekr1tab",
            "password     | hunter2hunter2",
            "user_env     | xoxb-111-222-sekr1tsekr1t"})
    void a_secret_written_into_the_file_is_refused_without_being_repeated(String key, String secret)
            throws IOException {
        String yaml = BASE + "notify:\n  channels:\n    m: {type: email, host: h, from: a@b.c, to: [a@b.c], " + key
                + ": '" + secret + "'}\n";

        InventoryException e = refusal(key, yaml);

        assertThat(e.problems()).extracting(InventoryException::getMessage)
                .anySatisfy(m -> assertThat(m).contains("secrets never go in the file"))
                .allSatisfy(m -> assertThat(m).doesNotContain(secret).doesNotContain(secret.substring(0, 8)));
    }

    @Test
    void every_problem_of_the_block_is_reported_at_once() throws IOException {
        InventoryException e = refusal("three problems", BASE + """
                notify:
                  update_every: 2s
                  channels:
                    a: {type: slack}
                    b: {type: email, host: h, from: a@b.c, to: [x]}
                """);

        assertThat(e.problems()).extracting(InventoryException::line).containsExactly(8, 10, 11);
    }

    private Inventory load(String yaml) throws IOException, InventoryException {
        Files.writeString(file(), yaml, StandardCharsets.UTF_8);
        return new InventoryLoader(Path.of("/home/operator")).load(file());
    }

    private InventoryException refusal(String label, String yaml) throws IOException {
        Files.writeString(file(), yaml, StandardCharsets.UTF_8);
        InventoryException e = InventoryRefusal.loadOrRefusal(file(), label);
        assertThat(e).as(label + ": must be refused").isNotNull();
        return e;
    }

    private Path file() {
        return dir.resolve("inventory.yaml");
    }
}
