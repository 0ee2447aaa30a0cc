package org.incidentconsole.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentconsole.inventory.InventoryRefusal.BASE;
import static org.incidentconsole.inventory.InventoryRefusal.withHost;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed YAML shapes: duplicate keys at every level, anchors, aliases and merges, empty items and values,
 * syntax errors, wrong types, size and depth. Each is refused with the file, the right line and a plain sentence.
 */
class InventoryShapeTableTest {
    @TempDir
    Path dir;

    static Stream<Arguments> shapes() {
        return Stream.of(
                // duplicate keys, at every level
                row("second environment turns production into a drill", BASE + "environment: drill\n", 7,
                        "duplicate key 'environment' (first at line 1)"),
                row("duplicate key in defaults", BASE.replace("  user: deploy\n", "  user: deploy\n  user: root\n"),
                        4, "'defaults.user': duplicate key 'user' (first at line 3)"),
                row("duplicate key in a host", withHost("address: 10.6.6.6"), 7,
                        "'hosts[0].address': duplicate key 'address' (first at line 6)"),
                row("duplicate key in a flow mapping", BASE + "  - {name: a, address: b, name: c}\n", 7,
                        "duplicate key 'name'"),
                row("duplicate quoted and plain key", withHost("\"address\": 10.6.6.6"), 7, "duplicate key 'address'"),
                row("duplicate group", """
                        environment: staging
                        groups:
                          web: {user: a, hosts: [{name: w1, address: h1}]}
                          web: {user: b, hosts: [{name: w2, address: h2}]}
                        """, 4, "'groups.web': duplicate key 'web' (first at line 3)"),
                row("duplicate key in a group", """
                        environment: staging
                        groups:
                          web:
                            app_dir: /srv/a
                            app_dir: /srv/b
                        """, 5, "duplicate key 'app_dir' (first at line 4)"),
                row("duplicate key in redis", withHost("redis:", "  address: 127.0.0.1:6379", "  db: 0", "  db: 3"), 10,
                        "'hosts[0].redis.db': duplicate key 'db' (first at line 9)"),
                row("duplicate key in a health check", withHost("health_checks:", "  - name: h", "    type: http",
                        "    url: http://127.0.0.1/", "    url: http://evil/"), 11, "duplicate key 'url'"),
                row("duplicate key in thresholds", withHost("thresholds: {error_rate_percent: 5, error_rate_percent: 90}"),
                        7, "duplicate key 'error_rate_percent'"),
                row("duplicate key in a breaker key scheme", withHost("breakers:", "  keys:",
                        "    - {state: 'a:{service}', state: 'b:{service}'}"), 9, "duplicate key 'state'"),
                // anchors, aliases, merges, tags
                row("alias silently becoming a host name", BASE + "  - name: &ad web-02\n    address: *ad\n", 7,
                        "anchors and aliases (&x / *x) are not supported"),
                row("alias without its anchor", withHost("user: *deploy"), 7, "anchors and aliases"),
                row("anchor on a mapping", BASE.replace("defaults:", "defaults: &d"), 2, "anchors and aliases"),
                row("anchor on a list", withHost("tags: &t [web]"), 7, "anchors and aliases"),
                row("merge key", BASE + "  - <<: {user: root}\n    name: web-02\n    address: h\n", 7,
                        "merge keys (<<:) are not supported"),
                row("explicit tag", withHost("user: !!binary ZGVwbG95"), 7, "YAML tags ('tag:yaml.org,2002:binary')"),
                row("local tag", withHost("app_dir: !path /srv"), 7, "YAML tags ('!path')"),
                row("complex key", withHost("? [a, b]", ": c"), 7, "a key must be plain text"),
                // empty items and values
                row("empty list item", BASE + "  -\n", 7, "'hosts[1]': empty item in hosts"),
                row("null list item", BASE + "  - null\n", 7, "empty item in hosts"),
                row("tilde item in tags", withHost("tags: [web, ~]"), 7, "empty item in hosts[0].tags"),
                row("empty item in group hosts", """
                        environment: staging
                        defaults: {user: u}
                        groups:
                          web:
                            hosts:
                              -
                        """, 6, "empty item in groups.web.hosts"),
                row("empty health check item", withHost("health_checks:", "  -"), 8, "empty item in hosts[0].health_checks"),
                row("empty defaults", "environment: staging\ndefaults:\nhosts: [{name: a, address: b, user: c}]\n", 2,
                        "'defaults': no value"),
                row("empty redis block", withHost("redis:"), 7, "'hosts[0].redis': no value"),
                row("group without fields", "environment: staging\ngroups:\n  web:\n", 3, "'groups.web': no value"),
                row("host without fields", BASE + "  - {}\n", 7, "missing required field in host entry"),
                row("empty address", withHost("user: x").replace("address: 10.0.0.1", "address: \"\""), 5,
                        "missing required field for host 'web-01'"),
                row("no value for the environment", BASE.replace("environment: production", "environment:"), 1,
                        "'environment': no value"),
                // syntax
                row("tab indentation", BASE + "  - name: web-02\n\taddress: h\n", 8, "not valid YAML"),
                row("unclosed quote", BASE + "  - name: \"web-02\n", 8, "not valid YAML"),
                row("second document", BASE + "---\nenvironment: drill\n", 7, "a second YAML document"),
                row("directive without a name (the parser quotes a line break)", "%\n" + BASE, 1,
                        "not valid YAML: while scanning a directive"),
                row("list at the top", "- environment: production\n", 1, "expected a mapping of 'field: value' lines"),
                row("scalar at the top", "production\n", 1, "expected a mapping"),
                row("comments only", "# nothing\n", 1, "the file holds no settings"),
                row("bell character in the file", withHost("user: de\u0007ploy"), 7, "U+0007"),
                // wrong types
                row("hosts as a mapping", "environment: staging\nhosts: {name: a, address: b}\n", 2, "expected a list"),
                row("redis as a list", withHost("redis: [127.0.0.1]"), 7, "expected a mapping"),
                row("tags as text", withHost("tags: web"), 7, "expected a list"),
                row("port as a list", withHost("port: [22]"), 7, "expected a whole number"),
                row("user as a mapping", withHost("user: {name: deploy}"), 7, "expected a text value"),
                row("groups as a list", "environment: staging\ngroups: [web]\n", 2, "expected a mapping"),
                row("environment as a list", BASE.replace("environment: production", "environment: [drill]"), 1,
                        "one of production, staging, drill"),
                row("agent as text", withHost("agent: maybe"), 7, "expected true or false"),
                row("port beyond an int", withHost("port: 99999999999"), 7, "hosts[0].port"),
                row("number of 1200 digits", withHost("port: " + "1".repeat(1200)), 7, "a number of 1200 characters"),
                row("long text where a number belongs", withHost("user: u", "port: " + "x".repeat(2000)), 8,
                        "'hosts[0].port': this value is too long to be read as a number"),
                row("long text where true or false belongs", withHost("agent: " + "y".repeat(5000)), 7,
                        "expected true or false, got 'yyyyyyyyyy"),
                row("long unknown environment", BASE.replace("production", "p".repeat(5000)), 1,
                        "production, staging, drill, got 'ppppp"),
                row("unknown field at the top", BASE + "enviroment: drill\n", 7, "unknown field 'enviroment'"),
                row("unknown field in redis", withHost("redis: {adress: 127.0.0.1}"), 7, "unknown field 'adress'"),
                row("unknown environment", BASE.replace("production", "prod"), 1, "production, staging, drill"),
                row("missing environment", BASE.replace("environment: production\n", ""), 1,
                        "say which environment this file describes (production, staging or drill); none is assumed"),
                // size and depth
                row("huge value", withHost("app_dir: /" + "a".repeat(70_000)), 7, "a value of 70001 characters"),
                row("deep block nesting", withHost("thresholds:" + nested(25)), 25, "nested more than 20 levels deep"),
                row("deep flow nesting", withHost("thresholds: {x: " + "[".repeat(5000) + "]".repeat(5000) + "}"), 7,
                        "nested more than 20 levels deep"));
    }

    private static String nested(int depth) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            out.append('\n').append(" ".repeat(6 + 2 * i)).append("k").append(i).append(':');
        }
        return out.append(" 1").toString();
    }

    static Arguments row(String label, String yaml, int line, String fragment) {
        return Arguments.of(label, yaml, line, fragment);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void each_malformed_shape_is_refused_with_file_line_and_a_plain_sentence(String label, String yaml, int line,
                                                                            String fragment) throws IOException {
        Path file = dir.resolve("inventory.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);

        InventoryException e = InventoryRefusal.loadOrRefusal(file, label);

        assertThat(e).as(label + ": must be refused").isNotNull();
        assertThat(e.getMessage()).as(label).startsWith(file + ":" + line + ":").contains(fragment)
                .doesNotContain("\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void files_that_are_no_inventory_text_are_refused_at_line_one_or_the_bad_byte(String label, byte[] bytes, int line,
                                                                                 String fragment) throws IOException {
        Path file = dir.resolve("inventory.yaml");
        Files.write(file, bytes);

        InventoryException e = InventoryRefusal.loadOrRefusal(file, label);

        assertThat(e).as(label + ": must be refused").isNotNull();
        assertThat(e.getMessage()).as(label).startsWith(file + ":" + line + ":").contains(fragment)
                .doesNotContain("\n");
    }

    static Stream<Arguments> files() {
        byte[] latin1 = (BASE + "    user: J\u00f6rg\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] big = (BASE + "# " + "x".repeat((int) InventoryLoader.MAX_BYTES) + "\n").getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of("Latin-1 bytes", latin1, 7, "not UTF-8 text"),
                Arguments.of("over a megabyte", big, 1, "an inventory may be at most 1048576 bytes"));
    }
}
