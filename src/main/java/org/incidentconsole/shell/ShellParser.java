package org.incidentconsole.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.treesitter.TSLanguage;
import org.treesitter.TSParser;
import org.treesitter.TreeSitterBash;

/**
 * Reads a shell script with tree-sitter's bash grammar and lists what it runs ({@link Analysis}). Quoted strings,
 * comments and here-document bodies are data, except a body or {@code -c} argument fed to a shell, a database
 * client or redis-cli, which is read in that language. Text the grammar cannot read is skipped, what parsed is
 * analysed; the only exception thrown is {@link ShellException}.
 */
public final class ShellParser {
    /** How deep {@code sh -c}, {@code ssh host '…'}, here-documents fed to shells may nest inside one another. */
    public static final int MAX_NESTING = 16;

    private static final ThreadLocal<TSParser> PARSER = ThreadLocal.withInitial(() -> {
        TSParser parser = new TSParser();
        parser.setLanguage(Grammar.BASH);
        return parser;
    });

    private ShellParser() {
    }

    /** Loads the grammar's native library (once), so a runtime without it fails here, with a clear message. */
    private static final class Grammar {
        static final TSLanguage BASH = new TreeSitterBash();
    }

    public static Analysis analyse(String script) {
        Context context = new Context(script);
        try {
            context.shell(script, 0, 0);
        } catch (ShellException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ShellException(1, "the shell analysis failed: " + e, e);
        }
        List<SimpleCommand> commands = new ArrayList<>(context.commands);
        commands.sort(Comparator.comparingInt(SimpleCommand::offset));
        List<Comment> comments = new ArrayList<>(context.comments);
        comments.sort(Comparator.comparingInt(Comment::offset));
        return new Analysis(commands, comments, context.incomplete);
    }

    /** What one analysis collects; offsets are into the analysed script, nested texts included. */
    static final class Context {
        final String script;
        final int[] lineStarts;
        final List<SimpleCommand> commands = new ArrayList<>();
        final List<Comment> comments = new ArrayList<>();
        boolean incomplete;

        Context(String script) {
            this.script = script;
            int[] starts = new int[16];
            int count = 1;
            for (int i = 0; i < script.length(); i++) {
                if (script.charAt(i) == '\n') {
                    if (count == starts.length) {
                        starts = Arrays.copyOf(starts, count * 2);
                    }
                    starts[count++] = i + 1;
                }
            }
            lineStarts = Arrays.copyOf(starts, count);
        }

        int lineOf(int offset) {
            int found = Arrays.binarySearch(lineStarts, Math.max(0, Math.min(offset, script.length())));
            return found >= 0 ? found + 1 : -found - 1;
        }

        /** Analyses {@code text}, which stands at {@code base} in the script, as shell. */
        void shell(String text, int base, int depth) {
            if (depth > MAX_NESTING) {
                throw new ShellException(lineOf(base), "commands nested deeper than " + MAX_NESTING + " levels");
            }
            String clean = sanitize(text);
            org.treesitter.TSTree tree;
            try {
                tree = PARSER.get().parseString(null, clean);
            } catch (RuntimeException | LinkageError e) {
                Throwable root = e.getCause() != null ? e.getCause() : e;
                throw new ShellException(lineOf(base), "the bash grammar could not be used: " + root, e);
            }
            if (tree == null) {
                throw new ShellException(lineOf(base), "the bash grammar returned no tree");
            }
            try {
                new TreeWalk(this, clean, base, depth).walk(tree.getRootNode());
            } catch (org.treesitter.TSException e) {
                throw new ShellException(lineOf(base), "the bash grammar failed: " + e.getMessage(), e);
            }
        }

        void add(SimpleCommand command) {
            commands.add(command);
        }

        /** Commands fed as text to another program: SQL to a database client, Redis commands to redis-cli. */
        void language(Language language, String text, int base, List<String> wrappers) {
            List<SimpleCommand> found = language == Language.SQL ? SqlText.statements(text, base, this, wrappers)
                    : RedisText.commands(text, base, this, wrappers);
            commands.addAll(found);
        }

        /** NUL and lone surrogates would shift the grammar's byte offsets: they become one-byte characters. */
        private static String sanitize(String text) {
            char[] chars = null;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean bad = c == 0 || Character.isHighSurrogate(c)
                        && (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                        || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
                if (bad) {
                    if (chars == null) {
                        chars = text.toCharArray();
                    }
                    chars[i] = c == 0 ? ' ' : '?';
                }
            }
            return chars == null ? text : new String(chars);
        }
    }
}
