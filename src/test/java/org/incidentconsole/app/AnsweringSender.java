package org.incidentconsole.app;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.incidentconsole.notify.Attempt;
import org.incidentconsole.notify.Outgoing;
import org.incidentconsole.notify.Sender;

/** A channel for tests that answers each try as given (the last answer repeats), keeping what it was sent. */
final class AnsweringSender implements Sender {
    private final String channel;
    private final Deque<Attempt> answers;
    private final CountDownLatch go;
    final List<Outgoing> received = new ArrayList<>();

    AnsweringSender(String channel, Attempt... answers) {
        this(channel, new CountDownLatch(0), answers);
    }

    /** A sender that waits for {@code go} before it answers: a slow service. */
    AnsweringSender(String channel, CountDownLatch go, Attempt... answers) {
        this.channel = channel;
        this.go = go;
        this.answers = new ArrayDeque<>(List.of(answers));
    }

    @Override
    public String channel() {
        return channel;
    }

    @Override
    public synchronized Attempt send(Outgoing message) throws InterruptedException {
        go.await();
        received.add(message);
        return answers.size() > 1 ? answers.poll() : answers.peek();
    }

    @Override
    public String preview(Outgoing message) {
        return message.subject() + "\n" + message.text();
    }
}
