package org.incidentconsole.coordination;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.incidentconsole.coordination.ApprovalDecision.Verdict;
import org.incidentconsole.redact.Redactor;

/**
 * The second pair of eyes: approval requests for dangerous steps, kept in the coordination Redis so every console
 * of the incident sees them. A request expires on the Redis clock (a key with the request's TTL); decisions are
 * taken atomically, so two approvers or an approval racing the expiry give one outcome.
 */
public final class Approvals {
    private static final LuaScript DECIDE = LuaScript.of("""
            if redis.call('exists', KEYS[1]) == 0 then
              return {'UNKNOWN'}
            end
            if redis.call('hget', KEYS[1], 'state') == 'PENDING' and redis.call('exists', KEYS[2]) == 0 then
              redis.call('hset', KEYS[1], 'state', 'EXPIRED', 'at', ARGV[2])
            end
            if ARGV[3] ~= '' and redis.call('hget', KEYS[1], 'state') == 'PENDING' then
              redis.call('hset', KEYS[1], 'state', ARGV[3], 'by', ARGV[1], 'reason', ARGV[4], 'at', ARGV[2])
              redis.call('del', KEYS[2])
            end
            return {redis.call('hget', KEYS[1], 'state'), redis.call('hget', KEYS[1], 'request'),
                    redis.call('hget', KEYS[1], 'by'), redis.call('hget', KEYS[1], 'reason'),
                    redis.call('hget', KEYS[1], 'at')}
            """);

    private final CoordinationRedis redis;
    private final CoordinationKeys keys;
    private final Presence presence;
    private final Redactor redactor;
    private final Clock clock;

    public Approvals(CoordinationRedis redis, CoordinationKeys keys, Presence presence, Redactor redactor,
                     Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.presence = presence;
        this.redactor = redactor;
        this.clock = clock;
    }

    /**
     * Asks for approval of {@code step} on {@code hosts} ({@code commands} as rendered; redacted before they are
     * shared). REQUESTED_ALONE when nobody else present may approve: the requester is told so.
     */
    public ApprovalDecision request(String console, String step, List<String> hosts, String commands,
                                    String requester, Duration expiresIn) throws CoordinationUnavailableException {
        Instant now = clock.instant();
        ApprovalRequest request = new ApprovalRequest(UUID.randomUUID().toString(), step, hosts,
                redactor.scrub(commands), requester, console, now, now.plus(expiresIn));
        long retention = expiresIn.plus(RunLocks.RETENTION).toMillis();
        redis.with(j -> {
            j.hset(keys.approval(request.id()), Map.of("request", CoordinationJson.write(request),
                    "requester", requester, "state", "PENDING"));
            j.pexpire(keys.approval(request.id()), retention);
            j.psetex(keys.approvalLive(request.id()), expiresIn.toMillis(), requester);
            j.sadd(keys.approvals(), request.id());
            return j.pexpire(keys.approvals(), retention);
        });
        boolean someoneElse = presence.present().stream()
                .anyMatch(e -> e.role().mayApprove() && !e.operator().equalsIgnoreCase(requester.strip()));
        return new ApprovalDecision(request, someoneElse ? Verdict.REQUESTED : Verdict.REQUESTED_ALONE, requester,
                null, now);
    }

    /** {@code approver} approves: refused for the requester, and for anyone not present as operator or commander. */
    public ApprovalDecision approve(String requestId, String approver)
            throws CoordinationUnavailableException, CoordinationRefusedException {
        ApprovalDecision now = status(requestId);
        if (now.verdict() != Verdict.REQUESTED) {
            return now;
        }
        ApprovalRequest request = now.request();
        if (approver.strip().equalsIgnoreCase(request.requester().strip())) {
            return refused(request, Verdict.SELF_APPROVAL_REFUSED, approver);
        }
        boolean present = presence.present().stream()
                .anyMatch(e -> e.operator().equalsIgnoreCase(approver.strip()) && e.role().mayApprove());
        if (!present) {
            return refused(request, Verdict.APPROVER_NOT_PRESENT, approver);
        }
        return decide(requestId, Verdict.APPROVED, approver, "");
    }

    /**
     * {@code by} refuses the step with {@code reason}: another operator present who may approve, or the requester
     * withdrawing the request. Decided once, like an approval.
     */
    public ApprovalDecision refuse(String requestId, String by, String reason)
            throws CoordinationUnavailableException, CoordinationRefusedException {
        ApprovalDecision now = status(requestId);
        if (now.verdict() != Verdict.REQUESTED) {
            return now;
        }
        boolean requester = by.strip().equalsIgnoreCase(now.request().requester().strip());
        boolean present = requester || presence.present().stream()
                .anyMatch(e -> e.operator().equalsIgnoreCase(by.strip()) && e.role().mayApprove());
        if (!present) {
            return refused(now.request(), Verdict.APPROVER_NOT_PRESENT, by);
        }
        String why = reason == null || reason.isBlank() ? "no reason given" : redactor.scrub(reason.strip());
        return decide(requestId, Verdict.REFUSED, by, why);
    }

    /** The incident commander lets the step run without a second operator; {@code reason} is journaled. */
    public ApprovalDecision waive(String requestId, String commander, String reason)
            throws CoordinationUnavailableException, CoordinationRefusedException {
        ApprovalDecision now = status(requestId);
        if (now.verdict() != Verdict.REQUESTED) {
            return now;
        }
        if (reason == null || reason.isBlank()) {
            return refused(now.request(), Verdict.WAIVER_WITHOUT_REASON, commander);
        }
        boolean isCommander = presence.commander().map(c -> c.equalsIgnoreCase(commander.strip())).orElse(false);
        if (!isCommander) {
            return refused(now.request(), Verdict.WAIVER_NOT_COMMANDER, commander);
        }
        return decide(requestId, Verdict.WAIVED, commander, redactor.scrub(reason.strip()));
    }

    /** Where the request stands now (EXPIRED once its time is up and nobody decided). */
    public ApprovalDecision status(String requestId)
            throws CoordinationUnavailableException, CoordinationRefusedException {
        return decide(requestId, null, "", "");
    }

    /** The incident's requests still waiting, oldest first: what another console shows to approve. */
    public List<ApprovalRequest> pending() throws CoordinationUnavailableException {
        List<ApprovalRequest> waiting = new ArrayList<>();
        for (String id : redis.with(j -> j.smembers(keys.approvals()))) {
            try {
                ApprovalDecision d = status(id);
                if (d.verdict() == Verdict.REQUESTED) {
                    waiting.add(d.request());
                }
            } catch (CoordinationRefusedException e) {
                redis.with(j -> j.srem(keys.approvals(), id));
            }
        }
        waiting.sort(Comparator.comparing(ApprovalRequest::requestedAt));
        return waiting;
    }

    private ApprovalDecision decide(String requestId, Verdict verdict, String by, String reason)
            throws CoordinationUnavailableException, CoordinationRefusedException {
        List<?> reply = (List<?>) redis.run(DECIDE, List.of(keys.approval(requestId), keys.approvalLive(requestId)),
                List.of(by, clock.instant().toString(), verdict == null ? "" : verdict.name(), reason));
        String state = (String) reply.get(0);
        ApprovalRequest request = reply.size() > 1 && reply.get(1) != null
                ? CoordinationJson.read((String) reply.get(1), ApprovalRequest.class) : null;
        if ("UNKNOWN".equals(state) || request == null) {
            throw new CoordinationRefusedException("No approval request " + requestId + " in this incident.");
        }
        String decidedBy = (String) at(reply, 2);
        String why = (String) at(reply, 3);
        String when = (String) at(reply, 4);
        Instant at = when == null || when.isEmpty() ? request.requestedAt() : Instant.parse(when);
        return switch (state) {
            case "PENDING" -> new ApprovalDecision(request, Verdict.REQUESTED, request.requester(), null,
                    request.requestedAt());
            case "EXPIRED" -> new ApprovalDecision(request, Verdict.EXPIRED, request.requester(), null, at);
            default -> new ApprovalDecision(request, Verdict.valueOf(state), decidedBy,
                    why == null || why.isEmpty() ? null : why, at);
        };
    }

    private ApprovalDecision refused(ApprovalRequest request, Verdict verdict, String by) {
        return new ApprovalDecision(request, verdict, by, null, clock.instant());
    }

    private static Object at(List<?> reply, int index) {
        return index < reply.size() ? reply.get(index) : null;
    }
}
