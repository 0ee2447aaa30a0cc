package org.incidentconsole.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionSecretsTest {
    @Test
    void the_environment_answers_first_and_the_operator_is_never_asked_then() {
        List<String> asked = new ArrayList<>();
        SessionSecrets secrets = new SessionSecrets(Map.of("OPS_HOOK", "https://hooks.example/abc"),
                (channel, what, env) -> {
                    asked.add(env);
                    return "typed";
                });

        assertThat(secrets.secret("ops", "webhook URL", "OPS_HOOK")).contains("https://hooks.example/abc");
        assertThat(asked).isEmpty();
    }

    @Test
    void an_unset_variable_is_asked_once_and_kept_in_memory_until_cleared() {
        List<String> asked = new ArrayList<>();
        SessionSecrets secrets = new SessionSecrets(Map.of("EMPTY", " "), (channel, what, env) -> {
            asked.add(channel + "/" + what + "/" + env);
            return " typed-secret ";
        });

        assertThat(secrets.secret("ops", "webhook URL", "EMPTY")).contains("typed-secret");
        assertThat(secrets.secret("ops", "webhook URL", "EMPTY")).contains("typed-secret");
        assertThat(asked).containsExactly("ops/webhook URL/EMPTY");
        assertThat(secrets.inEnvironment("EMPTY")).isFalse();

        secrets.clear();
        secrets.secret("ops", "webhook URL", "EMPTY");
        assertThat(asked).hasSize(2);
    }

    @Test
    void a_cancelled_prompt_gives_nothing_and_asks_again_next_time() {
        SessionSecrets secrets = new SessionSecrets(Map.of(), SecretPrompt.NONE);

        assertThat(secrets.secret("mail", "SMTP password", "SMTP_PASSWORD")).isEmpty();
        assertThat(secrets.secret("mail", "SMTP password", null)).isEmpty();
    }
}
