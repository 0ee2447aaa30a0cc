package org.incidentconsole.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The redis block as written: address as seen from the SSH host, db, password env var name. */
final class RedisSpec {
    @JsonProperty("address")
    Located<String> address;
    @JsonProperty("db")
    Integer db;
    @JsonProperty("password_env")
    Located<String> passwordEnv;
    @JsonProperty("shared")
    Boolean shared;
}
