#!/usr/bin/env bash
# The window-manager check: the console under Xvfb WITH a real window manager (openbox), where sizing bugs show
# that headless TestFX never sees. At each screen size it starts the drill, opens F1, the start dialog (with 0, 1
# and 2 unfinished incidents) and the report preview (Ctrl+E), and asserts with xwininfo/xprop:
#   - the main window opens maximized (first launch) and never below its minimum;
#   - every dialog is at least as big as its content asks (the app's layout report gives the preferred size)
#     and fits on the screen;
#   - no dialog changes the main window's size or maximized state;
#   - the start dialog's incident list ends above its buttons;
#   - the layout is remembered: after closing, the next launch opens maximized again;
#   - with a non-drill inventory the main window is not tiny either.
# Screenshots of every step go to target/wm-check/ (CI artifacts). Look at them.
#
#   packaging/wm-check.sh [WIDTHxHEIGHT...]      (default: 1280x800 1920x1080)
#
# Needs: Xvfb, openbox, xdotool, xwininfo + xprop (x11-utils), import (imagemagick), the compiled classes
# (target/classes; it runs ./mvnw -q compile when missing).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/target/wm-check"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1280x800 1920x1080)
for tool in Xvfb openbox xdotool xwininfo xprop import java; do
    command -v "$tool" >/dev/null || { echo "wm-check: $tool is missing (apt-get install xvfb openbox xdotool x11-utils imagemagick)" >&2; exit 2; }
done
rm -rf "$out"; mkdir -p "$out"
cd "$root"
[ -d target/classes/org ] || ./mvnw -B -q compile
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile="$out/classpath.txt" -Dmdep.includeScope=runtime >/dev/null
classpath="$root/target/classes:$(cat "$out/classpath.txt")"

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok:   $*"; }

xpid=; wpid=; apid=
stop_app() {
    if [ -n "$apid" ]; then kill "$apid" 2>/dev/null || true; wait "$apid" 2>/dev/null || true; apid=; fi
}
stop_x() {
    stop_app
    [ -z "$wpid" ] || kill "$wpid" 2>/dev/null || true
    [ -z "$xpid" ] || kill "$xpid" 2>/dev/null || true
    wait 2>/dev/null || true
    xpid=; wpid=
}
trap stop_x EXIT

start_x() { # SIZE: Xvfb and openbox, both answering (three tries: a loaded machine can lose the first)
    local ready display try
    for try in 1 2 3; do
        # Xvfb picks a free display and writes its number once it accepts clients
        exec {ready}< <(Xvfb -displayfd 1 -screen 0 "${1}x24" -nolisten tcp 2>>"$out/xvfb-$1.txt" & echo "pid $!")
        read -r _ xpid <&"$ready"
        if read -r -t 120 display <&"$ready" && DISPLAY=":$display" xwininfo -root >/dev/null 2>&1; then
            export DISPLAY=":$display"
            openbox --sm-disable >"$out/openbox-$1.txt" 2>&1 & wpid=$!
            for _ in $(seq 150); do
                if xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q 'window id' \
                        && xprop -root _NET_SUPPORTED 2>/dev/null | grep -q _NET_ACTIVE_WINDOW; then
                    return 0
                fi
                sleep 0.2
            done
        fi
        echo "wm-check: Xvfb or openbox did not start (try $try; see $out/xvfb-$1.txt, $out/openbox-$1.txt)" >&2
        stop_x
    done
    exit 2
}

launch() { # NAME HOME [ARGS...]
    local name=$1 home=$2; shift 2
    report="$out/$name.layout.tsv"
    : >"$report"
    INCIDENT_CONSOLE_HOME="$home" java -Dprism.order=sw -Dincident-console.layout-report="$report" \
        -cp "$classpath" org.incidentconsole.app.Main "$@" >"$out/$name.console.txt" 2>&1 & apid=$!
}

# The last line the app wrote for the window titled $1: window TITLE x y w h prefW prefH maximized
window_line() { { grep -P "^window\t$1\t" "$report" || true; } | tail -1; }
node_line() { { grep -P "^node\t$1\t$2\t" "$report" || true; } | tail -1; }

wait_window() { # TITLE SECONDS: the X window id, once both X and the app's report know it
    local id
    for _ in $(seq $(( $2 * 4 ))); do
        id=$(xdotool search --onlyvisible --name "^$1\$" 2>/dev/null | tail -1 || true)
        if [ -n "$id" ] && [ -n "$(window_line "$1")" ]; then echo "$id"; return 0; fi
        sleep 0.25
    done
    return 1
}

wait_gone() { # TITLE
    for _ in $(seq 40); do
        xdotool search --onlyvisible --name "^$1\$" >/dev/null 2>&1 || return 0
        sleep 0.25
    done
    return 1
}

size_of() { xwininfo -id "$1" | awk '/Width:/ {w=$2} /Height:/ {h=$2} END {print w "x" h}'; }
place_of() { xwininfo -id "$1" | awk '/Absolute upper-left X:/ {x=$4} /Absolute upper-left Y:/ {y=$4} END {print x "," y}'; }
maximized() { xprop -id "$1" _NET_WM_STATE | grep -q '_NET_WM_STATE_MAXIMIZED_VERT' && echo true || echo false; }
shot() { sleep 0.6; import -window root "$out/$1.png"; }

check_dialog() { # TITLE LABEL SCREEN_W SCREEN_H: the X window is at least what its content asks, and on screen
    local title=$1 label=$2 sw=$3 sh=$4 id line got
    if ! id=$(wait_window "$title" 20); then fail "$label: no window titled '$title'"; return 1; fi
    sleep 1   # the report settles 400 ms after the last resize
    line=$(window_line "$title")
    got=$(size_of "$id")
    local w=${got%x*} h=${got#*x}
    local pw ph
    pw=$(cut -f7 <<<"$line"); ph=$(cut -f8 <<<"$line")
    if [ "$w" -ge $((pw - 2)) ] && [ "$h" -ge $((ph - 2)) ] && [ "$w" -le "$sw" ] && [ "$h" -le "$sh" ]; then
        pass "$label: ${w}x${h}, its content asks ${pw}x${ph}"
    else
        fail "$label: ${w}x${h}, but its content asks ${pw}x${ph} (screen ${sw}x${sh})"
    fi
    shot "$label"
    dialog_id=$id
}

check_main_unchanged() { # LABEL: what the operator sees, size and place, is what it was
    local now where max
    sleep 1.5   # the window is maximized again a moment after a modal dialog has gone
    now=$(size_of "$main_id"); where=$(place_of "$main_id"); max=$(maximized "$main_id")
    if [ "$now" = "$main_size" ] && [ "$where" = "$main_place" ]; then
        pass "$1: main window still $now at $where (maximized flag $max)"
    else
        fail "$1: main window was $main_size at $main_place, now $now at $where (maximized flag $max)"
    fi
}

check_list_above_buttons() { # LABEL ROWS: the start dialog's list shows its rows and ends above the buttons
    local l b ly lh by rows
    l=$(node_line Incident unfinished-incidents)
    if [ "$2" -eq 0 ]; then
        [ -z "$l" ] && pass "$1: no resume list without unfinished incidents" || fail "$1: a resume list with nothing in it"
        return
    fi
    [ -n "$l" ] || { fail "$1: no resume list"; return; }
    b=$(node_line Incident "text:Start incident")
    ly=$(cut -f5 <<<"$l"); lh=$(cut -f7 <<<"$l"); rows=$(cut -f8 <<<"$l"); by=$(cut -f5 <<<"$b")
    if [ $((ly + lh)) -le "$by" ] && [ "$lh" -ge $(( (rows < 6 ? rows : 6) * 24 )) ]; then
        pass "$1: $rows unfinished, list ${lh} px tall ends at $((ly + lh)), buttons start at $by"
    else
        fail "$1: $rows unfinished, list ${lh} px tall ends at $((ly + lh)), buttons start at $by"
    fi
}

click_node() { # TITLE ID
    local l x y w h
    l=$(node_line "$1" "$2")
    [ -n "$l" ] || { fail "no button $2 in '$1'"; return 1; }
    x=$(cut -f4 <<<"$l"); y=$(cut -f5 <<<"$l"); w=$(cut -f6 <<<"$l"); h=$(cut -f7 <<<"$l")
    xdotool mousemove $((x + w / 2)) $((y + h / 2)) click 1
}

start_incident() { # LABEL ROWS TITLE SW SH: open the start dialog, check it, start one more incident
    xdotool windowactivate --sync "$main_id" >/dev/null 2>&1 || true
    click_node "Incident Console" start-incident || return
    check_dialog Incident "$1" "$4" "$5" || return
    check_list_above_buttons "$1" "$2"
    click_node Incident "text:Start incident" || return
    wait_gone Incident || fail "$1: the start dialog did not close"
    sleep 1
    check_main_unchanged "$1 closed"
}

open_main() { # NAME HOME SW SH WHAT: launch, wait for the main window, check it is maximized and big enough
    local name=$1 sw=$3 sh=$4
    launch "$name" "$2"
    if ! main_id=$(wait_window "Incident Console" 180); then
        fail "$name: the main window never appeared (see $out/$name.console.txt)"; return 1
    fi
    sleep 4
    main_size=$(size_of "$main_id"); main_place=$(place_of "$main_id"); main_max=$(maximized "$main_id")
    local mw=${main_size%x*} mh=${main_size#*x}
    if [ "$main_max" = true ] && [ "$mw" -ge $(( sw < 960 ? sw - 20 : 960 )) ] && [ "$mh" -ge $(( sh < 600 ? sh - 60 : 600 )) ]; then
        pass "$name main window: $main_size, maximized ($5)"
    else
        fail "$name main window: $main_size, maximized $main_max ($5: expected maximized, at least 960x600)"
    fi
}

close_main() { # SIZE HOME: closing saves the layout
    xdotool windowactivate --sync "$main_id" key alt+F4 >/dev/null 2>&1 || true
    for _ in $(seq 40); do kill -0 "$apid" 2>/dev/null || break; sleep 0.25; done
    stop_app
    if grep -q '^maximized=true' "$2/window.properties" 2>/dev/null; then
        pass "$1: the layout was saved ($(grep -v '^#' "$2/window.properties" | tr '\n' ' '))"
    else
        fail "$1: no remembered maximized layout in $2/window.properties"
    fi
}

run_size() { # SIZE
    local size=$1 sw=${1%x*} sh=${1#*x}
    start_x "$size"
    echo "== $size, openbox"

    # the drill, first launch
    local home="$out/home-$size"
    open_main "drill-$size" "$home" "$sw" "$sh" "first launch" || { stop_x; return; }
    shot "$size-1-main"

    xdotool windowactivate --sync "$main_id" key F1 || true
    check_dialog "Keyboard shortcuts" "$size-2-shortcuts" "$sw" "$sh" && {
        xdotool key Escape; wait_gone "Keyboard shortcuts" || fail "$size: F1 did not close on Esc"; }
    check_main_unchanged "$size after F1"

    start_incident "$size-3-start-none" 0 "wm-check first incident" "$sw" "$sh" || true

    xdotool windowactivate --sync "$main_id" key ctrl+e || true
    check_dialog "Incident report" "$size-4-report" "$sw" "$sh" && {
        xdotool key Escape; wait_gone "Incident report" || fail "$size: the report preview did not close on Esc"; }
    check_main_unchanged "$size after the report preview"
    close_main "$size" "$home"

    # relaunched on the same data: the layout as it was left, and the unfinished incidents to resume
    open_main "drill-$size-again" "$home" "$sw" "$sh" "relaunch" || { stop_x; return; }
    start_incident "$size-5-start-one" 1 "wm-check second incident" "$sw" "$sh" || true
    close_main "$size" "$home"
    open_main "drill-$size-third" "$home" "$sw" "$sh" "second relaunch" || { stop_x; return; }
    xdotool windowactivate --sync "$main_id" >/dev/null 2>&1 || true
    if click_node "Incident Console" start-incident && check_dialog Incident "$size-6-start-two" "$sw" "$sh"; then
        check_list_above_buttons "$size-6-start-two" 2
        xdotool key Escape; wait_gone Incident || fail "$size: the start dialog did not close on Esc"
    fi
    close_main "$size" "$home"

    # a non-drill inventory (nothing contacted): the main window is never tiny
    launch "inventory-$size" "$out/home-inventory-$size" --inventory "$root/inventory.example.yaml"
    if main_id=$(wait_window "Incident Console" 120); then
        sleep 3
        main_size=$(size_of "$main_id"); main_place=$(place_of "$main_id"); main_max=$(maximized "$main_id")
        mw=${main_size%x*}; mh=${main_size#*x}
        if [ "$mw" -ge $(( sw < 960 ? sw - 20 : 960 )) ] && [ "$mh" -ge $(( sh < 600 ? sh - 60 : 600 )) ]; then
            pass "$size inventory window: $main_size, maximized $main_max"
        else
            fail "$size inventory window: $main_size, maximized $main_max (expected at least 960x600)"
        fi
        shot "$size-7-inventory-main"
        xdotool windowactivate --sync "$main_id" key F1 || true
        check_dialog "Keyboard shortcuts" "$size-8-inventory-shortcuts" "$sw" "$sh" && xdotool key Escape
        wait_gone "Keyboard shortcuts" || true
        check_main_unchanged "$size inventory window after F1"
    else
        fail "$size: the inventory's main window never appeared"
    fi
    stop_x
}

for size in "${sizes[@]}"; do
    run_size "$size"
done
echo "screenshots and layout reports: $out"
if [ "$failures" -gt 0 ]; then
    echo "wm-check: $failures failure(s)"
    exit 1
fi
echo "wm-check: all passed"
