package org.incidentconsole.runbook;

import java.util.List;
import org.commonmark.node.FencedCodeBlock;

/** Builds a {@link CodeBlock} from a fence: shell ones get labels, placeholders, env vars and dangers. */
final class CodeBlocks {
    private CodeBlocks() {
    }

    static CodeBlock of(FencedCodeBlock fence, int fenceLine, List<Problem> problems) {
        FenceInfo info = FenceInfo.parse(fence.getInfo());
        String literal = fence.getLiteral() == null ? "" : fence.getLiteral();
        if (literal.endsWith("\n")) {
            literal = literal.substring(0, literal.length() - 1);
        }
        if (fence.getClosingFenceLength() == null) {
            problems.add(Problem.error(fenceLine, "unterminated code fence: everything after it is read as code"));
        }
        boolean shell = info.shell() || info.language().isEmpty() && ShellText.looksLikeShell(literal);
        if (!shell) {
            return shown(fenceLine, info.language(), info.name(), literal);
        }
        String script = Transcripts.isTranscript(literal, info.console()) ? Transcripts.script(literal, info.console())
                : literal;
        if (!ShellText.hasCommand(script)) {
            return shown(fenceLine, info.language().isEmpty() ? "sh" : info.language(), info.name(), literal);
        }
        return shell(fenceLine, info.language().isEmpty() ? "sh" : info.language(), info.name(), literal, script,
                info.attributes().get("danger"));
    }

    /** An indented code block: shown verbatim, never run (the author did not mark it as shell). */
    static CodeBlock indented(String literal, int line) {
        String text = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
        return shown(line, "", null, text);
    }

    /**
     * The same block running {@code script} instead: one alternative's lines, the others blanked so line numbers
     * stay. Dangers are the block's own on the kept lines (the author's acknowledgements stay with them).
     */
    static CodeBlock withScript(CodeBlock block, String script) {
        if (!block.runnable() || !ShellText.hasCommand(script)) {
            return shown(block.line(), block.language(), block.name(), script);
        }
        int first = block.line() + 1;
        String[] lines = script.split("\n", -1);
        List<Danger> kept = block.dangers().stream().filter(d -> {
            int i = d.line() - first;
            return i >= 0 && i < lines.length && !lines[i].isBlank();
        }).toList();
        return new CodeBlock(block.line(), block.language(), block.name(), block.text(), true, script,
                ShellText.labels(script, first), PlaceholderFinder.placeholders(script, first),
                PlaceholderFinder.environmentVariables(script), kept, List.of());
    }

    private static CodeBlock shown(int line, String language, String name, String text) {
        return new CodeBlock(line, language, name, text, false, null, List.of(), List.of(), List.of(), List.of(),
                List.of());
    }

    private static CodeBlock shell(int fenceLine, String language, String name, String text, String script,
                                   String dangerNote) {
        int first = fenceLine + 1;
        return new CodeBlock(fenceLine, language, name, text, true, script, ShellText.labels(script, first),
                PlaceholderFinder.placeholders(script, first), PlaceholderFinder.environmentVariables(script),
                DangerDetector.dangers(script, first, dangerNote), ShellText.alternatives(script, first));
    }
}
