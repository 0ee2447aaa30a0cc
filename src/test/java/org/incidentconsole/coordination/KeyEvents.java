package org.incidentconsole.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.incidentconsole.testing.TestRedis;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/**
 * Redis keyspace notifications of a test's keys (set, expire, expired, del...), so a test waits for the server
 * to expire or renew a key instead of sleeping.
 */
final class KeyEvents implements AutoCloseable {
    private static final String CHANNEL = "__keyspace@0__:";
    private final Jedis subscriber;
    private final List<String[]> seen = new ArrayList<>();
    private final JedisPubSub listener;
    private final CompletableFuture<Void> loop;

    private KeyEvents(TestRedis redis) throws InterruptedException {
        try (Jedis admin = redis.direct()) {
            admin.configSet("notify-keyspace-events", "KA");
        }
        subscriber = redis.direct();
        CountDownLatch subscribed = new CountDownLatch(1);
        listener = new JedisPubSub() {
            @Override
            public void onPSubscribe(String pattern, int count) {
                subscribed.countDown();
            }

            @Override
            public void onPMessage(String pattern, String channel, String event) {
                synchronized (seen) {
                    seen.add(new String[] {channel.substring(CHANNEL.length()), event});
                    seen.notifyAll();
                }
            }
        };
        loop = CompletableFuture.runAsync(() -> subscriber.psubscribe(listener, CHANNEL + "*"));
        assertThat(subscribed.await(30, TimeUnit.SECONDS)).as("subscribed to keyspace events").isTrue();
    }

    static KeyEvents watch(TestRedis redis) throws InterruptedException {
        return new KeyEvents(redis);
    }

    long count(String key, String event) {
        synchronized (seen) {
            return seen.stream().filter(e -> e[0].equals(key) && e[1].equals(event)).count();
        }
    }

    /** Waits until Redis has reported {@code event} on {@code key} at least {@code times} times. */
    void await(String key, String event, long times) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        synchronized (seen) {
            while (count(key, event) < times) {
                long left = deadline - System.nanoTime();
                assertThat(left).as("Redis reported %s on %s %d times within 60 s (saw %d)", event, key, times,
                        count(key, event)).isPositive();
                seen.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
            }
        }
    }

    @Override
    public void close() throws Exception {
        listener.punsubscribe();
        loop.get(30, TimeUnit.SECONDS);
        subscriber.close();
    }
}
