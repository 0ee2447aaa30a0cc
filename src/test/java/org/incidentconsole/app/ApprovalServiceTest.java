package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.app.ApprovalConsoles.Console;
import org.incidentconsole.coordination.ApprovalPolicy;
import org.incidentconsole.coordination.ApprovalRequest;
import org.incidentconsole.coordination.Role;
import org.incidentconsole.incident.IncidentEvent.ApprovalDecided;
import org.incidentconsole.incident.IncidentEvent.ApprovalRequested;
import org.incidentconsole.inventory.ApprovalSetting;
import org.incidentconsole.inventory.Environment;
import org.incidentconsole.testing.TestRedis;
import org.incidentconsole.ui.approval.ApprovalAct;
import org.incidentconsole.ui.approval.ApprovalOutcome;
import org.incidentconsole.ui.approval.ApprovalOutcome.Result;
import org.incidentconsole.ui.approval.ApprovalTicket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Two (or three) consoles of one shared incident on a real redis-server, each journaling what it saw and did. */
class ApprovalServiceTest {
    private static final Duration LONG = Duration.ofMinutes(5);
    private static TestRedis redis;
    @TempDir
    Path dir;
    private ApprovalConsoles consoles;

    @BeforeAll
    static void start() throws Exception {
        redis = TestRedis.start();
    }

    @AfterAll
    static void stop() throws Exception {
        redis.close();
    }

    @BeforeEach
    void open() {
        consoles = new ApprovalConsoles(redis, dir);
    }

    @AfterEach
    void close() throws Exception {
        consoles.close();
    }

    private static ApprovalTicket ask(Console c) throws Exception {
        return c.service().request(ApprovalConsoles.step(), ApprovalConsoles.HOSTS, ApprovalConsoles.COMMANDS,
                c.service().operator());
    }

    private static ApprovalOutcome outcome(ApprovalTicket t) throws Exception {
        return t.outcome().get(60, TimeUnit.SECONDS);
    }

    @Test
    void another_operator_approves_and_both_journals_name_requester_and_approver() throws Exception {
        Console jana = consoles.join("Jana", Role.INCIDENT_COMMANDER, LONG);
        Console ola = consoles.join("Ola", Role.OPERATOR, LONG);

        ApprovalTicket ticket = ask(jana);
        assertThat(ticket.now().result()).isEqualTo(Result.WAITING);
        assertThat(ticket.now().message()).isEqualTo("Waiting for a second operator to approve Step 5: Restart "
                + "php-fpm on web-01, web-02.");
        assertThat(jana.events(ApprovalRequested.class)).singleElement().satisfies(r -> {
            assertThat(r.by()).isEqualTo("Jana");
            assertThat(r.hosts()).containsExactly("web-01", "web-02");
            assertThat(r.commands()).containsExactly("sudo systemctl restart php-fpm");
        });
        assertThat(jana.service().pending()).as("nobody approves their own").isEmpty();
        List<ApprovalRequest> waiting = ola.service().pending();
        assertThat(waiting).singleElement().satisfies(r -> {
            assertThat(r.step()).isEqualTo("Step 5: Restart php-fpm");
            assertThat(r.requester()).isEqualTo("Jana");
            assertThat(r.commands()).isEqualTo("sudo systemctl restart php-fpm");
            assertThat(r.expiresAt()).isAfter(r.requestedAt());
        });

        ApprovalAct approved = ola.service().approve(waiting.get(0).id());
        assertThat(approved).isEqualTo(new ApprovalAct(true,
                "Ola approved Jana's Step 5: Restart php-fpm on web-01, web-02."));
        ApprovalOutcome outcome = outcome(ticket);
        assertThat(outcome.result()).isEqualTo(Result.APPROVED);
        assertThat(outcome.allowsRun()).isTrue();
        assertThat(outcome.by()).isEqualTo("Ola");

        ApprovalDecided expected = new ApprovalDecided(ticket.request().id(), "Step 5: Restart php-fpm", "approved",
                "Jana", null, "Ola");
        assertThat(jana.events(ApprovalDecided.class)).as("the requester's journal").containsExactly(expected);
        assertThat(ola.events(ApprovalDecided.class)).as("the approver's journal").containsExactly(expected);
        assertThat(ola.service().pending()).isEmpty();
    }

    @Test
    void the_requester_cannot_approve_their_own_request_and_is_told_so_in_one_sentence() throws Exception {
        Console jana = consoles.join("Jana", Role.INCIDENT_COMMANDER, LONG);
        consoles.join("Ola", Role.OPERATOR, LONG);
        ApprovalTicket ticket = ask(jana);

        ApprovalAct self = jana.service().approve(ticket.request().id());

        assertThat(self).isEqualTo(new ApprovalAct(false,
                "Jana asked for Step 5: Restart php-fpm and cannot approve it too: another operator must."));
        assertThat(ticket.outcome()).as("still waiting").isNotDone();
        assertThat(jana.events(ApprovalDecided.class)).isEmpty();
    }

    @Test
    void a_refusal_with_its_reason_reaches_the_requester_and_both_journals() throws Exception {
        Console jana = consoles.join("Jana", Role.INCIDENT_COMMANDER, LONG);
        Console ola = consoles.join("Ola", Role.OPERATOR, LONG);
        ApprovalTicket ticket = ask(ola);
        String id = ticket.request().id();

        assertThat(jana.service().refuse(id, "  ").done()).as("a reason is required").isFalse();
        ApprovalAct refused = jana.service().refuse(id, "drain web-01 from the pool first");
        assertThat(refused.done()).isTrue();

        ApprovalOutcome outcome = outcome(ticket);
        assertThat(outcome).isEqualTo(new ApprovalOutcome(Result.REFUSED, "Jana", "drain web-01 from the pool first",
                "Jana refused Ola's Step 5: Restart php-fpm on web-01, web-02: drain web-01 from the pool first"));
        ApprovalDecided expected = new ApprovalDecided(id, "Step 5: Restart php-fpm", "refused", "Ola",
                "drain web-01 from the pool first", "Jana");
        assertThat(ola.events(ApprovalDecided.class)).containsExactly(expected);
        assertThat(jana.events(ApprovalDecided.class)).containsExactly(expected);
    }

    @Test
    void a_request_nobody_decides_expires_journaled_on_the_requesters_console_only() throws Exception {
        Console jana = consoles.join("Jana", Role.INCIDENT_COMMANDER, Duration.ofMillis(300));
        Console ola = consoles.join("Ola", Role.OPERATOR, LONG);
        ApprovalTicket ticket = ask(jana);

        ApprovalOutcome outcome = outcome(ticket);

        assertThat(outcome.result()).isEqualTo(Result.EXPIRED);
        assertThat(outcome.allowsRun()).isFalse();
        assertThat(outcome.message()).isEqualTo(
                "Jana's request to run Step 5: Restart php-fpm on web-01, web-02 expired before anyone approved it.");
        assertThat(jana.events(ApprovalDecided.class)).containsExactly(new ApprovalDecided(ticket.request().id(),
                "Step 5: Restart php-fpm", "expired", "Jana", null, null));
        assertThat(ola.service().approve(ticket.request().id()).done()).as("too late").isFalse();
        assertThat(ola.events(ApprovalDecided.class)).isEmpty();
    }

    @Test
    void alone_the_requester_is_told_nobody_else_is_in_the_incident_and_the_commander_waives_with_a_reason()
            throws Exception {
        Console ola = consoles.join("Ola", Role.OPERATOR, LONG);
        Console kim = consoles.join("Kim", Role.OBSERVER, LONG);
        ApprovalTicket ticket = ask(ola);
        assertThat(ticket.now()).isEqualTo(new ApprovalOutcome(Result.NO_SECOND_OPERATOR, null, null,
                "Nobody else is in the incident: ask someone to join, or the incident commander can waive it with "
                        + "a reason."));
        assertThat(kim.service().pending()).as("an observer decides nothing").isEmpty();
        String id = ticket.request().id();

        Console jana = consoles.join("Jana", Role.INCIDENT_COMMANDER, LONG);
        assertThat(kim.service().waive(id, "go ahead"))
                .isEqualTo(new ApprovalAct(false, "Kim cannot waive the approval of Step 5: Restart php-fpm: only "
                        + "the incident commander can."));
        assertThat(jana.service().waive(id, "").done()).isFalse();
        ApprovalAct waived = jana.service().waive(id, "primary down, nobody else on call");
        assertThat(waived.done()).isTrue();

        ApprovalOutcome outcome = outcome(ticket);
        assertThat(outcome.result()).isEqualTo(Result.WAIVED);
        assertThat(outcome.allowsRun()).isTrue();
        ApprovalDecided expected = new ApprovalDecided(id, "Step 5: Restart php-fpm", "waived", "Ola",
                "primary down, nobody else on call", "Jana");
        assertThat(jana.events(ApprovalDecided.class)).containsExactly(expected);
        assertThat(ola.events(ApprovalDecided.class)).containsExactly(expected);
    }

    @Test
    void the_commander_alone_waives_their_own_request_and_it_is_journaled_once() throws Exception {
        Console jana = consoles.join("Jana", Role.INCIDENT_COMMANDER, LONG);
        ApprovalTicket ticket = ask(jana);
        assertThat(ticket.now().result()).isEqualTo(Result.NO_SECOND_OPERATOR);
        assertThat(jana.service().presence().commander()).isTrue();
        assertThat(jana.service().presence().secondOperator()).isFalse();

        assertThat(jana.service().waive(ticket.request().id(), "alone at 3 am, the site is down").done()).isTrue();

        assertThat(outcome(ticket).result()).isEqualTo(Result.WAIVED);
        assertThat(jana.events(ApprovalDecided.class)).singleElement()
                .extracting(ApprovalDecided::verdict, ApprovalDecided::decidedBy, ApprovalDecided::reason)
                .containsExactly("waived", "Jana", "alone at 3 am, the site is down");
    }

    @Test
    void the_requester_withdraws_the_request_and_the_others_no_longer_see_it() throws Exception {
        Console jana = consoles.join("Jana", Role.INCIDENT_COMMANDER, LONG);
        Console ola = consoles.join("Ola", Role.OPERATOR, LONG);
        ApprovalTicket ticket = ask(ola);

        assertThat(ola.service().cancel(ticket.request().id()).done()).isTrue();

        assertThat(outcome(ticket).result()).isEqualTo(Result.CANCELLED);
        assertThat(jana.service().pending()).isEmpty();
        assertThat(ola.events(ApprovalDecided.class)).singleElement().extracting(ApprovalDecided::verdict,
                ApprovalDecided::decidedBy).containsExactly("refused", "Ola");
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void the_inventory_default_agrees_with_the_coordination_policy(Environment environment) {
        assertThat(ApprovalSetting.defaultFor(environment) == ApprovalSetting.REQUIRED)
                .isEqualTo(ApprovalPolicy.defaults().needsApproval(environment, true));
    }
}
