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
import picocli.CommandLine.Spec;

/** {@code incident-console report JOURNAL_OR_DIR [-o FILE]}: the markdown report of an incident. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Render the markdown incident report from a journal (or an incident's folder).")
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "JOURNAL_OR_DIR", description = "journal.jsonl, or the incident folder holding it.")
    Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of standard output.")
    Path output;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Path journal = Files.isDirectory(input) ? input.resolve(Journal.FILE_NAME) : input;
        ReportRenderer.Prepared report;
        try {
            report = new ReportRenderer().prepare(RecordSource.journal(journal));
        } catch (JournalException e) {
            err.println(e.getMessage());
            err.flush();
            return 1;
        }
        report.scan().warnings().forEach(w -> err.println("warning: " + w));
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
