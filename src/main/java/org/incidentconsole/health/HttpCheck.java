package org.incidentconsole.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/** GET a URL as seen from the host, through the SSH connection: status, optional JSON field, response time. */
final class HttpCheck implements HealthCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final URI url;
    private final int expectStatus;
    private final String jsonField;
    private final String jsonValue;
    private final long warnMillis;
    private final Duration timeout;

    HttpCheck(String name, URI url, int expectStatus, String expectJson, long warnMillis, Duration timeout) {
        this.name = name;
        this.url = url;
        this.expectStatus = expectStatus;
        if (expectJson != null && expectJson.contains("=")) {
            this.jsonField = expectJson.substring(0, expectJson.indexOf('=')).strip();
            this.jsonValue = expectJson.substring(expectJson.indexOf('=') + 1).strip();
        } else {
            this.jsonField = null;
            this.jsonValue = null;
        }
        this.warnMillis = warnMillis;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return "http";
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public CheckResult run(HostProbe probe) {
        Instant at = Instant.now();
        long start = System.nanoTime();
        try {
            int port = url.getPort() > 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
            int local = probe.forward(url.getHost(), port);
            TunnelHttp.Response r = TunnelHttp.get(local, url, timeout);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            String value = "HTTP " + r.status() + " in " + r.millis() + " ms";
            if (r.status() != expectStatus) {
                return result(probe, at, HealthStatus.CRITICAL, value, "expected HTTP " + expectStatus, took);
            }
            if (jsonField != null) {
                String actual = field(r.body());
                if (!jsonValue.equals(actual)) {
                    return result(probe, at, HealthStatus.CRITICAL, value + ", " + jsonField + "=" + actual,
                            "expected " + jsonField + "=" + jsonValue, took);
                }
            }
            return result(probe, at, r.millis() > warnMillis ? HealthStatus.WARN : HealthStatus.OK, value,
                    r.millis() > warnMillis ? "slower than " + warnMillis + " ms" : url.toString(), took);
        } catch (SocketTimeoutException e) {
            return CheckResult.unanswered(probe.host(), name, kind(), at, Reachability.TIMEOUT, "no answer within "
                    + timeout.toSeconds() + " s", Duration.ofNanos(System.nanoTime() - start));
        } catch (Exception e) {
            return result(probe, at, HealthStatus.CRITICAL, "no answer", String.valueOf(e.getMessage()),
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private String field(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            for (String part : jsonField.split("\\.")) {
                node = node == null ? null : node.get(part);
            }
            return node == null || node.isNull() ? null : node.asText();
        } catch (Exception e) {
            return "(not JSON)";
        }
    }

    private CheckResult result(HostProbe p, Instant at, HealthStatus s, String value, String detail, Duration took) {
        return new CheckResult(p.host(), name, kind(), at, s, value, detail, took);
    }
}
