package org.incidentconsole.runbook;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;

/**
 * {@link ShellReading} from one linear pass over {@link ShellContexts}: words split at unquoted blanks, simple
 * commands at unquoted {@code ; & | ( )} and newlines ({@code \}-newline joins), each {@code $(…)} a command of its
 * own inside the word that holds it. Iterative: nesting depth costs no stack.
 */
final class ScannedShell implements ShellReading {
    private final String script;
    private final String masked;
    private final ShellContexts contexts;
    private int[] owner;
    private List<Command> commands;
    private boolean[] test;

    private ScannedShell(String script, String masked, ShellContexts contexts) {
        this.script = script;
        this.masked = masked;
        this.contexts = contexts;
    }

    private static final class Builder {
        int id;
        final List<Word> words = new ArrayList<>();
        int wordStart = -1;
        int parens;
    }

    /** Reads the quoting contexts now; words and commands on the first question about them. */
    static ScannedShell scan(String script) {
        String masked = masked(script);
        return new ScannedShell(script, masked, ShellContexts.scan(masked));
    }

    private void index() {
        if (commands != null) {
            return;
        }
        int n = script.length();
        owner = new int[n];
        Arrays.fill(owner, -1);
        test = new boolean[n];
        commands = new ArrayList<>();
        Deque<Builder> stack = new ArrayDeque<>();
        stack.push(fresh(commands));
        for (int i = 0; i < n; i++) {
            ShellContexts.Context c = contexts.at(i);
            char ch = masked.charAt(i);
            Builder top = stack.peek();
            if (c == ShellContexts.Context.COMMENT || c == ShellContexts.Context.HEREDOC
                    || c == ShellContexts.Context.HEREDOC_LITERAL) {
                endWord(script, top, i);
                continue;
            }
            owner[i] = top.id;
            boolean substitution = ch == '$' && i + 1 < n && masked.charAt(i + 1) == '('
                    && (i + 2 >= n || masked.charAt(i + 2) != '(');
            if (substitution && (c == ShellContexts.Context.BARE || c == ShellContexts.Context.DOUBLE_QUOTED)) {
                if (top.wordStart < 0) {
                    top.wordStart = i;
                }
                owner[i + 1] = top.id;
                stack.push(fresh(commands));
                i++;
            } else if (c != ShellContexts.Context.BARE) {
                if (top.wordStart < 0) {
                    top.wordStart = i;
                }
            } else if (ch == '\\') {
                if (i + 1 < n && masked.charAt(i + 1) == '\n') {
                    endWord(script, top, i);
                } else if (top.wordStart < 0) {
                    top.wordStart = i;
                }
                if (i + 1 < n) {
                    owner[i + 1] = top.id;
                }
                i++;
            } else if (ch == ' ' || ch == '\t') {
                endWord(script, top, i);
            } else if (ch == '\n' || ch == ';' || ch == '&' || ch == '|' || ch == '(') {
                endCommand(script, top, i, commands, test);
                top.parens += ch == '(' && stack.size() > 1 ? 1 : 0;
            } else if (ch == ')') {
                endCommand(script, top, i, commands, test);
                if (stack.size() > 1 && top.parens == 0) {
                    stack.pop();
                    owner[i] = stack.peek().id; // the ) closes a word of the command around it
                } else if (top.parens > 0) {
                    top.parens--;
                }
            } else if (top.wordStart < 0) {
                top.wordStart = i;
            }
        }
        while (!stack.isEmpty()) {
            endCommand(script, stack.pop(), n, commands, test);
        }
    }

    /** {{name}} masked with letters, so its braces never read as ${…}. */
    private static String masked(String script) {
        if (!script.contains("{{")) {
            return script;
        }
        StringBuilder out = new StringBuilder(script);
        Matcher m = PlaceholderRules.VARIABLE.matcher(script);
        while (m.find()) {
            for (int k = m.start(); k < m.end(); k++) {
                out.setCharAt(k, 'x');
            }
        }
        return out.toString();
    }

    private static Builder fresh(List<Command> commands) {
        Builder b = new Builder();
        b.id = commands.size();
        commands.add(null);
        return b;
    }

    private static void endWord(String script, Builder b, int end) {
        if (b.wordStart >= 0) {
            b.words.add(new Word(script.substring(b.wordStart, end), b.wordStart, end));
            b.wordStart = -1;
        }
    }

    private static void endCommand(String script, Builder b, int end, List<Command> commands, boolean[] test) {
        endWord(script, b, end);
        if (b.words.isEmpty()) {
            return;
        }
        Command command = new Command(b.words, b.words.get(0).start(), b.words.get(b.words.size() - 1).end());
        commands.set(b.id, command);
        int open = -1;
        for (Word w : b.words) {
            if (w.text().equals("[[")) {
                open = w.start();
            } else if (w.text().equals("]]") && open >= 0) {
                Arrays.fill(test, open, w.end(), true);
                open = -1;
            }
        }
        b.words.clear();
        b.id = commands.size();
        commands.add(null);
    }

    @Override
    public ShellContexts.Context contextAt(int offset) {
        return contexts.at(offset);
    }

    @Override
    public Command commandAt(int offset) {
        index();
        return offset < 0 || offset >= owner.length || owner[offset] < 0 ? null : commands.get(owner[offset]);
    }

    @Override
    public int[] heredocBody(int offset) {
        ShellContexts.Heredoc h = contexts.heredocAt(offset);
        return h == null ? null : new int[] {h.start(), h.end()};
    }

    @Override
    public Command heredocReader(int offset) {
        int[] body = heredocBody(offset);
        if (body == null || body[0] < 2) {
            return null;
        }
        int lineStart = script.lastIndexOf('\n', body[0] - 2) + 1;
        for (int k = script.lastIndexOf("<<", body[0] - 2); k >= lineStart; k = script.lastIndexOf("<<", k - 1)) {
            if (contexts.at(k) == ShellContexts.Context.BARE) {
                return commandAt(k);
            }
        }
        return null;
    }

    @Override
    public boolean inTest(int offset) {
        index();
        return offset >= 0 && offset < test.length && test[offset];
    }
}
