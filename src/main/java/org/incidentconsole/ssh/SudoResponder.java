package org.incidentconsole.ssh;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;

/**
 * Answers sudo's password prompt for one command on a host where sudo wants one ({@code sudo -n true} says
 * so, asked once per host and user): {@code sudo} in command position is rewritten to
 * {@code sudo -S -p '<sentinel>'} (a random sentinel per command), so sudo reads the password from the channel's
 * input and announces that it wants one with a prompt nobody else prints. The password is asked once per host and
 * user ({@link SudoPasswords}), written to the input, and masked in every line of output, including a script that
 * echoes it. A refused password is said plainly and asked again; a cancelled ask stops the command.
 */
public final class SudoResponder {
    static final String MASK = "[REDACTED:sudo-password]";

    /** Where a word is a command: start of line, after an operator, a subshell or a shell keyword. */
    private static final Pattern SUDO_AS_COMMAND = Pattern.compile(
            "(?m)(^|[;&|(`{!]|\\$\\(|\\b(?:then|do|else|elif|if|while|until|time|exec|xargs|nohup|env)\\s)([ \\t]*)sudo(?=[ \\t])");

    /** Prompts besides the sentinel: sudo's own, for sudoers that override -p (passprompt_override). */
    private static final List<Pattern> OTHER_PROMPTS = List.of(
            Pattern.compile("\\[sudo\\] password for [^:\\n]{1,64}: ?"));

    /** sudo's words for a refused password (asked again), and for giving up after its last attempt. */
    private static final List<Pattern> REFUSED = List.of(Pattern.compile("^Sorry, try again\\.?\\s*$"));
    private static final List<Pattern> GAVE_UP = List.of(Pattern.compile("incorrect password attempts?\\s*$"));

    /** What {@code sudo -n true} says when sudo would ask for a password. */
    private static final List<String> NEEDS_PASSWORD = List.of("a password is required",
            "a terminal is required to read the password", "no askpass program specified",
            "must have a tty"); // requiretty: run with -S (and a terminal if the host has tty: true)
    private static final String PROBE = "sudo -n true";
    private static final long PROBE_LIMIT_MS = 10_000;

    private final SudoPasswords passwords;
    private final String host;
    private final String user;
    private final String sentinel;
    private final List<char[]> sent = new ArrayList<>();
    private volatile boolean refusedLast;
    private volatile boolean gaveUp;
    private volatile boolean cancelled;

    SudoResponder(SudoPasswords passwords, String host, String user) {
        this.passwords = passwords;
        this.host = host;
        this.user = user;
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        this.sentinel = "[incident-console sudo " + HexFormat.of().formatHex(random) + "]";
    }

    /** The command with each {@code sudo} in command position told to read its password from the input. */
    String rewrite(String command) {
        Matcher m = SUDO_AS_COMMAND.matcher(command);
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + r.group(2) + "sudo -S -p '" + sentinel + "'"));
    }

    /**
     * Whether sudo asks this host's user for a password: {@code sudo -n true} is run once per host and user while
     * connected. NOPASSWD hosts (and stand-ins for sudo) are left alone: no rewrite, no input.
     */
    boolean passwordNeeded(SSHClient client) {
        Boolean known = passwords.needed(host, user);
        if (known != null) {
            return known;
        }
        boolean needed;
        try (Session session = client.startSession()) {
            Session.Command probe = session.exec(PROBE);
            probe.getOutputStream().close();
            probe.join(PROBE_LIMIT_MS, TimeUnit.MILLISECONDS);
            Integer exit = probe.getExitStatus();
            String said = new String(probe.getErrorStream().readNBytes(probe.getErrorStream().available()),
                    StandardCharsets.UTF_8);
            needed = (exit == null || exit != 0) && NEEDS_PASSWORD.stream().anyMatch(said::contains);
            if (exit == null) {
                return true; // no answer in time: answer prompts if they come, and ask again next time
            }
        } catch (IOException e) {
            return true;
        }
        passwords.needed(host, user, needed);
        return needed;
    }

    /** Whether the command runs sudo at all (only then does its input stay open). */
    static boolean usesSudo(String command) {
        return SUDO_AS_COMMAND.matcher(command).find();
    }

    /** The first prompt in text read so far (an unfinished line included): {start, end}, or null for none. */
    int[] findPrompt(String text) {
        int[] first = null;
        int at = text.indexOf(sentinel);
        if (at >= 0) {
            first = new int[] {at, at + sentinel.length()};
        }
        for (Pattern p : OTHER_PROMPTS) {
            Matcher m = p.matcher(text);
            if (m.find() && (first == null || m.start() < first[0])) {
                first = new int[] {m.start(), m.end()};
            }
        }
        return first;
    }

    /** Reads a complete output line for sudo's verdicts; returns it masked. */
    String line(String line) {
        String masked = mask(line);
        if (REFUSED.stream().anyMatch(p -> p.matcher(masked).find())) {
            refusedLast = true;
            passwords.refused(host, user);
        }
        if (GAVE_UP.stream().anyMatch(p -> p.matcher(masked).find())) {
            gaveUp = true;
            passwords.refused(host, user);
        }
        return masked;
    }

    /**
     * The bytes to write for one prompt (the password and a newline), or null when the operator cancelled. The
     * caller writes them and then wipes the array.
     */
    byte[] answer() {
        String problem = refusedLast ? "sudo refused the password for " + user + " on " + host : null;
        refusedLast = false;
        char[] password = passwords.password(host, user, problem);
        if (password == null) {
            cancelled = true;
            return null;
        }
        synchronized (sent) {
            sent.add(password.clone());
        }
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining() + 1];
        encoded.get(bytes, 0, bytes.length - 1);
        bytes[bytes.length - 1] = '\n';
        Arrays.fill(encoded.array(), (byte) 0);
        SudoPasswords.wipe(password);
        return bytes;
    }

    /** Every password given for this host and user replaced by a mark, without making a String of it. */
    String mask(String text) {
        String out = text;
        List<char[]> secrets;
        synchronized (sent) {
            secrets = new ArrayList<>(sent);
        }
        char[] held = passwords.held(host, user);
        if (held != null) {
            secrets.add(held);
        }
        for (char[] secret : secrets) {
            out = maskOne(out, secret);
        }
        return out;
    }

    private static String maskOne(String text, char[] secret) {
        if (secret.length == 0 || secret[0] == '\0') {
            return text;
        }
        StringBuilder out = null;
        int from = 0;
        for (int i = 0; i + secret.length <= text.length(); i++) {
            if (matchesAt(text, i, secret)) {
                out = out == null ? new StringBuilder(text.length()) : out;
                out.append(text, from, i).append(MASK);
                i += secret.length - 1;
                from = i + 1;
            }
        }
        return out == null ? text : out.append(text, from, text.length()).toString();
    }

    private static boolean matchesAt(String text, int at, char[] secret) {
        for (int j = 0; j < secret.length; j++) {
            if (text.charAt(at + j) != secret[j]) {
                return false;
            }
        }
        return true;
    }

    /** Why the command failed, when sudo is the reason; null otherwise. */
    String failure() {
        if (cancelled) {
            return "sudo needs the password of " + user + " on " + host + " and none was given";
        }
        if (gaveUp) {
            return "sudo refused the password for " + user + " on " + host;
        }
        return null;
    }

    /** Wipes what this command sent; called when it ends. */
    void close() {
        synchronized (sent) {
            sent.forEach(SudoPasswords::wipe);
            sent.clear();
        }
    }
}
