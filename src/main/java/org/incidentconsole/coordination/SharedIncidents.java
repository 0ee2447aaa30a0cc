package org.incidentconsole.coordination;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.incidentconsole.incident.IncidentEvent;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The shared incidents of each environment (a hash per environment under the coordination prefix), and what a
 * console needs from an incident's stream before it shares: the incident's start record (to join it) and the
 * newest of its own events the stream already holds (to share only what came after, on resume).
 */
public final class SharedIncidents {
    private static final int PAGE = 500;

    private final CoordinationRedis redis;
    private final CoordinationEndpoint endpoint;

    public SharedIncidents(CoordinationRedis redis, CoordinationEndpoint endpoint) {
        this.redis = redis;
        this.endpoint = endpoint;
    }

    String registryKey(String environment) {
        return endpoint.keyPrefix() + "env:" + URLEncoder.encode(environment, StandardCharsets.UTF_8)
                .replace("*", "%2A") + ":incidents";
    }

    /** Lists (or lists again) an incident of its environment as shared. */
    public void register(SharedIncident incident) throws CoordinationUnavailableException {
        redis.with(j -> j.hset(registryKey(incident.environment()), incident.id(), CoordinationJson.write(incident)));
    }

    /** Lists it unless it is listed already (after a coordination Redis that came back empty, say). */
    public void registerIfMissing(SharedIncident incident) throws CoordinationUnavailableException {
        redis.with(j -> j.hsetnx(registryKey(incident.environment()), incident.id(),
                CoordinationJson.write(incident)));
    }

    /** Marks it resolved: other consoles stop offering to join it. */
    public void resolved(String environment, String id) throws CoordinationUnavailableException {
        String json = redis.with(j -> j.hget(registryKey(environment), id));
        SharedIncident known = json == null ? null : CoordinationJson.read(json, SharedIncident.class);
        if (known != null && !known.resolved()) {
            register(new SharedIncident(known.id(), known.environment(), known.title(), known.severity(),
                    known.startedAt(), known.startedBy(), known.console(), true));
        }
    }

    /** The environment's shared incidents not resolved, newest first; entries another version wrote are skipped. */
    public List<SharedIncident> open(String environment) throws CoordinationUnavailableException {
        Map<String, String> all = redis.with(j -> j.hgetAll(registryKey(environment)));
        List<SharedIncident> out = new ArrayList<>();
        for (String json : all.values()) {
            SharedIncident s = CoordinationJson.read(json, SharedIncident.class);
            if (s != null && !s.resolved()) {
                out.add(s);
            }
        }
        out.sort(Comparator.comparing(SharedIncident::startedAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return out;
    }

    /** The incident's start record as its first console shared it, if the stream holds it. */
    public Optional<IncidentEvent.Started> started(String incidentId) throws CoordinationUnavailableException {
        String key = endpoint.eventsKey(incidentId);
        StreamEntryID from = new StreamEntryID(0, 0);
        while (true) {
            StreamEntryID start = from;
            List<StreamEntry> page = redis.with(j -> j.xrange(key, start, (StreamEntryID) null, PAGE));
            for (StreamEntry e : page) {
                SharedEvent event = readable(e);
                if (event != null && event.event() instanceof IncidentEvent.Started s) {
                    return Optional.of(s);
                }
            }
            if (page.size() < PAGE) {
                return Optional.empty();
            }
            StreamEntryID last = page.get(page.size() - 1).getID();
            from = new StreamEntryID(last.getTime(), last.getSequence() + 1);
        }
    }

    /** The highest local sequence of {@code console}'s events the stream holds, 0 when none. */
    public long lastShared(String incidentId, String console) throws CoordinationUnavailableException {
        String key = endpoint.eventsKey(incidentId);
        long best = 0;
        StreamEntryID from = new StreamEntryID(0, 0);
        while (true) {
            StreamEntryID start = from;
            List<StreamEntry> page = redis.with(j -> j.xrange(key, start, (StreamEntryID) null, PAGE));
            for (StreamEntry e : page) {
                if (console.equals(e.getFields().get(StreamEntries.CONSOLE))) {
                    SharedEvent event = readable(e);
                    if (event != null) {
                        best = Math.max(best, event.localSeq());
                    }
                }
            }
            if (page.size() < PAGE) {
                return best;
            }
            StreamEntryID last = page.get(page.size() - 1).getID();
            from = new StreamEntryID(last.getTime(), last.getSequence() + 1);
        }
    }

    private static SharedEvent readable(StreamEntry e) {
        try {
            return StreamEntries.read(CoordinationLink.id(e.getID()), e.getFields());
        } catch (UnreadableEntryException x) {
            return null;
        }
    }
}
