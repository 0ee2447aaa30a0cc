package org.incidentconsole.coordination;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Every key one incident uses in the coordination Redis, under {@code prefix}. Names taken from the runbook or the
 * inventory (incident id, step, host, console) are percent-encoded, so no name can reach another key or look like
 * a pattern.
 */
public record CoordinationKeys(String prefix, String incidentId) {
    public CoordinationKeys {
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("coordination keys need a prefix");
        }
        if (incidentId == null || incidentId.isBlank()) {
            throw new IllegalArgumentException("coordination keys need an incident id");
        }
    }

    public static CoordinationKeys of(CoordinationEndpoint endpoint, String incidentId) {
        return new CoordinationKeys(endpoint.keyPrefix(), incidentId);
    }

    /** The incident's own prefix (as the shared timeline's stream key): every key below starts with it. */
    public String incident() {
        return prefix + "incident:" + encode(incidentId) + ":";
    }

    /** The run lock of one step on one host: holds the owner while the step runs. */
    public String lock(String step, String host) {
        return incident() + "lock:" + grantField(step, host);
    }

    /** Hash: one field per lock granted and not released (see {@link #grantField}), value "fence owner". */
    public String grants() {
        return incident() + "grants";
    }

    /** Hash: per grant field, when its lock expires unless renewed (epoch ms, the holder's clock). */
    public String lockExpiries() {
        return incident() + "lock-expiries";
    }

    static String grantField(String step, String host) {
        return encode(step) + ":" + encode(host);
    }

    /** The counter the fencing numbers of the incident's locks come from. */
    public String fence() {
        return incident() + "fence";
    }

    /** One console's presence entry (expires unless refreshed). */
    public String presence(String consoleId) {
        return incident() + "presence:" + encode(consoleId);
    }

    /** Set of the console ids that announced presence (entries may have expired since). */
    public String present() {
        return incident() + "present";
    }

    /** The operator who is incident commander. */
    public String commander() {
        return incident() + "commander";
    }

    /** Hash: one approval request and its decision. */
    public String approval(String requestId) {
        return incident() + "approval:" + encode(requestId);
    }

    /** Exists while the approval request has not expired. */
    public String approvalLive(String requestId) {
        return approval(requestId) + ":live";
    }

    /** Set of the incident's approval request ids. */
    public String approvals() {
        return incident() + "approvals";
    }

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("*", "%2A");
    }
}
