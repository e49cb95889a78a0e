#!/usr/bin/env bash
# A private PostgreSQL server (Debian's postgresql package, newest version installed): its own folder and a free port
# on 127.0.0.1, no systemd. PostgreSQL refuses to run as root, so root runs it as the postgres user the package created.
# scripts/test.sh runs one for the PostgreSQL suites; the server-crash test (PostgresServerCrashFacts, through
# WorkProgramme.Testing's PrivatePostgresServer) runs one it kills and restarts.
#
#   postgres-server.sh start FOLDER [fast|durable]  the first time: initdb FOLDER/data and choose a port outside the
#                                                   ephemeral range (scripts/ports.sh), another if it is taken; then start
#                                                   and wait for it (recovery included); prints the connection string of
#                                                   the postgres database. fast (default): fsync, synchronous_commit and
#                                                   full_page_writes off (the data is thrown away). durable: all three on,
#                                                   as in production, and data checksums.
#   postgres-server.sh crash FOLDER                 SIGKILL to the postmaster and every one of its processes at once
#                                                   (each server process runs in a session of its own, so it is not a
#                                                   process-group kill); waits until they are gone. No shutdown at all.
#   postgres-server.sh stop FOLDER                  pg_ctl stop -m immediate: the processes quit without a checkpoint.
#   postgres-server.sh amcheck FOLDER DATABASE      pg_amcheck of DATABASE (tables, indexes, TOAST; heapallindexed,
#                                                   parent-check), installing the amcheck extension in it if missing.
#   postgres-server.sh remove FOLDER                stop -m immediate (if running) and delete FOLDER.
set -euo pipefail
usage() { sed -n '2,/^set /p' "$0" | sed '$d' >&2; exit 2; }
command="${1:-}"
folder="${2:-}"
[ -n "$command" ] && [ -n "$folder" ] || usage
source "$(dirname "$0")/ports.sh"
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_postgres=()
if [ "$(id -u)" -eq 0 ]; then
    as_postgres=(runuser -u postgres --)
fi

case "$command" in
start)
    mode="${3:-fast}"
    if [ ! -d "$folder/data" ]; then
        mkdir -p "$folder"
        if [ "$(id -u)" -eq 0 ]; then
            chown postgres: "$folder"
        fi
        checksums=()
        case "$mode" in
        fast) durability="fsync = off
synchronous_commit = off
full_page_writes = off" ;;
        durable) durability="fsync = on
synchronous_commit = on
full_page_writes = on"
                 checksums=(--data-checksums) ;;
        *) usage ;;
        esac
        "${as_postgres[@]}" "$pg_bin/initdb" -D "$folder/data" --username=postgres --auth=trust --encoding=UTF8 \
            --locale=C.UTF-8 "${checksums[@]}" >/dev/null
        port=$(unused_port)
        cat >>"$folder/data/postgresql.conf" <<CONF

# postgres-server.sh ($mode)
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$folder'
max_connections = 300
$durability
CONF
        echo "$port" >"$folder/port"
    fi
    # A port outside the ephemeral range can still be taken by another server between the choice and the bind: the
    # server then logs "could not bind" and does not start; choose another port and start again.
    for attempt in $(seq 1 10); do
        log_size=$(stat -c %s "$folder/server.log" 2>/dev/null || echo 0)
        if "${as_postgres[@]}" "$pg_bin/pg_ctl" start -D "$folder/data" -l "$folder/server.log" -w -t 600 >/dev/null; then
            break
        fi
        if [ "$attempt" -lt 10 ] && tail -c +$((log_size + 1)) "$folder/server.log" | grep -qE 'could not bind|could not create any TCP/IP sockets'; then
            port=$(unused_port)
            "${as_postgres[@]}" sed -i "s/^port = [0-9]*$/port = $port/" "$folder/data/postgresql.conf"
            echo "$port" >"$folder/port"
            echo "port taken; starting on $port instead" >&2
            continue
        fi
        echo "PostgreSQL did not start; its log:" >&2
        tail -n 20 "$folder/server.log" >&2
        exit 1
    done
    echo "Host=127.0.0.1;Port=$(cat "$folder/port");Username=postgres;Database=postgres"
    ;;
crash)
    postmaster=$(head -n 1 "$folder/data/postmaster.pid")
    kill -STOP "$postmaster"
    processes=("$postmaster" $(ps -o pid= --ppid "$postmaster"))
    kill -KILL "${processes[@]}"
    # Gone means reaped, not a zombie: PostgreSQL refuses to start while the old postmaster's process id exists.
    for process in "${processes[@]}"; do
        for _ in $(seq 1 1200); do
            [ -e "/proc/$process" ] || continue 2
            sleep 0.05
        done
        echo "process $process of the killed server was not reaped within 60 s" >&2
        exit 1
    done
    ;;
stop)
    "${as_postgres[@]}" "$pg_bin/pg_ctl" stop -D "$folder/data" -m immediate -w >/dev/null
    ;;
amcheck)
    database="${3:-}"
    [ -n "$database" ] || usage
    "$pg_bin/pg_amcheck" --host=127.0.0.1 --port="$(cat "$folder/port")" --username=postgres --database="$database" \
        --install-missing --heapallindexed --parent-check --progress 2>&1 | tr '\r' '\n' | grep -v '^ *$'
    ;;
remove)
    "${as_postgres[@]}" "$pg_bin/pg_ctl" stop -D "$folder/data" -m immediate >/dev/null 2>&1 || true
    rm -rf "$folder"
    ;;
*)
    usage
    ;;
esac
