package org.incidentconsole.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryLoaderTest {
    @TempDir
    Path dir;

    private final Path home = Path.of("/home/operator");

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("inventory.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private Inventory load(String yaml) throws Exception {
        return new InventoryLoader(home).load(write(yaml));
    }

    private InventoryException failure(String yaml) throws IOException {
        Path file = write(yaml);
        try {
            new InventoryLoader(home).load(file);
        } catch (InventoryException e) {
            return e;
        }
        throw new AssertionError("expected the inventory to be refused:\n" + yaml);
    }

    @Test
    void the_shipped_example_loads_with_groups_applied_to_their_hosts() throws Exception {
        Inventory inv = new InventoryLoader(home).load(Path.of("inventory.example.yaml"));

        assertThat(inv.environment()).isEqualTo(Environment.PRODUCTION);
        assertThat(inv.hosts()).extracting(Host::name).containsExactly("web-01", "web-02", "worker-01");
        assertThat(inv.comms().channels()).extracting(NotifyChannel::name).containsExactly("oncall", "incidents");
        assertThat(inv.comms().channel("oncall").orElseThrow().urlEnv()).isEqualTo("ONCALL_SLACK_WEBHOOK");
        Host web2 = inv.host("web-02").orElseThrow();
        assertThat(web2.user()).isEqualTo("deploy");
        assertThat(web2.port()).isEqualTo(22);
        assertThat(web2.group()).isEqualTo("web");
        assertThat(web2.tags()).containsExactly("web", "php-fpm", "nginx");
        assertThat(web2.appDir()).isEqualTo("/var/www/api-gateway");
        assertThat(web2.identityFiles()).containsExactly(home.resolve(".ssh/id_ed25519"));
        assertThat(web2.redis()).isEqualTo(new RedisEndpoint("127.0.0.1", 6379, 0, "API_REDIS_PASSWORD", false));
        assertThat(web2.healthChecks()).extracting(HealthCheckSpec::name).containsExactly("api-health", "services");
        assertThat(web2.healthChecks().get(0).settings()).containsEntry("expect_status", 200);
        assertThat(web2.thresholds()).containsEntry("error_rate_percent", 5);
        assertThat(web2.breakers().rateLimitPatterns()).containsExactly("calcom_api_rate_limit:*");
        assertThat(web2.breakers().schemes().get(0).openedAt()).isEqualTo("circuit_breaker:{service}:opened_at");
        assertThat(web2.breakers().stuckOpenAfter()).hasMinutes(5);
        Host worker = inv.host("worker-01").orElseThrow();
        assertThat(worker.breakers()).isEqualTo(BreakerSettings.defaults());
        assertThat(worker.port()).isEqualTo(2222);
        assertThat(worker.redis()).isNull();
        assertThat(worker.identityFiles()).containsExactly(home.resolve(".ssh/id_ecdsa_ops"));
    }

    @Test
    void host_settings_override_group_settings_which_override_defaults() throws Exception {
        Inventory inv = load("""
                environment: staging
                defaults: {user: deploy, port: 2200}
                groups:
                  db:
                    user: dba
                    hosts:
                      - {name: db-1, address: 10.0.0.5}
                      - {name: db-2, address: 10.0.0.6, user: root, port: 22, agent: false}
                """);
        assertThat(inv.host("db-1").orElseThrow()).extracting(Host::user, Host::port, Host::agent)
                .containsExactly("dba", 2200, true);
        assertThat(inv.host("db-2").orElseThrow()).extracting(Host::user, Host::port, Host::agent)
                .containsExactly("root", 22, false);
    }

    @Test
    void an_unknown_field_is_named_with_its_position_and_the_known_fields() throws IOException {
        InventoryException e = failure("""
                environment: production
                hosts:
                  - name: web-01
                    adress: 10.0.0.1
                    user: deploy
                """);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.column()).isEqualTo(5);
        assertThat(e.getMessage())
                .startsWith(dir.resolve("inventory.yaml") + ":4:5: 'hosts[0].adress': unknown field 'adress'")
                .contains("known fields: address, agent, app_dir");
    }

    @Test
    void a_value_of_the_wrong_type_says_what_was_expected() throws IOException {
        InventoryException e = failure("""
                environment: production
                hosts:
                  - name: web-01
                    address: 10.0.0.1
                    user: deploy
                    port: twenty-two
                """);
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.field()).isEqualTo("hosts[0].port");
        assertThat(e.getMessage()).contains("expected a whole number, got 'twenty-two'");
    }

    @Test
    void a_list_where_a_mapping_belongs_is_a_wrong_type() throws IOException {
        InventoryException e = failure("""
                environment: production
                hosts:
                  - name: web-01
                    address: 10.0.0.1
                    user: deploy
                    redis: [127.0.0.1]
                """);
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.getMessage()).contains("'hosts[0].redis'").contains("expected a mapping");
    }

    @Test
    void an_unknown_environment_lists_the_three_allowed() throws IOException {
        InventoryException e = failure("environment: prod\nhosts: []\n");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.getMessage()).contains("'environment'").contains("production, staging, drill");
    }

    @Test
    void a_missing_required_field_names_the_host_and_points_at_its_entry() throws IOException {
        InventoryException e = failure("""
                environment: production
                defaults: {user: deploy}
                hosts:
                  - name: web-01
                    address: 10.0.0.1
                  - name: web-02
                    port: 22
                """);
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.field()).isEqualTo("address");
        assertThat(e.getMessage()).contains("missing required field for host 'web-02'");
    }

    @Test
    void a_host_without_user_is_left_to_ssh_config_and_remembered_as_not_given() throws Exception {
        Inventory inv = load("""
                environment: production
                groups:
                  web:
                    hosts:
                      - name: web-01
                        address: web-01
                """);
        Host web = inv.hosts().get(0);
        assertThat(web.user()).isEqualTo(System.getProperty("user.name"));
        assertThat(web.route().gives(HostRoute.USER)).isFalse();
        assertThat(web.route().sshConfig()).isTrue();
    }

    @Test
    void an_empty_user_is_refused_at_its_line() throws IOException {
        InventoryException e = failure("""
                environment: production
                hosts:
                  - name: web-01
                    address: 10.0.0.1
                    user: " "
                """);
        assertThat(e.field()).isEqualTo("user");
        assertThat(e.line()).isEqualTo(5);
    }

    @Test
    void a_missing_environment_is_refused() throws IOException {
        InventoryException e = failure("hosts:\n  - {name: a, address: b, user: c}\n");
        assertThat(e.field()).isEqualTo("environment");
        assertThat(e.getMessage()).contains("missing required field");
    }

    @Test
    void a_duplicate_host_name_points_at_the_second_and_names_the_first() throws IOException {
        InventoryException e = failure("""
                environment: production
                defaults: {user: deploy}
                groups:
                  web:
                    hosts:
                      - {name: web-01, address: 10.0.0.1}
                hosts:
                  - name: web-01
                    address: 10.0.0.2
                """);
        assertThat(e.line()).isEqualTo(8);
        assertThat(e.column()).isEqualTo(11);
        assertThat(e.getMessage()).contains("duplicate host name 'web-01' (first defined at line 6)");
    }

    @Test
    void a_port_out_of_range_is_refused_at_the_port_itself() throws IOException {
        InventoryException e = failure("""
                environment: production
                hosts:
                  - name: web-01
                    address: 10.0.0.1
                    user: deploy
                    port: 70000
                """);
        assertThat(e.line()).isEqualTo(6);
        assertThat(e.column()).isEqualTo(11);
        assertThat(e.getMessage()).contains("port out of range (1-65535): 70000");
    }

    @Test
    void a_redis_port_out_of_range_is_refused() throws IOException {
        InventoryException e = failure("""
                environment: production
                defaults:
                  user: deploy
                  redis: {address: "127.0.0.1:0"}
                hosts:
                  - {name: web-01, address: 10.0.0.1}
                """);
        assertThat(e.field()).isEqualTo("redis.address");
        assertThat(e.getMessage()).contains("port out of range");
    }

    @Test
    void broken_yaml_is_reported_with_its_position() throws IOException {
        InventoryException e = failure("environment: production\nhosts:\n  - name: \"web-01\n    address: x\n");
        assertThat(e.line()).isGreaterThan(0);
        assertThat(e.getMessage()).contains("not valid YAML");
    }

    @Test
    void an_empty_file_and_a_missing_file_are_plain_messages() throws IOException {
        assertThat(failure("").getMessage()).contains("the file is empty");
        InventoryException missing = org.junit.jupiter.api.Assertions.assertThrows(InventoryException.class,
                () -> new InventoryLoader(home).load(dir.resolve("nope.yaml")));
        assertThat(missing.getMessage()).endsWith("nope.yaml: file not found");
    }

    @Test
    void a_breaker_key_scheme_without_the_service_marker_is_refused() throws IOException {
        InventoryException e = failure("""
                environment: production
                defaults:
                  user: deploy
                  breakers:
                    keys: [{state: "cb:state"}]
                hosts:
                  - {name: web-01, address: 10.0.0.1}
                """);
        assertThat(e.field()).isEqualTo("breakers.keys.state");
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.getMessage()).contains("{service}");
    }

    @Test
    void no_hosts_at_all_is_refused() {
        assertThatThrownBy(() -> load("environment: drill\n")).isInstanceOf(InventoryException.class)
                .hasMessageContaining("no hosts");
    }
}
