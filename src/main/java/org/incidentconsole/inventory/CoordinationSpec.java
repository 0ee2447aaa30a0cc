package org.incidentconsole.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code coordination:} block as written; {@link CoordinationResolver} checks it. */
final class CoordinationSpec {
    @JsonProperty("redis")
    String redis;
    @JsonProperty("via")
    String via;
    @JsonProperty("db")
    Integer db;
    @JsonProperty("password_env")
    String passwordEnv;
    @JsonProperty("tls")
    Boolean tls;
    @JsonProperty("prefix")
    String prefix;
    @JsonProperty("allow_breaker_redis")
    Boolean allowBreakerRedis;
}
