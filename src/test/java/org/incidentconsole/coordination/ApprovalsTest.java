package org.incidentconsole.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.coordination.ApprovalDecision.Verdict;
import org.incidentconsole.inventory.Environment;
import org.incidentconsole.redact.Redactor;
import org.incidentconsole.testing.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import redis.clients.jedis.Jedis;

/** The second pair of eyes against a real redis-server, three consoles: Jana (commander), Ola, Kim (observer). */
class ApprovalsTest {
    private static final List<String> HOSTS = List.of("web-01", "web-02");
    private static final String COMMANDS = "systemctl restart app";
    private static TestRedis redis;
    private static CoordinationRedis link;
    private final CoordinationKeys keys = new CoordinationKeys(CoordinationEndpoint.DEFAULT_PREFIX,
            "INC-" + UUID.randomUUID());

    @BeforeAll
    static void start() throws Exception {
        redis = TestRedis.start();
        link = new CoordinationRedis(CoordinationEndpoint.plain("127.0.0.1", redis.port()));
    }

    @AfterAll
    static void stop() throws Exception {
        link.close();
        redis.close();
    }

    /** A console that joined the incident as {@code operator} in {@code role}: its approvals. */
    private Approvals console(String operator, Role role) throws Exception {
        Presence presence = new Presence(link, keys, "console-" + operator, Presence.DEFAULT_TTL, Clock.systemUTC());
        presence.join(operator, role);
        return new Approvals(link, keys, presence, new Redactor(), Clock.systemUTC());
    }

    @Test
    void the_requester_cannot_approve_an_observer_cannot_either_and_another_operator_lets_the_step_run()
            throws Exception {
        Approvals jana = console("Jana", Role.INCIDENT_COMMANDER);
        Approvals ola = console("Ola", Role.OPERATOR);
        Approvals kim = console("Kim", Role.OBSERVER);

        ApprovalDecision asked = jana.request("console-Jana", "Step 5", HOSTS, COMMANDS, "Jana", Duration.ofMinutes(5));
        assertThat(asked.verdict()).isEqualTo(Verdict.REQUESTED);
        String id = asked.request().id();
        assertThat(ola.pending()).as("another console sees what it is asked to approve").singleElement()
                .satisfies(r -> {
                    assertThat(r.commands()).isEqualTo(COMMANDS);
                    assertThat(r.hosts()).isEqualTo(HOSTS);
                    assertThat(r.requester()).isEqualTo("Jana");
                });

        ApprovalDecision self = jana.approve(id, "jana");
        assertThat(self.verdict()).isEqualTo(Verdict.SELF_APPROVAL_REFUSED);
        assertThat(self.allowsRun()).isFalse();
        assertThat(self.message()).isEqualTo("jana asked for Step 5 and cannot approve it too: another operator must.");
        assertThat(kim.approve(id, "Kim").verdict()).isEqualTo(Verdict.APPROVER_NOT_PRESENT);
        assertThat(jana.status(id).verdict()).as("still waiting").isEqualTo(Verdict.REQUESTED);

        ApprovalDecision approved = ola.approve(id, "Ola");
        assertThat(approved.allowsRun()).isTrue();
        assertThat(approved).extracting(d -> d.request().requester(), ApprovalDecision::by)
                .containsExactly("Jana", "Ola");
        assertThat(approved.message()).isEqualTo("Ola approved Jana's Step 5 on web-01, web-02.");
        assertThat(jana.status(id)).as("the requester's console sees it")
                .extracting(ApprovalDecision::verdict, ApprovalDecision::by).containsExactly(Verdict.APPROVED, "Ola");
        assertThat(jana.waive(id, "Jana", "late").verdict()).as("decided once").isEqualTo(Verdict.APPROVED);
        assertThat(ola.pending()).isEmpty();
    }

    @Test
    void alone_the_requester_is_told_so_and_only_the_commander_waives_with_a_typed_reason() throws Exception {
        Approvals ola = console("Ola", Role.OPERATOR);
        Approvals kim = console("Kim", Role.OBSERVER);
        ApprovalDecision asked = ola.request("console-Ola", "Step 5", HOSTS, COMMANDS, "Ola", Duration.ofMinutes(5));
        assertThat(asked.verdict()).isEqualTo(Verdict.REQUESTED_ALONE);
        assertThat(asked.message()).contains("ask an operator to join", "incident commander can waive");
        String id = asked.request().id();

        assertThat(ola.waive(id, "Ola", "need it").verdict()).as("nobody is commander yet")
                .isEqualTo(Verdict.WAIVER_NOT_COMMANDER);
        Approvals jana = console("Jana", Role.INCIDENT_COMMANDER);
        assertThat(jana.waive(id, "Jana", "   ").verdict()).isEqualTo(Verdict.WAIVER_WITHOUT_REASON);
        assertThat(kim.waive(id, "Kim", "because").verdict()).isEqualTo(Verdict.WAIVER_NOT_COMMANDER);

        ApprovalDecision waived = jana.waive(id, "Jana", "primary is down, nobody else on call ");
        assertThat(waived.allowsRun()).isTrue();
        assertThat(waived).extracting(ApprovalDecision::verdict, d -> d.request().requester(), ApprovalDecision::by,
                ApprovalDecision::reason).containsExactly(Verdict.WAIVED, "Ola", "Jana",
                "primary is down, nobody else on call");
        assertThat(kim.status(id).reason()).as("every console reads the reason")
                .isEqualTo("primary is down, nobody else on call");
    }

    @Test
    void a_request_nobody_approves_in_time_expires_and_can_no_longer_be_approved() throws Exception {
        Approvals jana = console("Jana", Role.INCIDENT_COMMANDER);
        Approvals ola = console("Ola", Role.OPERATOR);
        try (KeyEvents events = KeyEvents.watch(redis)) {
            ApprovalDecision asked = jana.request("console-Jana", "Step 5", HOSTS, COMMANDS, "Jana",
                    Duration.ofMillis(300));
            String id = asked.request().id();
            events.await(keys.approvalLive(id), "expired", 1);

            ApprovalDecision late = ola.approve(id, "Ola");
            assertThat(late.verdict()).isEqualTo(Verdict.EXPIRED);
            assertThat(late.allowsRun()).isFalse();
            assertThat(late.message()).isEqualTo(
                    "Jana's request to run Step 5 on web-01, web-02 expired before anyone approved it.");
            assertThat(jana.waive(id, "Jana", "too late").verdict()).isEqualTo(Verdict.EXPIRED);
            assertThat(ola.pending()).isEmpty();
        }
    }

    @Test
    void another_operator_refuses_with_a_reason_once_and_an_observer_cannot() throws Exception {
        Approvals jana = console("Jana", Role.INCIDENT_COMMANDER);
        Approvals ola = console("Ola", Role.OPERATOR);
        Approvals kim = console("Kim", Role.OBSERVER);
        String id = jana.request("console-Jana", "Step 5", HOSTS, COMMANDS, "Jana", Duration.ofMinutes(5))
                .request().id();

        assertThat(kim.refuse(id, "Kim", "no").verdict()).isEqualTo(Verdict.APPROVER_NOT_PRESENT);
        ApprovalDecision refused = ola.refuse(id, "Ola", " the replica is still behind ");
        assertThat(refused.allowsRun()).isFalse();
        assertThat(refused.message())
                .isEqualTo("Ola refused Jana's Step 5 on web-01, web-02: the replica is still behind");
        assertThat(jana.approve(id, "Kim").verdict()).as("decided once").isEqualTo(Verdict.REFUSED);
        assertThat(jana.status(id)).extracting(ApprovalDecision::by, ApprovalDecision::reason)
                .containsExactly("Ola", "the replica is still behind");

        String own = jana.request("console-Jana", "Step 6", HOSTS, COMMANDS, "Jana", Duration.ofMinutes(5))
                .request().id();
        assertThat(jana.refuse(own, "Jana", "withdrawn by the requester").verdict())
                .as("the requester may withdraw their own request").isEqualTo(Verdict.REFUSED);
    }

    @Test
    void an_approval_and_a_waiver_at_the_same_instant_give_one_decision_both_consoles_agree_on() throws Exception {
        Approvals jana = console("Jana", Role.INCIDENT_COMMANDER);
        Approvals ola = console("Ola", Role.OPERATOR);
        Approvals kim = console("Kim", Role.OPERATOR);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 50; round++) {
                String id = kim.request("console-Kim", "Step 5", HOSTS, COMMANDS, "Kim", Duration.ofMinutes(5))
                        .request().id();
                CountDownLatch ready = new CountDownLatch(2);
                CountDownLatch go = new CountDownLatch(1);
                Future<ApprovalDecision> approved = two.submit(() -> {
                    ready.countDown();
                    go.await();
                    return ola.approve(id, "Ola");
                });
                Future<ApprovalDecision> waived = two.submit(() -> {
                    ready.countDown();
                    go.await();
                    return jana.waive(id, "Jana", "no time");
                });
                assertThat(ready.await(60, TimeUnit.SECONDS)).isTrue();
                go.countDown();
                ApprovalDecision a = approved.get(60, TimeUnit.SECONDS);
                ApprovalDecision w = waived.get(60, TimeUnit.SECONDS);
                assertThat(List.of(a.verdict(), a.by())).as("round %d", round)
                        .isEqualTo(List.of(w.verdict(), w.by()));
                assertThat(kim.status(id)).extracting(ApprovalDecision::verdict, ApprovalDecision::by)
                        .containsExactly(a.verdict(), a.by());
            }
        } finally {
            two.shutdownNow();
        }
    }

    @Test
    void the_shared_commands_are_redacted_before_they_reach_the_coordination_redis() throws Exception {
        Approvals jana = console("Jana", Role.INCIDENT_COMMANDER);
        String secret = "Hunter2-very-secret";
        ApprovalDecision asked = jana.request("console-Jana", "Step 7", HOSTS,
                "mysql -u root -p" + secret + " -e 'STOP SLAVE'", "Jana", Duration.ofMinutes(5));
        assertThat(asked.request().commands()).doesNotContain(secret).contains("mysql -u root");
        try (Jedis direct = redis.direct()) {
            assertThat(direct.hgetAll(keys.approval(asked.request().id())).toString()).doesNotContain(secret);
        }
    }

    @Test
    void an_unknown_request_is_refused_in_one_sentence() throws Exception {
        Approvals ola = console("Ola", Role.OPERATOR);
        assertThatThrownBy(() -> ola.approve("nope", "Ola")).isInstanceOf(CoordinationRefusedException.class)
                .hasMessage("No approval request nope in this incident.");
    }

    @ParameterizedTest(name = "{0}, dangerous {1}: approval needed {2}")
    @CsvSource({
            "PRODUCTION, true,  true",
            "PRODUCTION, false, false",
            "STAGING,    true,  false",
            "DRILL,      true,  false"})
    void by_default_only_dangerous_steps_in_production_need_a_second_operator(Environment env, boolean dangerous,
                                                                             boolean needed) {
        assertThat(ApprovalPolicy.defaults().needsApproval(env, dangerous)).isEqualTo(needed);
    }
}
