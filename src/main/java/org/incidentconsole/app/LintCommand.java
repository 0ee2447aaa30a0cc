package org.incidentconsole.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.incidentconsole.runbook.Problem;
import org.incidentconsole.runbook.Runbook;
import org.incidentconsole.runbook.RunbookException;
import org.incidentconsole.runbook.RunbookOutline;
import org.incidentconsole.runbook.RunbookParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code incident-console lint FILE…}: problems as FILE:LINE: message; exit 1 on errors. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Check runbooks: prints FILE:LINE: message; exits 1 when there are errors.")
final class LintCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--outline", description = "Print what the console makes of each step.")
    boolean outline;

    @Option(names = "--json", description = "With --outline: print JSON (title, steps).")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Markdown runbooks.")
    List<Path> files;

    private final RunbookParser parser = new RunbookParser();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean errors = false;
        List<Object> outlines = new ArrayList<>();
        for (Path file : files) {
            Runbook runbook;
            try {
                runbook = parser.parse(file);
            } catch (RunbookException e) {
                err.println(e.getMessage());
                errors = true;
                continue;
            } catch (RuntimeException | StackOverflowError e) { // a parser bug must still read as file:line
                err.println(file + ":1: error: cannot be read (" + PlainMessage.of(e) + ")");
                errors = true;
                continue;
            }
            for (Problem p : runbook.problems()) {
                errors |= p.severity() == Problem.Severity.ERROR;
                (outline && json ? err : out).println(file + ":" + p.line() + ": "
                        + p.severity().name().toLowerCase(Locale.ROOT) + ": " + p.message());
            }
            if (outline && json) {
                outlines.add(jsonOutline(runbook));
            } else if (outline) {
                printOutline(out, file, runbook);
            }
        }
        if (outline && json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            out.println(mapper.writeValueAsString(outlines.size() == 1 ? outlines.get(0) : outlines));
        }
        out.flush();
        err.flush();
        return errors ? 1 : 0;
    }

    private static void printOutline(PrintWriter out, Path file, Runbook runbook) {
        out.println(file + ": " + runbook.title() + " (" + runbook.steps().size() + " steps)");
        RunbookOutline.text(runbook).forEach(out::println);
    }

    private static Map<String, Object> jsonOutline(Runbook runbook) {
        return RunbookOutline.json(runbook);
    }
}
