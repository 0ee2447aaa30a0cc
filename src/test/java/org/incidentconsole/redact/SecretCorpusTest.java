package org.incidentconsole.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every corpus form, redacted as a whole text and streamed line by line: the secret value never survives. */
class SecretCorpusTest {
    @Test
    void no_secret_form_survives_the_redactor_or_the_stream() {
        long seed = Long.getLong("redaction.seed", System.nanoTime());
        List<SecretCorpus.Form> forms = new SecretCorpus(seed).generate(20);
        Redactor redactor = new Redactor();
        List<String> leaked = new ArrayList<>();
        for (SecretCorpus.Form f : forms) {
            String whole = redactor.scrub("noise before\n" + f.text() + "\nnoise after");
            StreamRedactor stream = new StreamRedactor(redactor);
            String streamed = String.join("\n", ("x\n" + f.text()).lines().map(stream::line).toList());
            if (whole.contains(f.value()) || streamed.contains(f.value())) {
                leaked.add(f.kind() + ": " + f.text().replace("\n", "\\n") + "\n   -> " + whole.replace("\n", "\\n")
                        + "\n   => " + streamed.replace("\n", "\\n"));
            }
        }
        System.out.printf("redactor: secret forms tried %d (%d kinds), leaked %d%n", forms.size(),
                forms.size() / 20, leaked.size());
        assertThat(leaked).as("seed " + seed).isEmpty();
    }
}
