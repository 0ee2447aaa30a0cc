package org.incidentconsole.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.incidentconsole.inventory.HostRoute;

/**
 * A host's path as the settings the operator knows from ssh_config, each with its value and origin. One row per
 * setting: its name, the key {@link HostPaths} records its origin under, its value (null when not set), and what
 * applies when nothing sets it.
 */
final class PathSettings {
    private record Row(String name, String originKey, BiFunction<HostPath, SshSettings, String> value,
                       Function<SshSettings, String> unset) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("HostName", "address", (p, s) -> p.target().address(), s -> null),
            new Row("User", HostRoute.USER, (p, s) -> p.target().user(), s -> null),
            new Row("Port", HostRoute.PORT, (p, s) -> String.valueOf(p.target().port()), s -> "22"),
            new Row("IdentityFile", HostRoute.IDENTITY_FILES, (p, s) -> paths(p.target().identityFiles()),
                    s -> "~/.ssh/id_ed25519, id_ecdsa, id_rsa"),
            new Row("CertificateFile", "certificatefile", (p, s) -> paths(p.target().certificateFiles()),
                    s -> "<key>-cert.pub beside each key"),
            new Row("ProxyJump", HostRoute.JUMP, (p, s) -> p.jumps().isEmpty() ? null
                    : p.jumps().stream().map(Hop::name).collect(Collectors.joining(" → ")), s -> "none (direct)"),
            new Row("ProxyCommand", HostRoute.PROXY_COMMAND, (p, s) -> p.proxyCommand(), s -> "none"),
            new Row("UserKnownHostsFile", "userknownhostsfile", (p, s) -> p.target().knownHosts() == null ? null
                    : p.target().knownHosts().toString(), s -> "~/.ssh/known_hosts and the console's known_hosts"),
            new Row("ConnectTimeout", "connecttimeout", (p, s) -> seconds(p.target().connectTimeout()),
                    s -> seconds(s.connectTimeout())),
            new Row("ServerAliveInterval", "serveraliveinterval", (p, s) -> seconds(p.target().keepAlive()),
                    s -> seconds(s.keepAliveInterval())));

    private PathSettings() {
    }

    static List<SettingLine> of(HostPath path, SshSettings defaults) {
        return ROWS.stream().map(row -> line(row, path, defaults)).toList();
    }

    private static SettingLine line(Row row, HostPath path, SshSettings defaults) {
        String value = row.value.apply(path, defaults);
        SettingOrigin origin = path.origins().get(row.originKey);
        if (value == null) {
            return new SettingLine(row.name, row.unset.apply(defaults), origin != null
                    && origin.source() == SettingOrigin.Source.DEFAULT ? origin : SettingOrigin.byDefault("not set"));
        }
        return new SettingLine(row.name, value, origin != null ? origin : SettingOrigin.byDefault("not recorded"));
    }

    private static String paths(List<Path> files) {
        return files.isEmpty() ? null : files.stream().map(Path::toString).collect(Collectors.joining(", "));
    }

    private static String seconds(Duration d) {
        return d == null ? null : d.toSeconds() + " s";
    }
}
