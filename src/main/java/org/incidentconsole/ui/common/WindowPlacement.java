package org.incidentconsole.ui.common;

/**
 * How big the main window opens on a screen, from what was remembered. The first launch opens maximized on every
 * screen up to {@value #ROOMY_WIDTH}×{@value #ROOMY_HEIGHT} (laptops, 1920×1080 and 1920×1200 monitors): an outage
 * is worked full screen, and a window at a fraction of the screen only wastes room. A larger screen gets a window of
 * three quarters of it, centred. A remembered size is used again, shrunk to the screen; a window never opens
 * below its minimum unless the screen itself is smaller, and then it opens maximized.
 *
 * @param width  the size when not maximized (what the window returns to when the operator un-maximizes it)
 */
public record WindowPlacement(double width, double height, boolean maximized) {
    public static final double MIN_WIDTH = 960;
    public static final double MIN_HEIGHT = 600;
    static final double ROOMY_WIDTH = 2200;
    static final double ROOMY_HEIGHT = 1300;

    /** @param screenWidth the usable area of the screen (without panels and docks) */
    public static WindowPlacement choose(double screenWidth, double screenHeight, WindowPrefs saved) {
        boolean tooSmall = screenWidth < MIN_WIDTH || screenHeight < MIN_HEIGHT;
        if (saved.hasSize()) {
            return new WindowPlacement(fit(saved.width(), MIN_WIDTH, screenWidth),
                    fit(saved.height(), MIN_HEIGHT, screenHeight), saved.maximized() || tooSmall);
        }
        boolean roomy = screenWidth > ROOMY_WIDTH && screenHeight > ROOMY_HEIGHT;
        double share = roomy ? 0.75 : 0.85;
        return new WindowPlacement(fit(screenWidth * share, MIN_WIDTH, screenWidth),
                fit(screenHeight * share, MIN_HEIGHT, screenHeight), !roomy);
    }

    /** At least {@code min}, at most the screen (which wins when it is smaller than the minimum). */
    private static double fit(double wanted, double min, double screen) {
        return Math.min(Math.max(wanted, min), screen);
    }
}
