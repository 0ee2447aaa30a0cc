package org.incidentconsole.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.incidentconsole.incident.Journal;
import org.incidentconsole.incident.JournalException;
import org.incidentconsole.incident.PrivateFiles;
import org.incidentconsole.report.RecordSource;
import org.incidentconsole.report.ReportRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code incident-console report INCIDENT-ID|JOURNAL_OR_DIR [-o FILE] [--local]}: the markdown report of an
 * incident. A shared incident (#22: its folder holds the copy of the shared timeline) is reported from every
 * console's events, merged: the same report as on every other console.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Render the markdown incident report from an incident (its id, its folder or its journal). "
                + "A shared incident's report merges every console's events.")
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Parameters(paramLabel = "INCIDENT", description = "An incident id of the data directory "
            + "(e.g. INC-20261124-140211-3f2a), an incident folder, or its journal.jsonl.")
    Path input;

    @Option(names = "--local", description = "Report only this console's journal, even for a shared incident.")
    boolean local;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of standard output.")
    Path output;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Path target = resolve(input);
        Path journal = Files.isDirectory(target) ? target.resolve(Journal.FILE_NAME) : target;
        Path incidentDir = journal.toAbsolutePath().getParent();
        ReportRenderer.Prepared report;
        try {
            if (!local && incidentDir != null && SharedReport.shared(incidentDir)) {
                SharedReport.Rendered merged = SharedReport.prepare(incidentDir);
                merged.warnings().forEach(w -> err.println("warning: " + w));
                err.println(merged.describe());
                report = merged.report();
            } else {
                report = new ReportRenderer().prepare(RecordSource.journal(journal));
                report.scan().warnings().forEach(w -> err.println("warning: " + w));
            }
        } catch (JournalException e) {
            err.println(e.getMessage());
            err.flush();
            return 1;
        }
        if (report.scan().empty()) {
            err.println("empty journal: " + journal + " (no complete record, nothing to report)");
            err.flush();
            return 1;
        }
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            report.writeTo(out);
            out.flush();
        } else {
            write(report, output);
            err.println("report written to " + output);
        }
        err.flush();
        return 0;
    }

    /** A path as given; else, when nothing is there, the incident of that id in the data directory. */
    private Path resolve(Path given) {
        if (Files.exists(given) || main == null || given.getNameCount() != 1) {
            return given;
        }
        Path byId = main.home().incidents().resolve(given.toString());
        return Files.isDirectory(byId) ? byId : given;
    }

    /** Writes the report owner-only; a failure leaves no half-written file and names the file in one sentence. */
    static void write(ReportRenderer.Prepared report, Path output) throws IOException, JournalException {
        try (Writer w = PrivateFiles.newWriter(output)) {
            report.writeTo(w);
        } catch (IOException e) {
            if (Files.isRegularFile(output)) {
                Files.deleteIfExists(output);
            }
            throw new IOException("the report could not be written to " + output + ": " + PlainMessage.of(e), e);
        }
    }
}
