#!/usr/bin/env bash
# Launch -> first frame of the main window, measured the way an operator meets it: the installed launcher is
# started, and the time runs until the console logs its first frame. Each run is a fresh process with a fresh
# data directory, on the example inventory (no host is contacted). Prints every run and the median.
#
#   packaging/measure-start.sh [-n RUNS] [--cold] [-- COMMAND...]
#
# COMMAND defaults to the app image, target/dist/incident-console/bin/incident-console; any other launch
# command can be compared, e.g. `-- java -jar target/incident-console.jar`. --cold empties the page cache
# before each run (root only): the first start after a reboot. Under Xvfb when there is no X display.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=7
cold=false
while [ $# -gt 0 ]; do
    case "$1" in
        -n) runs=$2; shift 2 ;;
        --cold) cold=true; shift ;;
        --) shift; break ;;
        *) echo "usage: $0 [-n RUNS] [--cold] [-- COMMAND...]" >&2; exit 2 ;;
    esac
done
[ $# -gt 0 ] || set -- "$root/target/dist/incident-console/bin/incident-console"
[ -x "$1" ] || command -v "$1" >/dev/null || { echo "$1 not found: build it with ./mvnw -Ppackage package" >&2; exit 1; }

xvfb_pid=
if [ -z "${DISPLAY:-}" ]; then
    command -v Xvfb >/dev/null || { echo "no X display and no Xvfb: apt-get install xvfb" >&2; exit 1; }
    exec {ready}< <(Xvfb -displayfd 1 -screen 0 1440x900x24 -nolisten tcp 2>/dev/null & echo "pid $!")
    read -r _ xvfb_pid <&"$ready"
    read -r display <&"$ready"          # Xvfb writes the display number once it accepts clients
    export DISPLAY=":$display"
fi
cleanup() { [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null || true; }
trap cleanup EXIT

figures=()
for i in $(seq 1 "$runs"); do
    home=$(mktemp -d)
    if $cold; then sync; echo 3 >/proc/sys/vm/drop_caches; fi
    started=$(date +%s%3N)
    INCIDENT_CONSOLE_HOME=$home "$@" --exit-after-first-frame --inventory "$root/inventory.example.yaml" \
        >"$home/out" 2>&1 || { cat "$home/out" >&2; echo "run $i failed" >&2; exit 1; }
    line=$(grep -h 'First frame' "$home"/logs/incident-console.log) || { echo "run $i: no first frame logged" >&2; exit 1; }
    shown=$(date -d "$(echo "$line" | cut -c1-23 | tr , .)" +%s%3N)
    jvm=$(echo "$line" | grep -o '[0-9]* ms after the JVM started' | cut -d' ' -f1)
    figures+=($((shown - started)))
    echo "run $i: launch -> first frame $((shown - started)) ms (JVM start -> first frame $jvm ms)"
    rm -rf "$home"
done
median=$(printf '%s\n' "${figures[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")
echo "median launch -> first frame: $median ms over $runs runs (min $(printf '%s\n' "${figures[@]}" | sort -n | head -1), max $(printf '%s\n' "${figures[@]}" | sort -n | tail -1))"
