package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.incident.IncidentEvent;
import org.incidentconsole.incident.IncidentSession;
import org.incidentconsole.incident.IncidentStore;
import org.incidentconsole.severity.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code incident-console notify} against webhooks on loopback: dry run, a send, refusals; secrets never shown. */
class NotifyCommandTest {
    private static final long SEED = new Random().nextLong();

    @TempDir
    Path dir;
    HttpServer hooks;
    String okToken;
    String badToken;
    Map<String, String> env;
    AppHome home;
    Path inventory;
    final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        Random random = new Random(SEED);
        okToken = token(random);
        badToken = token(random);
        hooks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        hooks.createContext("/", this::answer);
        hooks.start();
        String base = "http://127.0.0.1:" + hooks.getAddress().getPort();
        env = new HashMap<>(Map.of("OPS_HOOK", base + "/services/" + okToken, "ENG_HOOK", base + "/hooks/" + badToken));
        home = new AppHome(dir.resolve("home"));
        inventory = dir.resolve("inventory.yaml");
        Files.writeString(inventory, """
                environment: staging
                hosts:
                  - {name: web-01, address: 127.0.0.1, port: 22, user: deploy}
                notify:
                  channels:
                    ops: {type: slack, url_env: OPS_HOOK}
                    eng: {type: mattermost, url_env: ENG_HOOK}
                """);
    }

    @AfterEach
    void stop() {
        hooks.stop(0);
    }

    private static String token(Random random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            boolean ok = exchange.getRequestURI().getPath().endsWith(okToken);
            byte[] reply = (ok ? "ok" : "invalid_payload").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(ok ? 200 : 400, reply.length);
            exchange.getResponseBody().write(reply);
        }
    }

    private record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private Run notify(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new NotifyCommand(home, env));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 2];
        all[0] = "--inventory";
        all[1] = inventory.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int exit = cli.execute(all);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void a_dry_run_shows_each_payload_with_the_url_masked_sends_nothing_and_checks_the_secrets() {
        Run run = notify("--template", "progress", "--channel", "ops", "--channel", "eng", "--dry-run");

        assertThat(run.exit()).as(run.all()).isZero();
        assertThat(run.out()).contains("== ops (dry run: nothing sent)", "== eng (dry run: nothing sent)",
                "POST http://127.0.0.1", "Channel test from incident-console (no incident)", "secrets set");
        assertThat(run.all()).as("seed " + SEED).doesNotContain(okToken, badToken);
        assertThat(received).isEmpty();

        env.remove("ENG_HOOK");
        Run missing = notify("--template", "progress", "--channel", "eng", "--dry-run");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.out()).contains("secrets NOT set: ENG_HOOK");
    }

    @Test
    void a_send_reports_each_channel_as_it_settles_and_exits_1_when_one_failed() {
        Run run = notify("--text", "Rolled back to v41; watching the error rate.", "--channel", "ops",
                "--channel", "eng");

        assertThat(run.exit()).as(run.all()).isEqualTo(1);
        assertThat(run.out()).containsPattern("ops: delivered at \\d\\d:\\d\\d:\\d\\d \\(200\\)")
                .contains("eng: FAILED: 400 invalid_payload: Mattermost refused the message");
        assertThat(run.err()).contains("not journaled");
        assertThat(received).hasSize(2).allSatisfy(body -> assertThat(body).contains("Rolled back to v41"));
        assertThat(run.all()).as("seed " + SEED).doesNotContain(okToken, badToken);

        Run ok = notify("--text", "All clear.", "--channel", "ops");
        assertThat(ok.exit()).as(ok.all()).isZero();
    }

    @Test
    void an_incident_fills_the_template_from_its_journal_which_stays_as_it_was() throws Exception {
        IncidentSession session = new IncidentStore(home.incidents(), Clock.systemUTC()).start("Checkout answers 500",
                "alert", Severity.P1, "staging", "jana", null, "UTC");
        String id = session.id();
        Path journal = session.journalFile();
        session.close();
        byte[] before = Files.readAllBytes(journal);

        Run run = notify("--template", "initial", "--incident", id, "--channel", "ops");

        assertThat(run.exit()).as(run.all()).isZero();
        assertThat(received).singleElement().asString().contains("Checkout answers 500", "P1");
        assertThat(Files.readAllBytes(journal)).as("the journal is only read").isEqualTo(before);
    }

    @Test
    void the_status_page_incident_the_journal_knows_is_updated_not_opened_again() throws Exception {
        List<String> calls = new CopyOnWriteArrayList<>();
        HttpServer page = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        page.createContext("/", exchange -> {
            try (exchange) {
                calls.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                byte[] reply = "{\"id\": \"p31zjtct2jer\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, reply.length);
                exchange.getResponseBody().write(reply);
            }
        });
        page.start();
        try {
            Files.writeString(inventory, Files.readString(inventory) + """
                      status_page:
                        api: http://127.0.0.1:%d/v1
                        page_id: kctbh9vrtdwd
                        token_env: STATUSPAGE_TOKEN
                        components: {Checkout: cmp0checkout1}
                    """.formatted(page.getAddress().getPort()));
            env.put("STATUSPAGE_TOKEN", okToken);
            IncidentSession session = new IncidentStore(home.incidents(), Clock.systemUTC()).start("Checkout fails",
                    "alert", Severity.P1, "staging", "jana", null, "UTC");
            session.record(new IncidentEvent.MessagePosted("m1", "initial", "s", "Investigating.",
                    List.of("status-page"), "investigating", "jana")).get(30, TimeUnit.SECONDS);
            session.record(new IncidentEvent.MessageDelivery("m1", "status-page", "delivered", 201, null, 1,
                    "p31zjtct2jer")).get(30, TimeUnit.SECONDS);
            String id = session.id();
            session.close();

            Run run = notify("--template", "progress", "--incident", id, "--channel", "status-page", "--phase",
                    "identified");

            assertThat(run.exit()).as(run.all()).isZero();
            assertThat(calls).singleElement().asString()
                    .startsWith("PATCH /v1/pages/kctbh9vrtdwd/incidents/p31zjtct2jer ").contains("\"identified\"");
            assertThat(run.all()).as("seed " + SEED).doesNotContain(okToken);
        } finally {
            page.stop(0);
        }
    }

    @Test
    void a_wrong_channel_template_or_incident_is_one_sentence_and_exit_2() {
        Run channel = notify("--text", "x", "--channel", "pager");
        assertThat(channel.exit()).isEqualTo(2);
        assertThat(channel.err()).contains("no channel 'pager' in the notify: section of").contains("(channels: ops, eng)");

        Run template = notify("--template", "greeting", "--channel", "ops");
        assertThat(template.exit()).isEqualTo(2);
        assertThat(template.err()).contains("no message template 'greeting'");

        Run empty = notify("--channel", "ops");
        assertThat(empty.exit()).isEqualTo(2);
        assertThat(empty.err()).contains("the message is empty: give --text");

        Run incident = notify("--template", "progress", "--incident", "INC-nope", "--channel", "ops");
        assertThat(incident.exit()).isEqualTo(2);
        assertThat(incident.err()).contains("no incident INC-nope");
        assertThat(received).isEmpty();
    }
}
