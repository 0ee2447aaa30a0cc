package org.incidentconsole.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WindowPlacementTest {
    @ParameterizedTest(name = "screen {0}x{1}, saved {2}x{3} max={4} -> {5}x{6} max={7}")
    @CsvSource(textBlock = """
            # first launch: maximized up to 2200x1300, restore size 85 % (never below 960x600)
            1280, 800,  0,    0,    false, 1088, 680,  true
            1440, 900,  0,    0,    false, 1224, 765,  true
            1920, 1080, 0,    0,    false, 1632, 918,  true
            1920, 1200, 0,    0,    false, 1632, 1020, true
            1024, 700,  0,    0,    false, 960,  600,  true
            # a larger screen: three quarters of it, not maximized
            2560, 1440, 0,    0,    false, 1920, 1080, false
            3840, 2160, 0,    0,    false, 2880, 1620, false
            # a screen below the minimum: the whole screen, maximized
            800,  600,  0,    0,    false, 800,  600,  true
            # remembered: as left, shrunk to the screen, never below the minimum
            1920, 1080, 1500, 900,  false, 1500, 900,  false
            1920, 1080, 1500, 900,  true,  1500, 900,  true
            1280, 800,  1500, 900,  false, 1280, 800,  false
            1920, 1080, 400,  300,  false, 960,  600,  false
            800,  500,  1500, 900,  false, 800,  500,  true
            """)
    void the_window_opens_at_a_size_fit_for_the_screen(double screenW, double screenH, double savedW, double savedH,
                                                       boolean savedMax, double w, double h, boolean max) {
        WindowPrefs saved = new WindowPrefs(savedW, savedH, savedMax, List.of(), List.of(), Theme.DARK);
        assertThat(WindowPlacement.choose(screenW, screenH, saved)).isEqualTo(new WindowPlacement(w, h, max));
    }
}
