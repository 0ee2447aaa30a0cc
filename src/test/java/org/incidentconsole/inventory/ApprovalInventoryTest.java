package org.incidentconsole.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The inventory's top-level {@code approval:}: required or none, else the environment's default. */
class ApprovalInventoryTest {
    @TempDir
    Path dir;

    private static String inventory(String environment, String approvalLine) {
        return "environment: " + environment + "\n" + (approvalLine == null ? "" : approvalLine + "\n") + """
                hosts:
                  - name: web-01
                    address: 10.0.0.1
                    user: deploy
                """;
    }

    @ParameterizedTest(name = "{0} with ''{1}'': required {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "production | -                  | true ",
            "staging    | -                  | false",
            "drill      | -                  | false",
            "production | approval: none     | false",
            "production | approval: required | true ",
            "staging    | approval: required | true ",
            "drill      | approval: REQUIRED | true ",
            "drill      | approval: ' none ' | false"})
    void approval_is_read_as_written_or_follows_the_environment(String environment, String line, boolean required)
            throws Exception {
        Inventory inventory = load(inventory(environment, line));

        assertThat(inventory.approvalRequired()).isEqualTo(required);
        assertThat(inventory.approval()).isEqualTo(required ? ApprovalSetting.REQUIRED : ApprovalSetting.NONE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a word of its own  | approval: maybe        | expected approval required or none, got 'maybe'",
            "a yes              | approval: 'yes'        | expected approval required or none, got 'yes'",
            "a list             | 'approval: [required]' | 'approval'",
            "a mapping          | 'approval: {a: b}'     | 'approval'",
            "no value           | 'approval:'            | 'approval': no value"})
    void any_other_value_is_refused_at_its_line_in_one_sentence(String label, String line, String fragment)
            throws IOException {
        Path file = write(inventory("production", line));

        InventoryException e = InventoryRefusal.loadOrRefusal(file, label);

        assertThat(e).as(label + ": must be refused").isNotNull();
        assertThat(e.getMessage()).as(label).startsWith(file + ":2:").contains(fragment);
    }

    @Test
    void the_older_constructors_get_the_environments_default() {
        Path source = Path.of("inventory.yaml");
        assertThat(new Inventory(source, Environment.PRODUCTION, List.of()).approvalRequired()).isTrue();
        assertThat(new Inventory(source, Environment.STAGING, List.of(), NotifySettings.NONE).approvalRequired())
                .isFalse();
        assertThat(new Inventory(source, Environment.DRILL, List.of(), NotifySettings.NONE, null).approval())
                .isEqualTo(ApprovalSetting.NONE);
    }

    private Inventory load(String yaml) throws IOException, InventoryException {
        return new InventoryLoader(Path.of("/home/operator")).load(write(yaml));
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("inventory.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }
}
