package org.incidentconsole.shell;

/**
 * What a dangerous command does, which decides how it runs: {@code hostByHost} kinds stop or move what serves users,
 * so a step with one runs on one host at a time by default. The run mode follows the kind (from the danger table's
 * KIND column), never the wording of a reason: an author's {@code # danger: restarts …} marks AUTHOR_MARKED.
 */
public enum DangerKind {
    /** deletes or overwrites data: files, keys, rows, a database restored over */
    DATA_LOSS(false),
    /** deletes many things at once: recursive rm, KEYS + DEL, DELETE without WHERE, prune */
    MASS_DELETE(false),
    /** restarts, reloads, stops, kills, reboots, cordons or drains what serves users */
    SERVICE_DISRUPTION(true),
    /** moves the primary role: database or Redis failover, promotion, switchover */
    FAILOVER(true),
    /** rewrites version-control history or discards local work: reset --hard, force push */
    HISTORY_REWRITE(false),
    /** rolls a database schema back: migration rollbacks and downgrades */
    SCHEMA_ROLLBACK(false),
    /** rolls a deployment back: helm / argocd / kubectl rollout undo, deploy tools' rollback */
    DEPLOY_ROLLBACK(false),
    /** destroys infrastructure: terraform destroy, cloud delete / terminate, kubectl delete */
    INFRA_DESTROY(false),
    /** changes permissions or ownership broadly */
    PERMISSION_CHANGE(false),
    /** changes a running server's configuration */
    CONFIG_CHANGE(false),
    /** no rule matched: the runbook's author marked it dangerous */
    AUTHOR_MARKED(false),
    /** the command could not be analysed, so it is treated as dangerous */
    UNANALYSED(false);

    private final boolean hostByHost;

    DangerKind(boolean hostByHost) {
        this.hostByHost = hostByHost;
    }

    /** Whether such a command stops what serves users, so a step with it runs host by host by default. */
    public boolean stopsService() {
        return hostByHost;
    }
}
