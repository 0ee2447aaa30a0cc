package org.incidentconsole.runbook;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The quoting context of every character of a POSIX/bash script, in one linear pass: bare, inside "…", inside
 * '…', inside {@code ${…}} (where bash and sh read quotes differently), inside {@code $((…))} (where bash
 * runs {@code $(…)} found in an array subscript even when quoted), in a comment, in a here-document body,
 * or somewhere a value cannot be inserted safely (backticks, {@code $'…'}). Tracks backslashes, {@code $(…)} and {@code ${…}} nesting (a {@code $(…)} inside "…" is bare
 * again) and here-documents ({@code <<EOF}, {@code <<-EOF}, quoted delimiters keep their body literal).
 * A line of an unquoted here-document that runs a command ({@code $(…)}, backticks, {@code ${…}}) is UNSUPPORTED,
 * and so is everything after a construct bash and dash read differently ({@code $'…'}, a quote inside
 * {@code $((…))}, a here-document that never ends): no value is inserted where the reading is uncertain.
 * Placeholders must be masked with plain letters before the scan, so their braces and angle brackets do not count.
 */
public final class ShellContexts {
    public enum Context {
        BARE, DOUBLE_QUOTED, PARAMETER, ARITHMETIC, SINGLE_QUOTED, COMMENT, HEREDOC, HEREDOC_LITERAL, UNSUPPORTED
    }

    /** A here-document body: chars [start, end) and the line that ends it. */
    public record Heredoc(int start, int end, String delimiter, boolean stripTabs) {
    }

    private enum Frame { TOP, SUBST, ARITH, PARAM_BARE, PARAM_DOUBLE, DOUBLE, BACKTICK }

    private record Pending(String delimiter, boolean literal, boolean stripTabs) {
    }

    private final Context[] contexts;
    private final List<Heredoc> heredocs;

    private ShellContexts(Context[] contexts, List<Heredoc> heredocs) {
        this.contexts = contexts;
        this.heredocs = List.copyOf(heredocs);
    }

    /** The context of the character at index; UNSUPPORTED for one the scan stepped over (never a value's place). */
    public Context at(int index) {
        Context c = contexts[index];
        return c == null ? Context.UNSUPPORTED : c;
    }

    /** The here-document whose body holds this index, or null. */
    public Heredoc heredocAt(int index) {
        for (Heredoc h : heredocs) {
            if (index >= h.start() && index < h.end()) {
                return h;
            }
        }
        return null;
    }

    public static ShellContexts scan(String s) {
        int n = s.length();
        Context[] ctx = new Context[n];
        List<Heredoc> heredocs = new ArrayList<>();
        Deque<Frame> frames = new ArrayDeque<>();
        Deque<int[]> parens = new ArrayDeque<>(); // per $( or (( frame: open parens, open case … esac
        frames.push(Frame.TOP);
        List<Pending> pending = new ArrayList<>();
        int backticks = 0;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            Frame top = frames.peek();
            Context here = backticks > 0 ? Context.UNSUPPORTED : of(top);
            ctx[i] = here;
            boolean bare = top != Frame.DOUBLE && top != Frame.PARAM_DOUBLE;
            if (c == '$' && i + 1 < n && s.charAt(i + 1) == '\'' && bare || top == Frame.ARITH && (c == '\'' || c == '"')) {
                // bash and dash read $'…' and quotes inside $((…)) differently: nothing after this is modelled
                Arrays.fill(ctx, i, n, Context.UNSUPPORTED);
                break;
            } else if (c == '\\') {
                if (i + 1 < n) {
                    ctx[i + 1] = here;
                }
                i += 2;
            } else if (c == '\n' && !pending.isEmpty()) {
                i = heredocBodies(s, i + 1, pending, ctx, heredocs);
                pending.clear();
            } else if (bare && c == '\'') {
                i = fill(s, i + 1, '\'', ctx, backticks > 0 ? Context.UNSUPPORTED : Context.SINGLE_QUOTED);
            } else if (c == '$' && s.startsWith("$((", i) || bare && c == '(' && s.startsWith("((", i)
                    && wordStart(s, i)) {
                int width = c == '$' ? 3 : 2;
                for (int k = i; k < i + width; k++) {
                    ctx[k] = here;
                }
                frames.push(Frame.ARITH); // << is a shift here, not a here-document
                parens.push(new int[] {0, 0});
                i += width;
            } else if (c == '$' && i + 1 < n && s.charAt(i + 1) == '(') {
                ctx[i + 1] = here;
                frames.push(Frame.SUBST);
                parens.push(new int[] {0, 0});
                i += 2;
            } else if (c == '$' && i + 1 < n && s.charAt(i + 1) == '{') {
                ctx[i + 1] = here;
                frames.push(bare ? Frame.PARAM_BARE : Frame.PARAM_DOUBLE);
                i += 2;
            } else if (c == '`') {
                if (top == Frame.BACKTICK) {
                    frames.pop();
                    backticks--;
                } else {
                    frames.push(Frame.BACKTICK);
                    backticks++;
                }
                i++;
            } else if (c == '"' && top == Frame.DOUBLE) {
                frames.pop();
                i++;
            } else if (c == '"' && bare) {
                frames.push(Frame.DOUBLE);
                i++;
            } else if (top == Frame.ARITH && c == ')' && parens.peek()[0] == 0 && s.startsWith("))", i)) {
                ctx[i + 1] = here;
                frames.pop();
                parens.pop();
                i += 2;
            } else if ((top == Frame.SUBST || top == Frame.ARITH) && (c == '(' || c == ')')) {
                int[] open = parens.peek();
                if (c == '(') {
                    open[0]++;
                } else if (open[0] > 0) {
                    open[0]--;
                } else if (open[1] == 0) {
                    frames.pop();
                    parens.pop();
                } // else: the ) ends a case pattern
                i++;
            } else if (top == Frame.SUBST && wordStart(s, i) && (keyword(s, i, "case") || keyword(s, i, "esac"))) {
                parens.peek()[1] += s.startsWith("case", i) ? 1 : -1;
                i += 4;
            } else if ((top == Frame.PARAM_BARE || top == Frame.PARAM_DOUBLE) && c == '}') {
                frames.pop();
                i++;
            } else if (bare && c == '#' && top != Frame.PARAM_BARE && wordStart(s, i)) {
                int eol = s.indexOf('\n', i);
                int end = eol < 0 ? n : eol;
                for (int k = i; k < end; k++) {
                    ctx[k] = Context.COMMENT;
                }
                i = end; // the newline itself is scanned normally (here-documents start there)
            } else if (bare && s.startsWith("<<<", i)) { // a here-string: the word after it is plain shell
                ctx[i + 1] = here;
                ctx[i + 2] = here;
                i += 3;
            } else if (bare && top != Frame.ARITH && c == '<' && s.startsWith("<<", i)) {
                ctx[i + 1] = here;
                i = heredocWord(s, i + 2, pending, ctx, here);
            } else {
                i++;
            }
        }
        return new ShellContexts(ctx, heredocs);
    }

    private static Context of(Frame f) {
        return switch (f) {
            case DOUBLE -> Context.DOUBLE_QUOTED;
            case PARAM_DOUBLE, PARAM_BARE -> Context.PARAMETER;
            case ARITH -> Context.ARITHMETIC;
            case BACKTICK -> Context.UNSUPPORTED;
            default -> Context.BARE;
        };
    }

    private static boolean keyword(String s, int i, String word) {
        int end = i + word.length();
        return s.startsWith(word, i) && (end == s.length() || Character.isWhitespace(s.charAt(end))
                || s.charAt(end) == ';' || s.charAt(end) == ')');
    }

    private static boolean wordStart(String s, int i) {
        if (i == 0) {
            return true;
        }
        char p = s.charAt(i - 1);
        return Character.isWhitespace(p) || p == ';' || p == '&' || p == '|' || p == '(';
    }

    /** Marks [from, index of end] with c and returns the index after end (or the length). */
    private static int fill(String s, int from, char end, Context[] ctx, Context c) {
        int i = from;
        while (i < s.length() && s.charAt(i) != end) {
            ctx[i++] = c;
        }
        if (i < s.length()) {
            ctx[i] = c;
            return i + 1;
        }
        return i;
    }

    private static int heredocWord(String s, int from, List<Pending> pending, Context[] ctx, Context here) {
        int i = from;
        boolean stripTabs = i < s.length() && s.charAt(i) == '-';
        if (stripTabs) {
            i++;
        }
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        StringBuilder word = new StringBuilder();
        boolean literal = false;
        char quote = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                literal = true;
            } else if (c == '\\') {
                literal = true;
            } else if (Character.isWhitespace(c) || c == ';' || c == '&' || c == '|' || c == '<' || c == '>'
                    || c == ')') {
                break;
            } else {
                word.append(c);
            }
            i++;
        }
        for (int k = from; k < i; k++) {
            ctx[k] = here;
        }
        if (word.length() > 0) {
            pending.add(new Pending(word.toString(), literal, stripTabs));
        }
        return Math.max(i, from);
    }

    /** Marks the bodies of the here-documents started on the line before {@code from}; returns where code resumes. */
    private static int heredocBodies(String s, int from, List<Pending> pending, Context[] ctx, List<Heredoc> out) {
        ctx[from - 1] = from - 2 >= 0 && ctx[from - 2] != null ? ctx[from - 2] : Context.BARE;
        int i = from;
        for (Pending p : pending) {
            int start = i;
            while (i < s.length()) {
                int eol = s.indexOf('\n', i);
                int lineEnd = eol < 0 ? s.length() : eol;
                String line = s.substring(i, lineEnd);
                boolean last = (p.stripTabs() ? line.replaceFirst("^\t+", "") : line).equals(p.delimiter());
                // a command run inside an unquoted body is not modelled: nothing may be inserted on its line
                boolean runs = !p.literal() && (line.contains("$(") || line.contains("`") || line.contains("${"));
                Context c = last ? Context.BARE : p.literal() ? Context.HEREDOC_LITERAL
                        : runs ? Context.UNSUPPORTED : Context.HEREDOC;
                for (int k = i; k < lineEnd; k++) {
                    ctx[k] = c;
                }
                if (eol >= 0) {
                    ctx[eol] = c;
                }
                if (last) {
                    out.add(new Heredoc(start, i, p.delimiter(), p.stripTabs()));
                    i = eol < 0 ? s.length() : eol + 1;
                    break;
                }
                i = eol < 0 ? s.length() : eol + 1;
                if (eol < 0) { // never ended: shells end such bodies differently (bash accepts "EOF)" in $(…))
                    Arrays.fill(ctx, start, s.length(), Context.UNSUPPORTED);
                    out.add(new Heredoc(start, s.length(), p.delimiter(), p.stripTabs()));
                }
            }
        }
        return i;
    }
}
