package org.incidentconsole.notify;

import org.incidentconsole.notify.Attempt.Result;

/**
 * One row of a service's answer table: statuses {@code from}..{@code to}, the server's word ({@code word}: the
 * first word of the body Slack answers, or null for any), what the answer comes to, and what it means to the operator.
 */
record ResponseRule(int from, int to, String word, Result result, String meaning) {
    static ResponseRule row(int from, int to, String word, Result result, String meaning) {
        return new ResponseRule(from, to, word, result, meaning);
    }

    static ResponseRule row(int status, String word, Result result, String meaning) {
        return new ResponseRule(status, status, word, result, meaning);
    }

    boolean matches(int status, String serverWords) {
        return status >= from && status <= to && (word == null || word.equals(firstWord(serverWords)));
    }

    /** {@code invalid_token} of {@code invalid_token for /services/…}. */
    static String firstWord(String serverWords) {
        String[] words = serverWords.strip().split("[^A-Za-z0-9_]", 2);
        return words[0];
    }
}
