#!/bin/sh
# The class-data sharing (AppCDS) archive the launcher maps at start, lib/app/incident-console.jsa: the classes
# of a start up to the first frame (incident-console.classlist), already parsed and verified, so the window
# opens sooner.
#
# The JVM uses an archive only with the exact class path it was made for (Java 17), so it is made where the
# app is installed: by packaging/build-linux.sh for the app image, by the .deb's postinst in /opt. Without it
# (or after the app folder moved) the console starts as usual, only slower: run this again after moving it.
#
#   cds-archive.sh            make the archive here
#   cds-archive.sh check      exit 0 only if the JVM can map the archive for this folder's class path
#   cds-archive.sh classpath  print the launcher's class path (what the archive is made for)
set -eu
app=$(cd "$(dirname "$0")" && pwd)                 # <app>/lib/app
java=$(dirname "$app")/runtime/bin/java
archive=$app/incident-console.jsa
# the launcher's class path, in the launcher's order, with $APPDIR spelled out
classpath=$(sed -n 's/^app\.classpath=//p' "$app/incident-console.cfg" | sed "s|^\\\$APPDIR|$app|" | paste -sd: -)

case "${1:-make}" in
    classpath)
        echo "$classpath"
        ;;
    check)
        # -Xshare:on refuses to start when the archive cannot be used (missing, other class path, other JVM)
        "$java" -Xshare:on -XX:SharedArchiveFile="$archive" -cp "$classpath" org.incidentconsole.app.Main --version
        ;;
    make)
        rm -f "$archive"
        if ! out=$("$java" -Xshare:dump -Xlog:cds=error -XX:SharedClassListFile="$app/incident-console.classlist" \
                -XX:SharedArchiveFile="$archive" -cp "$classpath" 2>&1); then
            printf '%s\n' "$out" >&2
            echo "incident-console: no class-data archive was made; the console works without it, only starts slower" >&2
            rm -f "$archive"
            exit 0
        fi
        chmod 644 "$archive"
        echo "incident-console: class-data archive made: $archive"
        ;;
    *)
        echo "usage: $0 [make|check|classpath]" >&2
        exit 2
        ;;
esac
