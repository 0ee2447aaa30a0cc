package org.incidentconsole.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** Settings that a host, its group or the file's defaults may give; the most specific wins. */
class SettingsSpec {
    @JsonProperty("user")
    Located<String> user;
    @JsonProperty("port")
    Located<Integer> port;
    @JsonProperty("identity_files")
    List<String> identityFiles;
    @JsonProperty("agent")
    Boolean agent;
    @JsonProperty("tags")
    List<Located<String>> tags;
    @JsonProperty("app_dir")
    Located<String> appDir;
    @JsonProperty("redis")
    Located<RedisSpec> redis;
    @JsonProperty("breakers")
    Located<BreakerSpec> breakers;
    @JsonProperty("health_checks")
    List<Located<HealthCheckEntry>> healthChecks;
    @JsonProperty("jump")
    Located<Object> jump;
    @JsonProperty("proxy_command")
    Located<String> proxyCommand;
    @JsonProperty("ssh_config")
    Boolean sshConfig;
    /** Run this host's commands in a terminal (sudoers with {@code requiretty}). */
    @JsonProperty("tty")
    Boolean tty;
    @JsonProperty("thresholds")
    Map<String, Object> thresholds;
}
