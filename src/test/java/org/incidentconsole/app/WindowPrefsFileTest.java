package org.incidentconsole.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.incidentconsole.ui.common.Theme;
import org.incidentconsole.ui.common.WindowPrefs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WindowPrefsFileTest {
    @TempDir
    Path dir;

    @Test
    void the_layout_is_read_back_as_it_was_saved_into_an_owner_only_file() throws Exception {
        Path file = new AppHome(dir).windowPrefs();
        WindowPrefs saved = new WindowPrefs(1500, 900, true, List.of(0.2, 0.7), List.of(0.45, 0.7), Theme.LIGHT,
                Map.of("timeline.order", "newest-first", "timeline.pane", "folded"));
        WindowPrefsFile.save(file, saved);
        assertThat(WindowPrefsFile.load(file)).isEqualTo(saved);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void no_file_is_the_first_launch() {
        assertThat(WindowPrefsFile.load(dir.resolve("window.properties"))).isEqualTo(WindowPrefs.none());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            width=wide                     | 0   | 0.2,0.7 | DARK
            columns=0.7,0.2                | 800 | ''      | DARK
            columns=0.2,1.5                | 800 | ''      | DARK
            theme=purple                   | 800 | 0.2,0.7 | DARK
            theme=light                    | 800 | 0.2,0.7 | LIGHT
            """)
    void a_value_that_does_not_read_is_dropped_alone(String line, double width, String columns, Theme theme)
            throws Exception {
        String base = "width=800\nheight=600\ncolumns=0.2,0.7\n";
        Path file = dir.resolve("window.properties");
        Files.writeString(file, base + line + "\n");
        WindowPrefs p = WindowPrefsFile.load(file);
        assertThat(p.width()).isEqualTo(width);
        assertThat(p.columns()).isEqualTo(columns.isEmpty() ? List.of()
                : Arrays.stream(columns.split(",")).map(Double::valueOf).toList());
        assertThat(p.theme()).isEqualTo(theme);
    }
}
