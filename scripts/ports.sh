# Sourced by the scripts that start a server on a port of their own (postgres-server.sh, load/app.sh, scan.sh).
# unused_port prints a loopback port outside the kernel's ephemeral range (/proc/sys/net/ipv4/ip_local_port_range,
# 32768-60999 by default), where every outgoing connection of the machine takes its local port: a port chosen inside it
# can be taken by any connection between the check and the bind. Outside it, only another server choosing the same
# port can take it, which the caller detects (the server does not start) and answers by choosing again.
unused_port() {
    local low=32768 high=60999 from to port
    if [ -r /proc/sys/net/ipv4/ip_local_port_range ]; then
        read -r low high </proc/sys/net/ipv4/ip_local_port_range
    fi
    # The larger gap: from 10000 (above most well-known services) up to the range, or from the range up to 65535.
    if [ $((low - 10000)) -ge $((65535 - high)) ]; then
        from=10000 to=$((low - 1))
    else
        from=$((high + 1)) to=65535
    fi
    for _ in $(seq 1 200); do
        port=$((from + (RANDOM * 32768 + RANDOM) % (to - from + 1)))
        if ! (: </dev/tcp/127.0.0.1/"$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    echo "no unused port between $from and $to" >&2
    return 1
}
