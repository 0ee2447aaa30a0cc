package org.incidentconsole.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.incidentconsole.testing.TestRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import redis.clients.jedis.Jedis;

class CoordinationEndpointTest {
    private static final String PASSWORD = "s3cret-coord-pass";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}:{1}/{2} → {3}")
    @CsvSource(delimiter = '|', value = {
            "''        | 6379  | 0  | the coordination Redis needs a host",
            "redis-01  | 0     | 0  | the coordination Redis port 0 is not between 1 and 65535",
            "redis-01  | 70000 | 0  | the coordination Redis port 70000 is not between 1 and 65535",
            "redis-01  | 6379  | -1 | the coordination Redis database -1 is negative"})
    void a_bad_endpoint_is_refused_in_one_sentence(String host, int port, int db, String message) {
        assertThatThrownBy(() -> new CoordinationEndpoint(host, port, db, null, false, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void keys_default_to_the_coordination_prefix_and_a_custom_prefix_is_kept() {
        assertThat(CoordinationEndpoint.plain("redis-01", 6379).eventsKey("INC-1"))
                .isEqualTo("incident-console:coord:incident:INC-1:events");
        assertThat(new CoordinationEndpoint("redis-01", 6379, 0, null, false, "team-a:ic:").eventsKey("INC-1"))
                .isEqualTo("team-a:ic:incident:INC-1:events");
    }

    @Test
    void the_password_is_used_but_never_shown() throws Exception {
        try (TestRedis redis = TestRedis.withPassword(PASSWORD)) {
            CoordinationEndpoint endpoint = new CoordinationEndpoint("127.0.0.1", redis.port(), 3, PASSWORD, false,
                    null);
            assertThat(endpoint.toString()).doesNotContain(PASSWORD).contains("password set", "/3");
            try (TestConsole jana = new TestConsole(dir, endpoint, "INC-auth", "console-jana", "Jana")) {
                String eid = jana.eid(jana.note("through an authenticated database 3"));
                jana.awaitMerged(1);
                assertThat(jana.merged.eids()).containsExactly(eid);
            }
            try (Jedis j = redis.direct()) {
                j.select(3);
                assertThat(j.exists(endpoint.eventsKey("INC-auth"))).isTrue();
            }
        }
    }

    @Test
    void a_wrong_password_keeps_the_timeline_offline_with_the_reason_and_without_the_password() throws Exception {
        try (TestRedis redis = TestRedis.withPassword(PASSWORD)) {
            CoordinationEndpoint wrong = new CoordinationEndpoint("127.0.0.1", redis.port(), 0, "not-" + PASSWORD,
                    false, null);
            try (TestConsole jana = new TestConsole(dir, wrong, "INC-auth", "console-jana", "Jana")) {
                jana.note("stays local");
                jana.awaitState(s -> !s.online() && s.problem().contains("refused"));
                ShareState state = jana.timeline.state();
                assertThat(state.describe()).isEqualTo("shared timeline offline, 1 event waiting");
                assertThat(state.problem()).startsWith("the coordination Redis 127.0.0.1:" + redis.port() + "/0 refused the console: ")
                        .doesNotContain(PASSWORD);
            }
        }
    }
}
