#!/usr/bin/env bash
# Builds the installable console into target/dist/: the app image (incident-console/) and the .deb.
# Run through `./mvnw -Ppackage package` (which builds target/incident-console.jar and target/lib/ first).
#
#  1. a trimmed Java runtime (jlink): the JDK modules the jars use, plus JavaFX, whose native libraries go to
#     the runtime's lib/ (nothing is unpacked into the operator's home at start);
#  2. the app image (jpackage): launcher, jars, shipped runbooks, the example inventory;
#  3. a training start under X (Xvfb when there is no display) records the classes loaded up to the first
#     frame (incident-console.classlist, shipped);
#  4. the .deb (jpackage), whose postinst makes the class-data archive where it is installed;
#  5. the class-data archive for the app image in place (app/cds-archive.sh).
#
# Needs: a JDK 17+ with jmods (jlink, jpackage, jdeps), fakeroot and dpkg-deb for the .deb, and Xvfb
# (apt-get install xvfb) when no X display is at hand.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
target=$root/target
dist=$target/dist
work=$target/packaging
name=incident-console
jdk=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}

die() { echo "packaging: $*" >&2; exit 1; }
step() { echo "packaging: $*"; }

[ -f "$target/$name.jar" ] && [ -d "$target/lib" ] || die "no $target/$name.jar: run ./mvnw -Ppackage package"
for tool in jlink jpackage jdeps; do
    [ -x "$jdk/bin/$tool" ] || die "$jdk/bin/$tool is missing: a full JDK 17+ is needed (JAVA_HOME=$jdk)"
done
[ -d "$jdk/jmods" ] || die "$jdk/jmods is missing: install the JDK's jmods (Debian: apt-get install openjdk-17-jmods)"
command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null \
    || die "dpkg-deb and fakeroot are needed for the .deb: apt-get install fakeroot"

# jpackage wants a plain version: 0.1.0-SNAPSHOT is packaged as 0.1.0
version=$(sed -n 's/^version=//p' "$target/classes/org/incidentconsole/app/version.properties")
app_version=${version%%-*}

rm -rf "$dist" "$work"
mkdir -p "$dist" "$work/input/lib"

# --- inputs: the app jar, its libraries except JavaFX (JavaFX goes into the runtime), runbooks, example
cp "$target/$name.jar" "$work/input/"
find "$target/lib" -name '*.jar' ! -name 'javafx-*' -exec cp {} "$work/input/lib/" \;
cp -r "$root/runbooks" "$work/input/runbooks"
cp "$root/inventory.example.yaml" "$work/input/"
cp "$here/app/cds-archive.sh" "$work/input/"

fx_jars=$(find "$target/lib" -name 'javafx-*-linux*.jar' | sort | paste -sd: -)
[ -n "$fx_jars" ] || die "no JavaFX platform jars (javafx-*-linux*.jar) in $target/lib"

# --- 1. runtime: what jdeps finds, plus providers it cannot see (EC crypto for SSH keys, zip file system)
step "finding the JDK modules the jars need (jdeps)"
modules=$("$jdk/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 17 --module-path "$fx_jars" \
    --class-path "$work/input/lib/*" "$work/input/$name.jar" "$work/input"/lib/*.jar 2>"$work/jdeps.err" | tail -1) \
    || { cat "$work/jdeps.err" >&2; die "jdeps could not list the modules"; }
modules="$modules,jdk.crypto.ec,jdk.zipfs,jdk.unsupported"
step "linking the runtime: $modules"
"$jdk/bin/jlink" --module-path "$jdk/jmods:$fx_jars" --add-modules "$modules" \
    --strip-debug --no-man-pages --no-header-files --generate-cds-archive \
    --exclude-resources='glob:/javafx.graphics/lib*.so' --output "$work/runtime" >/dev/null
fx_graphics=$(find "$target/lib" -name 'javafx-graphics-*-linux*.jar' | head -1)
(cd "$work/runtime/lib" && "$jdk/bin/jar" xf "$fx_graphics" $("$jdk/bin/jar" tf "$fx_graphics" | grep '^lib[^/]*\.so$'))

# --- 2. app image
step "building the app image"
common=(--name "$name" --app-version "$app_version" --vendor "Incident Console"
        --description "Desktop console for the on-call operator: hosts over SSH, runbooks, timeline, report"
        --icon "$here/icons/$name.png")
"$jdk/bin/jpackage" --type app-image "${common[@]}" --dest "$dist" \
    --input "$work/input" --main-jar "$name.jar" --main-class org.incidentconsole.app.Main \
    --runtime-image "$work/runtime" \
    --java-options '-Dincident-console.runbooks=$APPDIR/runbooks' \
    --java-options '-XX:SharedArchiveFile=$APPDIR/incident-console.jsa'
image=$dist/$name
app=$image/lib/app

# --- 3. training start: the classes a start loads up to the first frame
step "training start (records the classes loaded up to the first frame)"
xrun=()
if [ -z "${DISPLAY:-}" ]; then
    command -v xvfb-run >/dev/null || die "no X display and no xvfb-run for the training start: apt-get install xvfb"
    xrun=(xvfb-run -a -s "-screen 0 1440x900x24")
fi
training_home=$(mktemp -d)
trap 'rm -rf "$training_home"' EXIT
INCIDENT_CONSOLE_HOME=$training_home "${xrun[@]}" "$image/lib/runtime/bin/java" \
    -XX:DumpLoadedClassList="$app/$name.classlist" -Dincident-console.runbooks="$app/runbooks" \
    -cp "$("$app/cds-archive.sh" classpath)" org.incidentconsole.app.Main --exit-after-first-frame \
    --inventory "$app/inventory.example.yaml" >"$work/training.out" 2>&1 \
    || { cat "$work/training.out" >&2; die "the training start failed"; }
grep -q 'First frame' "$training_home/logs/$name.log" || die "the training start never drew its first frame"
step "$(wc -l <"$app/$name.classlist") classes recorded"

# --- 4. .deb (the archive is made by its postinst, for /opt/incident-console)
step "building the .deb"
"$jdk/bin/jpackage" --type deb "${common[@]}" --dest "$dist" --app-image "$image" \
    --resource-dir "$here/linux" --install-dir /opt \
    --linux-package-name "$name" --linux-deb-maintainer "incident-console@example.org" \
    --linux-app-category admin --linux-menu-group "System;Monitor;" --linux-shortcut \
    --linux-package-deps libgtk-3-0

# --- 5. the app image's own archive, for where it is now
step "making the class-data archive for the app image"
"$app/cds-archive.sh"
"$app/cds-archive.sh" check >/dev/null || die "the JVM cannot use the class-data archive just made"

step "done: $(cd "$dist" && ls -d "$name" ./*.deb | sed 's|^\./||' | paste -sd' ' -) in $dist"
