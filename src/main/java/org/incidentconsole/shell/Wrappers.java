package org.incidentconsole.shell;

import java.util.Map;
import java.util.Set;

/**
 * Commands that run another command given in their arguments, as a table: the options of each that take a value,
 * how many positional words come before the wrapped command, the options after which nothing is run, and the word
 * that must come first ({@code --} for {@code kubectl exec}). Extend it by adding a row.
 */
final class Wrappers {
    /**
     * @param valued     options followed by a value ({@code -u root}); attached forms ({@code -uroot},
     *                   {@code --user=root}) are recognised on their own
     * @param positional positional words the wrapper itself takes (timeout's duration, ssh's host)
     * @param inert      options with which nothing is run ({@code command -v rm} prints a path)
     * @param after      the command starts after this word (kubectl exec's {@code --}); null: after the options
     * @param joined     the wrapped words are joined and read again by a shell (ssh, watch)
     */
    record Wrapper(Set<String> valued, int positional, Set<String> inert, String after, boolean joined) {
    }

    private static Wrapper w(String valued, int positional) {
        return new Wrapper(set(valued), positional, Set.of(), null, false);
    }

    private static Set<String> set(String words) {
        return words.isBlank() ? Set.of() : Set.of(words.trim().split("\\s+"));
    }

    static final Map<String, Wrapper> BY_NAME = Map.ofEntries(
            Map.entry("sudo", w("-u -g -h -p -C -D -R -T -U --user --group --host --prompt --chdir --role --type", 0)),
            Map.entry("doas", w("-u -C", 0)),
            Map.entry("env", w("-u --unset -C --chdir -S --split-string", 0)),
            Map.entry("nohup", w("", 0)),
            Map.entry("timeout", w("-s --signal -k --kill-after", 1)),
            Map.entry("xargs", w("-I -n -P -L -d -E -s -a --max-args --max-procs --replace --delimiter --arg-file"
                    + " --max-lines --eof", 0)),
            Map.entry("nice", w("-n --adjustment", 0)),
            Map.entry("ionice", w("-c -n -p --class --classdata", 0)),
            Map.entry("time", w("-f -o --format --output", 0)),
            Map.entry("stdbuf", w("-i -o -e --input --output --error", 0)),
            Map.entry("exec", w("-a", 0)),
            Map.entry("command", new Wrapper(Set.of(), 0, set("-v -V"), null, false)),
            Map.entry("builtin", w("", 0)),
            Map.entry("chroot", w("--userspec --groups", 1)),
            Map.entry("flock", w("-w -E --timeout --conflict-exit-code", 1)),
            Map.entry("unbuffer", w("", 0)),
            Map.entry("caffeinate", w("-t -w", 0)),
            Map.entry("runuser", w("-u -g -G --user --group", 0)),
            Map.entry("watch", new Wrapper(set("-n -d --interval --differences"), 0, Set.of(), null, true)),
            Map.entry("ssh", new Wrapper(set("-b -c -D -E -e -F -I -i -J -L -l -m -O -o -p -Q -R -S -W -w -B"),
                    1, set("-N -V"), null, true)),
            Map.entry("kubectl exec", new Wrapper(set("-c -n --container --namespace --context --kubeconfig -f"
                    + " --filename --pod-running-timeout -l --selector"), 0, Set.of(), "--", false)),
            Map.entry("oc exec", new Wrapper(set("-c -n --container --namespace --context --kubeconfig"),
                    0, Set.of(), "--", false)),
            Map.entry("docker exec", w("-e --env --env-file -u --user -w --workdir --detach-keys", 1)),
            Map.entry("podman exec", w("-e --env --env-file -u --user -w --workdir --detach-keys", 1)),
            Map.entry("docker compose exec", w("-e --env -u --user -w --workdir --index", 1)),
            Map.entry("docker-compose exec", w("-e --env -u --user -w --workdir --index", 1)),
            Map.entry("docker compose run", w("-e --env -u --user -w --workdir --name -p --publish -v --volume"
                    + " --entrypoint -l --label", 1)),
            Map.entry("docker-compose run", w("-e --env -u --user -w --workdir --name -p --publish -v --volume"
                    + " --entrypoint -l --label", 1)));

    /** Shells whose {@code -c} argument, or whose standard input, is a script. */
    static final Set<String> SHELLS = set("sh bash dash zsh ksh ash busybox");

    /** Options of kubectl (and oc) before the subcommand that take a value. */
    static final Set<String> KUBECTL_GLOBAL = set("-n --namespace --context --kubeconfig --cluster --user -s --server"
            + " --token --as --request-timeout");

    /** Options of docker / docker compose before the subcommand that take a value. */
    static final Set<String> DOCKER_GLOBAL = set("-H --host -c --context --config -l --log-level -f --file -p"
            + " --project-name --project-directory --env-file --profile");

    private Wrappers() {
    }
}
