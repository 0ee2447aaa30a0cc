#!/usr/bin/env bash
# Checks what `./mvnw -Ppackage package` built in target/dist/ (CI runs it):
#  - the app image starts: --version, lint on the shipped runbooks, lint of a shell block through tree-sitter's
#    native bash grammar, its class-data archive maps;
#  - its trimmed runtime has every module the console needs: the drill walks the shipped emergency rollback
#    unattended (SSH, host-key check, Redis through the tunnel, the journal, the report) and ends healthy;
#  - the .deb holds the launcher, runbooks, menu entry and class list, depends on GTK, and ships no archive;
#  - with --install (root or sudo): the .deb installs, runs from /opt with its archive, reinstalls over
#    itself (the upgrade path) and removes without leaving files behind or touching the data directory.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dist=$root/target/dist
image=$dist/incident-console
app=$image/lib/app
deb=$(ls "$dist"/incident-console_*.deb 2>/dev/null | head -1)
fail() { echo "check-package: FAILED: $*" >&2; exit 1; }
ok() { echo "check-package: ok: $*"; }

[ -x "$image/bin/incident-console" ] || fail "no app image in $dist: run ./mvnw -Ppackage package"
[ -n "$deb" ] || fail "no .deb in $dist"
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export INCIDENT_CONSOLE_HOME=$home

version=$("$image/bin/incident-console" --version) || fail "--version exited $?"
[[ $version == "incident-console "[0-9]* ]] || fail "--version printed: $version"
ok "app image --version: ${version%%$'\n'*}"

"$image/bin/incident-console" lint "$app"/runbooks/*.md || fail "lint on the shipped runbooks"
ok "lint: $(ls "$app"/runbooks/*.md | wc -l) shipped runbooks clean"

# the shell analysis runs tree-sitter's bash grammar, a native library inside its jars: a runtime or class path
# without it would leave every command unanalysed, so a continued, lower-case flushall must be found by its rule
cat >"$home/shell-block.md" <<'EOF'
# Cache reset
## Flush the cache (1 minute)
```bash
sudo -u redis \
  redis-cli -n 0 flushall
echo "a quoted rm -rf / is only text"
```
EOF
lint_out=$("$image/bin/incident-console" lint "$home/shell-block.md" 2>&1) || true
grep -q 'shell-block.md:4: .*dangerous command (wipes every key of every Redis database)' <<<"$lint_out" \
    || fail "lint did not analyse a shell block (tree-sitter's native library missing from the image?): $lint_out"
[ "$(grep -c 'dangerous command' <<<"$lint_out")" -eq 1 ] || fail "lint flagged quoted text as a command: $lint_out"
ok "lint analyses shell blocks with tree-sitter's bash grammar (its native library loads in the app image)"

"$app/cds-archive.sh" check >/dev/null || fail "the app image's class-data archive cannot be mapped"
ok "class-data archive maps ($(du -h "$app/incident-console.jsa" | cut -f1))"

"$image/bin/incident-console" drill --run "$app/runbooks/emergency-rollback.md" --report "$home/drill.md" \
    >"$home/drill.out" 2>&1 || { cat "$home/drill.out" >&2; fail "the drill did not end healthy in the app image"; }
grep -q '^# Postmortem: ' "$home/drill.md" || fail "the drill wrote no report"
ok "drill walked the shipped emergency rollback and ended healthy"

fields=$(dpkg-deb -f "$deb" Package Version Depends)
grep -q 'libgtk-3-0' <<<"$fields" || fail ".deb does not depend on libgtk-3-0"
contents=$(dpkg-deb -c "$deb")
for f in bin/incident-console lib/app/runbooks/emergency-rollback.md lib/app/incident-console.classlist \
         lib/app/cds-archive.sh lib/incident-console-incident-console.desktop lib/incident-console.png; do
    grep -q "./opt/incident-console/$f\$" <<<"$contents" || fail ".deb lacks /opt/incident-console/$f"
done
! grep -q 'lib/app/incident-console.jsa$' <<<"$contents" || fail ".deb ships a class-data archive (it must be made where installed)"
ok ".deb $(basename "$deb"): contents and dependencies"

[ "${1:-}" = "--install" ] || exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
installed=/opt/incident-console
journal=$(ls "$home"/incidents/*/journal.jsonl)
before=$(sha256sum "$journal")
# the .deb's dependencies (GTK, xdg-utils, …) come from Debian's archive: fresh package lists first
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq || fail "apt-get update (needed for the .deb's dependencies)"
for round in install upgrade; do
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --reinstall "$deb" >"$home/apt.out" 2>&1 \
        || { cat "$home/apt.out" >&2; fail "apt-get $round of the .deb"; }
    "$installed/bin/incident-console" --version >/dev/null || fail "$installed/bin/incident-console --version"
    "$installed/lib/app/cds-archive.sh" check >/dev/null || fail "no usable class-data archive after $round"
    ok "$round: runs from $installed with its class-data archive"
done
"$installed/bin/incident-console" lint "$installed"/lib/app/runbooks/*.md || fail "lint from $installed"
$sudo env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq incident-console >"$home/apt.out" 2>&1 \
    || { cat "$home/apt.out" >&2; fail "apt-get remove"; }
[ ! -e "$installed" ] || fail "files left behind after remove: $(find "$installed" | head -5)"
[ "$(sha256sum "$journal")" = "$before" ] || fail "the incident journal changed across install, upgrade and remove"
ok "remove: nothing left in $installed; the incident journal is as it was"
