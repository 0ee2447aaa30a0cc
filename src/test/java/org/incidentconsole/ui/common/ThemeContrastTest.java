package org.incidentconsole.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * WCAG AA for both themes, computed from the stylesheets themselves (no toolkit): every rule of base.css that sets
 * a text colour is paired with the background it is drawn on, every token resolved through dark.css / light.css and
 * AtlantaFX's own theme. Text needs 4.5:1, an icon colour (state glyphs) and a badge on its bar 3:1.
 * <ul>
 * <li>a rule with both colours: that pair;</li>
 * <li>a descendant rule ({@code .bar:drill .title}): its text on the ancestor rule's background;</li>
 * <li>a text rule with no background of its own: on the window's backgrounds (bg-default, bg-subtle);</li>
 * <li>a background rule whose text is not set under it: the default text colour, or the text of the rule it refines
 * ({@code .advice:watch} takes {@code .advice}'s).</li>
 * </ul>
 */
class ThemeContrastTest {
    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^}]*)}");
    private static final Pattern DECL = Pattern.compile("(-[\\w-]+)\\s*:\\s*([^;]+);");
    private static final List<String> PAGE = List.of("-color-bg-default", "-color-bg-subtle");

    record Pair(String selector, String text, String background, double minimum) {
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "dark,  /atlantafx/base/theme/primer-dark.css,  /styles/dark.css",
            "light, /atlantafx/base/theme/primer-light.css, /styles/light.css"})
    void every_text_and_state_glyph_of_the_theme_meets_wcag_aa(String theme, String atlantafx, String ours)
            throws IOException {
        Map<String, String> tokens = new LinkedHashMap<>(rootTokens(read(atlantafx)));
        tokens.putAll(rootTokens(read(ours)));
        List<Pair> pairs = pairs(rules(read("/styles/base.css")));
        assertThat(pairs).as("pairs found in base.css").hasSizeGreaterThan(30);
        List<String> failing = new ArrayList<>();
        for (Pair p : pairs) {
            int[] bg = color(p.background, tokens, color("-color-bg-default", tokens, null));
            double ratio = contrast(color(p.text, tokens, bg), bg);
            String line = String.format("%-6s %5.2f:1 (needs %.1f) %s: %s on %s", theme, ratio, p.minimum,
                    p.selector, p.text, p.background);
            System.out.println(line);
            if (ratio < p.minimum) {
                failing.add(line);
            }
        }
        assertThat(failing).as("pairs below WCAG AA in the " + theme + " theme").isEmpty();
    }

    /** #19: every focusable control has a ring, at 3:1 against the page or the bar it sits on (WCAG 2.4.11). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "dark,  /atlantafx/base/theme/primer-dark.css,  /styles/dark.css",
            "light, /atlantafx/base/theme/primer-light.css, /styles/light.css"})
    void every_focusable_control_shows_a_focus_ring_that_stands_out_from_its_background(String theme,
            String atlantafx, String ours) throws IOException {
        Map<String, String> tokens = new LinkedHashMap<>(rootTokens(read(atlantafx)));
        tokens.putAll(rootTokens(read(ours)));
        Map<String, Map<String, String>> rules = rules(read("/styles/base.css"));
        Map<String, String> rings = new LinkedHashMap<>();
        rules.forEach((selector, decl) -> {
            if (selector.contains(":focused") && decl.containsKey("-fx-border-color")) {
                rings.put(selector, decl.get("-fx-border-color"));
            }
        });
        for (String control : FOCUSABLE) {
            assertThat(rings.keySet()).as("a focus ring on " + control)
                    .anyMatch(s -> s.startsWith(control + ":focused"));
        }
        List<String> failing = new ArrayList<>();
        rings.forEach((selector, ring) -> {
            String bar = ancestorBackground(selector, rules);
            for (String background : bar != null ? List.of(bar) : PAGE) {
                int[] bg = color(background, tokens, null);
                double ratio = contrast(color(ring, tokens, bg), bg);
                String line = String.format("%-6s %5.2f:1 (needs 3.0) focus ring %s: %s on %s", theme, ratio,
                        selector, ring, background);
                System.out.println(line);
                if (ratio < 3.0) {
                    failing.add(line);
                }
            }
        });
        assertThat(failing).as("focus rings below 3:1 in the " + theme + " theme").isEmpty();
    }

    /** The controls an operator reaches with Tab in the window and its dialogs. */
    private static final List<String> FOCUSABLE = List.of(".button", ".toggle-button", ".menu-button",
            ".combo-box-base", ".choice-box", ".text-field", ".text-area", ".list-view", ".table-view",
            ".check-box", ".radio-button", ".hyperlink");

    @ParameterizedTest(name = "{0} on {1} = {2}")
    @CsvSource({"#ffffff, #000000, 21.0", "#ffffff, #ffffff, 1.0", "#777777, #ffffff, 4.48"})
    void the_contrast_formula_is_wcag_s(String a, String b, double expected) {
        assertThat(contrast(color(a, Map.of(), null), color(b, Map.of(), null))).isCloseTo(expected,
                org.assertj.core.data.Offset.offset(0.01));
    }

    static List<Pair> pairs(Map<String, Map<String, String>> rules) {
        List<Pair> out = new ArrayList<>();
        rules.forEach((selector, decl) -> {
            String text = decl.get("-fx-text-fill");
            String icon = decl.get("-fx-icon-color");
            String bg = decl.get("-fx-background-color");
            String ancestorBg = ancestorBackground(selector, rules);
            List<String> backgrounds = bg != null ? List.of(bg) : ancestorBg != null ? List.of(ancestorBg)
                    : !refinedBackgrounds(ancestor(selector), rules).isEmpty()
                    ? refinedBackgrounds(ancestor(selector), rules) : PAGE;
            for (String b : backgrounds) {
                if (text != null) {
                    out.add(new Pair(selector, text, b, 4.5));
                }
                if (icon != null) {
                    out.add(new Pair(selector, icon, b, 3.0));
                }
            }
            if (bg != null && text == null && !textSetUnder(selector, rules)) {
                out.add(new Pair(selector, refinedText(selector, rules), bg, 4.5));
            }
            if (bg != null && ancestorBg != null) {
                out.add(new Pair(selector + " against its bar", bg, ancestorBg, 3.0));
            }
        });
        return out;
    }

    /** {@code .chip > .label} → {@code .chip}; {@code .badge} → {@code .badge}. */
    private static String ancestor(String selector) {
        String s = selector.replace(" > ", " ");
        return s.contains(" ") ? s.substring(0, s.lastIndexOf(' ')).strip() : s;
    }

    /** The backgrounds of the variants of a rule ({@code .badge:drill} for {@code .badge}). */
    private static List<String> refinedBackgrounds(String selector, Map<String, Map<String, String>> rules) {
        return rules.entrySet().stream().filter(e -> (e.getKey().startsWith(selector + ".")
                || e.getKey().startsWith(selector + ":")) && !e.getKey().contains(" ") && e.getValue().containsKey("-fx-background-color"))
                .map(e -> e.getValue().get("-fx-background-color")).distinct().toList();
    }

    private static String ancestorBackground(String selector, Map<String, Map<String, String>> rules) {
        int space = selector.replace(" > ", " ").lastIndexOf(' ');
        if (space < 0) {
            return null;
        }
        Map<String, String> ancestor = rules.get(selector.replace(" > ", " ").substring(0, space).strip());
        return ancestor == null ? null : ancestor.get("-fx-background-color");
    }

    /** Some rule sets the text drawn inside this one, or inside the rule it refines. */
    private static boolean textSetUnder(String selector, Map<String, Map<String, String>> rules) {
        return rules.entrySet().stream().anyMatch(e -> e.getKey().contains(" ")
                && selector.startsWith(e.getKey().replace(" > ", " ").substring(0,
                e.getKey().replace(" > ", " ").lastIndexOf(' ')).strip())
                && e.getValue().containsKey("-fx-text-fill"));
    }

    /** {@code .advice:watch} draws the text of {@code .advice}; with nothing set, the default text. */
    private static String refinedText(String selector, Map<String, Map<String, String>> rules) {
        String best = null;
        for (Map.Entry<String, Map<String, String>> e : rules.entrySet()) {
            String s = e.getKey();
            if (!s.equals(selector) && selector.startsWith(s) && !s.contains(" ")
                    && e.getValue().containsKey("-fx-text-fill") && (best == null || s.length() > best.length())) {
                best = s;
            }
        }
        return best == null ? "-color-fg-default" : rules.get(best).get("-fx-text-fill");
    }

    /** Selector (each of a comma list) → its declarations, merged when a selector comes back. */
    static Map<String, Map<String, String>> rules(String css) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        Matcher m = RULE.matcher(css.replaceAll("(?s)/\\*.*?\\*/", ""));
        while (m.find()) {
            Map<String, String> decl = new LinkedHashMap<>();
            Matcher d = DECL.matcher(m.group(2));
            while (d.find()) {
                decl.put(d.group(1), d.group(2).strip());
            }
            for (String selector : m.group(1).split(",")) {
                out.computeIfAbsent(selector.strip().replaceAll("\\s+", " "), k -> new LinkedHashMap<>())
                        .putAll(decl);
            }
        }
        return out;
    }

    /** The tokens of the first {@code .root} block. */
    static Map<String, String> rootTokens(String css) {
        return rules(css).getOrDefault(".root", Map.of());
    }

    /** r, g, b of a colour or token; a translucent colour is blended over {@code under} (or white). */
    static int[] color(String value, Map<String, String> tokens, int[] under) {
        String v = value.strip();
        if (v.contains(",") && !v.startsWith("rgb")) {
            v = v.substring(v.lastIndexOf(',') + 1).strip(); // a list of paints: the top one
        }
        for (int depth = 0; v.startsWith("-") && depth < 20; depth++) {
            v = Objects.requireNonNull(tokens.get(v), "unknown token " + v).strip();
        }
        if (v.startsWith("#")) {
            String hex = v.length() == 4 ? "" + v.charAt(1) + v.charAt(1) + v.charAt(2) + v.charAt(2) + v.charAt(3)
                    + v.charAt(3) : v.substring(1, 7);
            int rgb = Integer.parseInt(hex, 16);
            return new int[] {rgb >> 16 & 255, rgb >> 8 & 255, rgb & 255};
        }
        Matcher m = Pattern.compile("rgba?\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)\\s*(?:,\\s*([\\d.]+))?\\s*\\)")
                .matcher(v);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a colour: " + value + " (" + v + ")");
        }
        double a = m.group(4) == null ? 1 : Double.parseDouble(m.group(4));
        int[] base = under == null ? new int[] {255, 255, 255} : under;
        int[] c = new int[3];
        for (int i = 0; i < 3; i++) {
            c[i] = (int) Math.round(Integer.parseInt(m.group(i + 1)) * a + base[i] * (1 - a));
        }
        return c;
    }

    static double contrast(int[] a, int[] b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(int[] c) {
        double[] l = new double[3];
        for (int i = 0; i < 3; i++) {
            double s = c[i] / 255.0;
            l[i] = s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = Objects.requireNonNull(ThemeContrastTest.class.getResourceAsStream(resource),
                resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
