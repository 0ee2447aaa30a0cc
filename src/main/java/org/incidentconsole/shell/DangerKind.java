package org.incidentconsole.shell;

/** What a dangerous command does, which decides how it runs (host by host or all at once). */
public enum DangerKind {
    /** deletes or overwrites data: files, keys, rows, a database restored over */
    DATA_LOSS,
    /** deletes many things at once: recursive rm, KEYS + DEL, DELETE without WHERE, prune */
    MASS_DELETE,
    /** restarts, reloads, stops, kills, reboots, cordons or drains what serves users */
    SERVICE_DISRUPTION,
    /** moves the primary role: database or Redis failover, promotion, switchover */
    FAILOVER,
    /** rewrites version-control history or discards local work: reset --hard, force push */
    HISTORY_REWRITE,
    /** rolls a database schema back: migration rollbacks and downgrades */
    SCHEMA_ROLLBACK,
    /** rolls a deployment back: helm / argocd / kubectl rollout undo, deploy tools' rollback */
    DEPLOY_ROLLBACK,
    /** destroys infrastructure: terraform destroy, cloud delete / terminate, kubectl delete */
    INFRA_DESTROY,
    /** changes permissions or ownership broadly */
    PERMISSION_CHANGE,
    /** changes a running server's configuration */
    CONFIG_CHANGE,
    /** no rule matched: the runbook's author marked it dangerous */
    AUTHOR_MARKED,
    /** the command could not be analysed, so it is treated as dangerous */
    UNANALYSED;

    /** Whether such a command stops what serves users, so a step with it runs host by host by default. */
    public boolean stopsService() {
        return this == SERVICE_DISRUPTION || this == FAILOVER;
    }
}
