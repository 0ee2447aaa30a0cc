package org.incidentconsole.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.inventory.InventoryRefusal.BASE;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The inventory's {@code coordination:} block: read as written with its defaults, each mistake refused at its line. */
class CoordinationInventoryTest {
    /** BASE (web-01, no breaker Redis) plus a bastion and a host whose breaker Redis is 10.0.4.20:6379 db 2. */
    static final String HOSTS = BASE + """
              - name: bastion-01
                address: 10.0.0.9
              - name: app-01
                address: 10.0.0.2
                redis: {address: '10.0.4.20:6379', db: 2}
              - name: app-02
                address: 10.0.0.3
                redis: {}
            """;
    /** The line of {@code coordination:} below HOSTS; its fields follow. */
    static final int BLOCK = 15;

    @TempDir
    Path dir;

    @Test
    void every_field_is_read_as_written() throws Exception {
        CoordinationSettings c = load(HOSTS + """
                coordination:
                  redis: 10.0.4.21:6390
                  via: bastion-01
                  db: 3
                  password_env: COORD_REDIS_PASSWORD
                  tls: true
                  prefix: "ic:team-a:"
                """).coordination();

        assertThat(c).isEqualTo(new CoordinationSettings("10.0.4.21", 6390, "bastion-01", 3, "COORD_REDIS_PASSWORD",
                true, "ic:team-a:", BLOCK));
        assertThat(c.direct()).isFalse();
    }

    @Test
    void only_redis_is_required_and_the_rest_has_defaults() throws Exception {
        CoordinationSettings c = load(HOSTS + "coordination: {redis: coord.example.com}\n").coordination();

        assertThat(c).isEqualTo(new CoordinationSettings("coord.example.com", 6379, null, 0, null, false,
                "incident-console:coord:", BLOCK));
        assertThat(c.direct()).isTrue();
    }

    @Test
    void an_inventory_without_coordination_has_none() throws Exception {
        assertThat(load(HOSTS).coordination()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "via direct                                | {redis: 'coord:6379', via: direct}                       | coord     | 6379 | 0",
            "via DIRECT in capitals                    | {redis: 'coord:6379', via: DIRECT}                       | coord     | 6379 | 0",
            "bracketed IPv6 with a port                | {redis: '[fd00::20]:6380'}                               | fd00::20  | 6380 | 0",
            "bare IPv6 keeps the default port          | {redis: 'fd00::20'}                                      | fd00::20  | 6379 | 0",
            "the breaker Redis host in another db      | {redis: '10.0.4.20:6379', db: 3}                         | 10.0.4.20 | 6379 | 3",
            "the breaker Redis host on another port    | {redis: '10.0.4.20:6380', db: 2}                         | 10.0.4.20 | 6380 | 2",
            "the breaker Redis itself when allowed     | {redis: '10.0.4.20:6379', db: 2, allow_breaker_redis: true} | 10.0.4.20 | 6379 | 2",
            "loopback breaker Redis in another db      | {redis: 'localhost:6379', db: 1}                         | localhost | 6379 | 1"})
    void good_blocks_load(String label, String block, String host, int port, int db) throws Exception {
        CoordinationSettings c = load(HOSTS + "coordination: " + block + "\n").coordination();

        assertThat(c.host()).as(label).isEqualTo(host);
        assertThat(c.port()).as(label).isEqualTo(port);
        assertThat(c.db()).as(label).isEqualTo(db);
        assertThat(c.via()).as(label).isNull();
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                row("no redis", "  db: 1", 0, "coordination needs 'redis': the shared Redis as host:port"),
                row("empty block", null, 0, "'coordination': no value; give one or remove the line"),
                row("empty mapping", "  {}", 0, "coordination needs 'redis'"),
                row("port zero", "  redis: '10.0.4.21:0'", 1, "expected host:port with a port from 1 to 65535, got "
                        + "'10.0.4.21:0'"),
                row("port too big", "  redis: '10.0.4.21:70000'", 1, "a port from 1 to 65535"),
                row("port not a number", "  redis: 'coord:redis'", 1, "a port from 1 to 65535"),
                row("host with a shell character", "  redis: 'coord;rm:6379'", 1, "redis host 'coord;rm' holds ';'"),
                row("empty host", "  redis: ':6379'", 1, "redis host is empty"),
                row("via an unknown host", "  redis: coord\n  via: jump-99", 2,
                        "via 'jump-99' is no host of this inventory; name the host to tunnel through (SSH), or write "
                                + "'direct'"),
                row("via a host in other case", "  redis: coord\n  via: Bastion-01", 2, "no host of this inventory"),
                row("db 16", "  redis: coord\n  db: 16", 2, "db 16 is out of range; give 0 to 15"),
                row("db below zero", "  redis: coord\n  db: -1", 2, "db -1 is out of range"),
                row("db not a number", "  redis: coord\n  db: two", 2, "expected a whole number"),
                row("tls not a boolean", "  redis: coord\n  tls: maybe", 2, "'coordination.tls'"),
                row("a password in password_env", "  redis: coord\n  password_env: 'hunter2!'", 2,
                        "this holds a value that is no variable name (a password?) (not shown) where the name of an "
                                + "environment variable belongs; secrets never go in the file"),
                row("a token in password_env", "  redis: coord\n  password_env: Ab12Cd34Ef56Gh78Ij90Kl", 2,
                        "this holds a token (not shown)"),
                row("a redis URL in password_env", "  redis: coord\n  password_env: 'redis://:pw@coord:6379'", 2,
                        "this holds a URL (not shown)"),
                row("password key", "  redis: coord\n  password: s3cret", 2, "'password' would put a secret in the "
                        + "file (its value is not shown); secrets never go in the file: name the environment variable "
                        + "that holds it with 'password_env' instead"),
                row("prefix without a colon at the end", "  redis: coord\n  prefix: incident-console", 2,
                        "prefix 'incident-console' must end with ':'"),
                row("prefix with a star", "  redis: coord\n  prefix: 'ic:*:'", 2, "holds a glob character (* ? [ ])"),
                row("prefix with a question mark", "  redis: coord\n  prefix: 'ic?:'", 2, "holds a glob character"),
                row("prefix with brackets", "  redis: coord\n  prefix: 'ic[a]:'", 2, "holds a glob character"),
                row("prefix with a space", "  redis: coord\n  prefix: 'ic team:'", 2, "holds a space"),
                row("empty prefix", "  redis: coord\n  prefix: ''", 2, "prefix '' is empty"),
                row("the breaker Redis of a host", "  redis: '10.0.4.20:6379'\n  db: 2", 1,
                        "this is the breaker Redis of host 'app-01' (10.0.4.20:6379 db 2); the breaker Redis may be "
                                + "the sick component and runbooks FLUSHDB it: use another Redis or db, or set "
                                + "allow_breaker_redis: true"),
                row("the breaker Redis with the default port", "  redis: 10.0.4.20\n  db: 2", 1,
                        "the breaker Redis of host 'app-01'"),
                row("a loopback name of a loopback breaker Redis", "  redis: localhost", 1,
                        "the breaker Redis of host 'app-02' (localhost:6379 db 0)"),
                row("the breaker Redis, allow false", "  redis: '10.0.4.20:6379'\n  db: 2\n"
                        + "  allow_breaker_redis: false", 1, "the breaker Redis of host 'app-01'"),
                row("unknown field", "  redis: coord\n  colour: red", 2, "unknown field 'colour'"));
    }

    /** {@code lines} under {@code coordination:} (null: an empty block); {@code offset} lines below it. */
    private static Arguments row(String label, String lines, int offset, String fragment) {
        return Arguments.of(label, HOSTS + "coordination:\n" + (lines == null ? "" : lines + "\n"), BLOCK + offset,
                fragment);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void each_mistake_in_coordination_is_refused_at_its_line_with_one_sentence(String label, String yaml, int line,
                                                                              String fragment) throws IOException {
        InventoryException e = refusal(label, yaml);

        assertThat(e.getMessage()).as(label).startsWith(file() + ":" + line + ":").contains(fragment);
    }

    @Test
    void a_secret_in_the_block_is_never_repeated() throws IOException {
        String secret = "Tr0ub4dor&3xyz";
        InventoryException e = refusal("secret", HOSTS + "coordination:\n  redis: coord\n  password_env: '" + secret
                + "'\n  password: '" + secret + "'\n");

        assertThat(e.problems()).hasSize(2).extracting(InventoryException::getMessage)
                .allSatisfy(m -> assertThat(m).contains("secrets never go in the file").doesNotContain(secret)
                        .doesNotContain(secret.substring(0, 6)));
    }

    @Test
    void every_problem_of_the_block_is_reported_at_once() throws IOException {
        InventoryException e = refusal("four problems", HOSTS + """
                coordination:
                  redis: '10.0.4.20:6379'
                  via: nowhere
                  db: 2
                  prefix: 'ic*'
                """);

        assertThat(e.problems()).extracting(InventoryException::line)
                .containsExactlyInAnyOrder(BLOCK + 1, BLOCK + 2, BLOCK + 4);
    }

    @Test
    void the_readme_example_loads() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("## Sharing an incident (coordination:)"));
        String example = section.substring(section.indexOf("```yaml\n") + 8, section.indexOf("```\n", 8));

        CoordinationSettings c = load(HOSTS + example).coordination();

        assertThat(c).isEqualTo(new CoordinationSettings("10.0.4.30", 6379, "bastion-01", 2, "COORD_REDIS_PASSWORD",
                false, "incident-console:coord:", BLOCK));
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
