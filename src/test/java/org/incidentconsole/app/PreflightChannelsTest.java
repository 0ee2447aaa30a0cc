package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.incidentconsole.inventory.ChannelKind;
import org.incidentconsole.inventory.NotifyChannel;
import org.incidentconsole.inventory.NotifySettings;
import org.incidentconsole.inventory.SmtpSecurity;
import org.incidentconsole.inventory.SmtpSettings;
import org.incidentconsole.inventory.StatusPageSettings;
import org.incidentconsole.inventory.WebhookShape;
import org.incidentconsole.ssh.HostKeyStore;
import org.incidentconsole.testing.MinaSshServer;
import org.incidentconsole.testing.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Preflight's notify rows: each channel's secrets looked up in the environment by name, never shown, nothing sent. */
class PreflightChannelsTest {
    private static final String SECRET = "https://hooks.example.test/services/T1/B2/" + UUID.randomUUID();

    @TempDir
    Path dir;

    static NotifyChannel chat(String name, ChannelKind kind, String env) {
        return new NotifyChannel(name, kind, 9, env, null, null);
    }

    static Stream<Arguments> channels() {
        NotifyChannel pager = new NotifyChannel("pager", ChannelKind.WEBHOOK, 9, "PAGER_URL", new WebhookShape("POST",
                Map.of("X-Source", "ic"), Map.of("Authorization", "PAGER_AUTH"), "{}"), null);
        NotifyChannel mail = new NotifyChannel("mail", ChannelKind.EMAIL, 9, null, null, new SmtpSettings("mx", 587,
                SmtpSecurity.STARTTLS, "a@b.c", List.of("d@e.f"), "SMTP_USER", "SMTP_PASSWORD", null));
        NotifyChannel anonymousMail = new NotifyChannel("relay", ChannelKind.EMAIL, 9, null, null, new SmtpSettings(
                "localhost", 25, SmtpSecurity.NONE, "a@b.c", List.of("d@e.f"), null, null, null));
        return Stream.of(
                Arguments.of(chat("ops", ChannelKind.SLACK, "OPS_URL"), Map.of("OPS_URL", SECRET), "slack",
                        "set ($OPS_URL)", true),
                Arguments.of(chat("ops", ChannelKind.SLACK, "OPS_URL"), Map.of(), "slack", "not set: $OPS_URL", false),
                Arguments.of(chat("eng", ChannelKind.MATTERMOST, "ENG_URL"), Map.of("ENG_URL", "  "), "mattermost",
                        "not set: $ENG_URL", false),
                Arguments.of(pager, Map.of("PAGER_URL", SECRET), "webhook", "not set: $PAGER_AUTH (set: $PAGER_URL)",
                        false),
                Arguments.of(pager, Map.of("PAGER_URL", SECRET, "PAGER_AUTH", "Bearer " + SECRET), "webhook",
                        "set ($PAGER_URL, $PAGER_AUTH)", true),
                Arguments.of(mail, Map.of("SMTP_USER", "ops"), "email", "not set: $SMTP_PASSWORD (set: $SMTP_USER)",
                        false),
                Arguments.of(anonymousMail, Map.of(), "email", "none needed", true));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("channels")
    void each_channel_says_which_of_its_variables_are_set(NotifyChannel channel, Map<String, String> env, String type,
                                                          String secrets, boolean ok) {
        List<ChannelPreflightRow> rows = ChannelSecrets.check(new NotifySettings(NotifySettings.DEFAULT_UPDATE_EVERY,
                List.of(channel), null), env);

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.cells()).containsExactly(channel.name(), type, secrets);
            assertThat(r.ok()).isEqualTo(ok);
        });
        String printed = String.join("\n", PreflightTable.text(List.of(), rows)) + PreflightTable.json(List.of(), rows)
                + rows.get(0).hostCells();
        assertThat(printed).doesNotContain(SECRET);
    }

    @Test
    void the_status_page_has_a_row_after_the_channels_and_the_json_lists_both() throws Exception {
        NotifySettings comms = new NotifySettings(NotifySettings.DEFAULT_UPDATE_EVERY,
                List.of(chat("ops", ChannelKind.TEAMS, "TEAMS_URL")), new StatusPageSettings(
                URI.create("https://api.statuspage.io/v1"), "p1", "SP_TOKEN", Map.of(), 12));

        List<ChannelPreflightRow> rows = ChannelSecrets.check(comms, Map.of("TEAMS_URL", SECRET));

        assertThat(rows).extracting(ChannelPreflightRow::cells).containsExactly(
                List.of("ops", "teams", "set ($TEAMS_URL)"),
                List.of("status page", "statuspage", "not set: $SP_TOKEN"));
        assertThat(PreflightTable.text(List.of(), rows)).containsExactly("host  reach  host key  auth  sudo  redis  "
                        + "health  clock skew", "",
                "channel      type        secrets",
                "ops          teams       set ($TEAMS_URL)",
                "status page  statuspage  not set: $SP_TOKEN");
        JsonNode doc = new ObjectMapper().readTree(PreflightTable.json(List.of(), rows));
        assertThat(doc.get("ok").asBoolean()).isFalse();
        assertThat(doc.get("channels").get(1).get("missing").get(0).asText()).isEqualTo("SP_TOKEN");
        assertThat(rows.get(1).hostCells()).hasSameSizeAs(PreflightRow.COLUMNS)
                .startsWith("notify status page", "statuspage (not contacted)", "-", "not set: $SP_TOKEN");
    }

    @Test
    void the_command_fails_when_a_channel_secret_is_missing_and_passes_when_it_is_set() throws Exception {
        Path key = TestKeys.generate(dir, "id_ed25519");
        try (MinaSshServer good = MinaSshServer.start(TestKeys.publicKey(key))) {
            AppHome home = new AppHome(dir.resolve("home"));
            home.prepare();
            new HostKeyStore(null, home.knownHosts()).trust("127.0.0.1", good.port(), good.hostKey());
            String base = "environment: drill\nhosts:\n  - {name: web-01, address: 127.0.0.1, port: " + good.port()
                    + ", user: " + System.getProperty("user.name") + ", agent: false, identity_files: [\"" + key
                    + "\"]}\nnotify:\n  channels:\n    ops: {type: slack, url_env: ";
            String unset = "H21_UNSET_" + UUID.randomUUID().toString().replace("-", "_");
            Path set = dir.resolve("set.yaml");
            Files.writeString(set, base + "PATH}\n"); // PATH is set in every test run
            Path missing = dir.resolve("missing.yaml");
            Files.writeString(missing, base + unset + "}\n");

            String[] ok = cli(home, "preflight", "--inventory", set.toString());
            String[] failed = cli(home, "preflight", "--inventory", missing.toString());

            assertThat(ok[0]).as(ok[1] + ok[2]).isEqualTo("0");
            assertThat(ok[1].lines().toList()).contains("ops      slack  set ($PATH)")
                    .noneMatch(line -> line.contains(System.getenv("PATH")));
            assertThat(failed[0]).as(failed[1] + failed[2]).isEqualTo("1");
            assertThat(failed[1].lines().toList()).contains("ops      slack  not set: $" + unset);
        }
    }

    private static String[] cli(AppHome home, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(home, new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {String.valueOf(exit), out.toString(), err.toString()};
    }
}
