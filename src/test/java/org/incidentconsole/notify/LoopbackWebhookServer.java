package org.incidentconsole.notify;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A real HTTP server on loopback (the JDK's) that answers like a webhook service: a script of answers, one per
 * request, the last repeated; or none at all ({@link #silent()}). Records every request with its arrival time.
 */
final class LoopbackWebhookServer implements AutoCloseable {
    record Answer(int status, String body, Map<String, String> headers) {
        static Answer of(int status, String body) {
            return new Answer(status, body, Map.of());
        }

        static Answer of(int status, String body, String header, String value) {
            return new Answer(status, body, Map.of(header, value));
        }
    }

    record Received(String method, String path, String query, Headers headers, String body, long nanos) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final List<Function<Received, Answer>> script = new ArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private boolean silent;
    private int served;

    private LoopbackWebhookServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers in order, the last one to every later request. */
    static LoopbackWebhookServer answering(Answer... answers) throws IOException {
        LoopbackWebhookServer s = new LoopbackWebhookServer();
        for (Answer a : answers) {
            s.script.add(r -> a);
        }
        return s;
    }

    /** Computes each answer from the request (a server that echoes what it was sent). */
    static LoopbackWebhookServer echoing(Function<Received, Answer> answer) throws IOException {
        LoopbackWebhookServer s = new LoopbackWebhookServer();
        s.script.add(answer);
        return s;
    }

    /** Takes each request and never answers it. */
    static LoopbackWebhookServer silent() throws IOException {
        LoopbackWebhookServer s = new LoopbackWebhookServer();
        s.silent = true;
        return s;
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next request, waiting up to 30 s for it; fails if none came. */
    Received next() throws InterruptedException {
        Received r = received.poll(30, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no request reached the server within 30 s");
        }
        return r;
    }

    /** Requests received and not yet taken by {@link #next()}. */
    List<Received> drain() {
        List<Received> out = new ArrayList<>();
        received.drainTo(out);
        return out;
    }

    private void handle(HttpExchange exchange) throws IOException {
        long nanos = System.nanoTime();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Headers headers = new Headers();
        headers.putAll(exchange.getRequestHeaders());
        Received r = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), headers, body, nanos);
        received.add(r);
        if (silent) {
            try {
                closing.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        Answer a;
        synchronized (this) {
            a = script.get(Math.min(served++, script.size() - 1)).apply(r);
        }
        a.headers().forEach(exchange.getResponseHeaders()::add);
        byte[] out = a.body() == null ? new byte[0] : a.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(a.status(), out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            exchange.getResponseBody().write(out);
        }
        exchange.close();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        pool.shutdownNow();
    }
}
