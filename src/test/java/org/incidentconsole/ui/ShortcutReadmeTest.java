package org.incidentconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's shortcut table is the {@link Shortcut} enum's: run with {@code -Dshortcuts.write=true} to write it
 * there after changing the enum.
 */
class ShortcutReadmeTest {
    private static final Pattern BLOCK = Pattern.compile("(?s)(<!-- shortcuts:start[^>]*-->\\n)(.*?)(<!-- shortcuts:end -->)");
    private static final Path README = Path.of("README.md");

    @Test
    void the_readme_table_lists_every_shortcut_of_the_enum_as_it_is() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        Matcher m = BLOCK.matcher(readme);
        assertThat(m.find()).as("README.md has the shortcuts:start / shortcuts:end markers").isTrue();
        if (Boolean.getBoolean("shortcuts.write")) {
            Files.writeString(README, readme.substring(0, m.start(2)) + Shortcut.markdownTable()
                    + readme.substring(m.end(2)), StandardCharsets.UTF_8);
            return;
        }
        assertThat(m.group(2)).as("README.md's shortcut table (write it with -Dshortcuts.write=true)")
                .isEqualTo(Shortcut.markdownTable());
    }

    @Test
    void the_f1_list_and_the_table_name_every_shortcut_once_with_distinct_keys() {
        String help = Shortcut.helpText();
        for (Shortcut s : Shortcut.values()) {
            assertThat(help.lines().filter(l -> l.startsWith(s.keys() + " ") && l.endsWith(s.description())))
                    .as(s + " in the F1 list").hasSize(1);
            assertThat(Shortcut.markdownTable()).contains("| " + s.keys() + " | " + s.description() + " |");
        }
        assertThat(Arrays.stream(Shortcut.values()).map(Shortcut::keys).distinct()).hasSize(Shortcut.values().length);
        assertThat(Arrays.stream(Shortcut.values()).filter(s -> s.combination() != null).map(Shortcut::combination)
                .distinct()).hasSize((int) Arrays.stream(Shortcut.values()).filter(s -> s.combination() != null)
                .count());
        assertThat(Shortcut.RELOAD_INVENTORY.actionId()).isEqualTo("reload-inventory");
    }
}
