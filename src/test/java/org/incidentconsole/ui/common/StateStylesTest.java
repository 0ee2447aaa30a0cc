package org.incidentconsole.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javafx.css.PseudoClass;
import javafx.scene.layout.Region;
import org.incidentconsole.breaker.BreakerState;
import org.incidentconsole.health.HealthStatus;
import org.incidentconsole.health.SeverityAdvisor;
import org.incidentconsole.incident.CommsCadence;
import org.incidentconsole.notify.DeliveryState;
import org.incidentconsole.severity.Severity;
import org.incidentconsole.ssh.ConnectionState;
import org.incidentconsole.ui.incident.ShareBadge;
import org.incidentconsole.ui.incident.StepClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * States shown as pseudo-classes, under the Turkish locale, where "INVESTIGATE".toLowerCase() is "ınvestıgate" (a
 * dotless ı) and a style named by the default locale silently vanishes. Each row: a state the code shows, and the
 * rule of base.css that must style it.
 */
class StateStylesTest {
    private static final Locale TURKISH = Locale.forLanguageTag("tr-TR");
    private Locale before;

    @BeforeEach
    void turkish() {
        before = Locale.getDefault();
        Locale.setDefault(TURKISH);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @Test
    void the_locale_under_test_is_one_that_breaks_default_casing() {
        assertThat("INVESTIGATE".toLowerCase()).isNotEqualTo("investigate");
        assertThat(StyleClasses.pseudoClass(SeverityAdvisor.Action.INVESTIGATE).getPseudoClassName())
                .isEqualTo("investigate");
    }

    @ParameterizedTest(name = "{0}.{1} → {2}")
    @CsvSource({
            "advice,     INVESTIGATE,       .advice:investigate",
            "advice,     ROLLBACK_NOW,      .advice:rollback-now",
            "advice,     CANNOT_SEE,        .advice:cannot-see",
            "advice,     WATCHING_ROLLBACK, .advice:watching-rollback",
            "breaker,    HALF_OPEN,         .breaker-state:half-open",
            "breaker,    OPEN,              .breaker-state:open",
            "health,     CRITICAL,          .health-status:critical",
            "health,     UNKNOWN,           .health-status:unknown",
            "connection, CONNECTED,         .state-label:connected",
            "connection, FAILED,            .state-dot:failed",
            "severity,   P1,                .severity-chip:p1",
            "budget,     CLOSE,             .step-budget:close",
            "budget,     OVER,              .step-budget:over",
            "cadence,    DUE,               .next-update:due",
            "cadence,    OVERDUE,           .next-update:overdue",
            "delivery,   WAITING_RETRY,     .delivery-state:waiting-retry",
            "delivery,   FAILED,            .delivery-state:failed",
            "delivery,   DELIVERED,         .delivery-state:delivered",
            "share,      SHARED,            .share-state:shared",
            "share,      OFFLINE,           .share-state:offline"})
    void a_state_switches_on_its_own_pseudo_class_only_and_base_css_styles_it(String kind, String value,
                                                                               String selector) throws IOException {
        Region node = new Region();
        Class<? extends Enum<?>> type = switch (kind) {
            case "advice" -> SeverityAdvisor.Action.class;
            case "breaker" -> BreakerState.class;
            case "health" -> HealthStatus.class;
            case "connection" -> ConnectionState.class;
            case "severity" -> Severity.class;
            case "cadence" -> CommsCadence.Level.class;
            case "delivery" -> DeliveryState.class;
            case "share" -> ShareBadge.Level.class;
            default -> StepClock.Level.class;
        };
        for (Enum<?> other : type.getEnumConstants()) {
            show(node, type, other.name()); // the state before: switched off by the next
        }
        show(node, type, value);

        assertThat(names(node.getPseudoClassStates())).containsExactly(selector.substring(selector.indexOf(':') + 1));
        assertThat(css()).containsPattern(rule(selector));
    }

    @Test
    void an_environment_replaces_the_one_before_and_is_styled_on_the_bar_and_the_badge() throws IOException {
        Region bar = new Region();
        StateStyles.replace(bar, "", "DRILL");
        StateStyles.replace(bar, "DRILL", "PRODUCTION");
        assertThat(names(bar.getPseudoClassStates())).containsExactly("production");
        assertThat(css()).containsPattern(rule(".incident-bar:production"))
                .containsPattern(rule(".environment-badge:production"));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void show(Region node, Class<? extends Enum<?>> type, String value) {
        StateStyles.show(node, (Class) type, Enum.valueOf((Class) type, value));
    }

    private static Set<String> names(Set<PseudoClass> states) {
        return states.stream().map(PseudoClass::getPseudoClassName).collect(Collectors.toSet());
    }

    /** The selector as a whole selector of a rule: followed by a space, a comma or the rule's brace. */
    private static String rule(String selector) {
        return Pattern.quote(selector) + "[\\s,{]";
    }

    private static String css() throws IOException {
        try (InputStream in = Objects.requireNonNull(StateStylesTest.class.getResourceAsStream("/styles/base.css"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
