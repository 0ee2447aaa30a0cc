package org.incidentconsole.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Markdown nested deeper than 100 levels is refused before any parser sees it, with the line that nests
 * deepest: nothing recurses that deep, even on a thread with a small stack.
 */
class RunbookNestingTest {
    private static String document(String shape, int levels) {
        return "# Title\nintro\n" + switch (shape) {
            case "dashes" -> "- ".repeat(levels) + "x\n"; // a 6 KB line of list markers at 3000
            case "quotes" -> "> ".repeat(levels) + "x\n";
            case "numbers" -> "1. ".repeat(levels) + "x\n";
            case "indented" -> IntStream.range(0, levels).mapToObj(i -> "  ".repeat(i) + "- item " + i)
                    .collect(Collectors.joining("\n", "", "\n"));
            case "quoted-lists" -> "> - ".repeat(levels) + "x\n";
            default -> throw new IllegalArgumentException(shape);
        };
    }

    /** Parses on a thread with a 256 KB stack: a recursion per level would overflow it long before 100. */
    private static Throwable parseOnSmallStack(String markdown) throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                new RunbookParser().parse("deep.md", markdown);
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "small-stack", 256 * 1024);
        t.start();
        t.join();
        return thrown.get();
    }

    @ParameterizedTest(name = "{0} x {1} -> line {2}")
    @CsvSource({
            "dashes, 3000, 3", "quotes, 3000, 3", "numbers, 2000, 3", "indented, 400, 402", "quoted-lists, 500, 3",
            "dashes, 101, 3", "quotes, 101, 3"})
    void nesting_deeper_than_100_levels_is_a_located_error(String shape, int levels, int line) throws Exception {
        Throwable thrown = parseOnSmallStack(document(shape, levels));

        assertThat(thrown).isInstanceOf(RunbookException.class);
        RunbookException e = (RunbookException) thrown;
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.getMessage()).startsWith("deep.md:" + line + ": nesting deeper than 100 levels (");
    }

    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource({"dashes, 100", "quotes, 100", "indented, 60", "quoted-lists, 50"})
    void nesting_up_to_the_cap_loads(String shape, int levels) throws Exception {
        assertThat(parseOnSmallStack(document(shape, levels))).isNull();
    }
}
