# Sourced by the packaging scripts that start the image's store server in the background.
# store_server_address LOG PID: waits up to 60 s for the server's "store server on http://..." line in LOG and
# prints its address; prints nothing when the server (PID) exits first or never says it, so the caller decides
# whether that is an error.
store_server_address() {
    local log=$1 pid=$2 address=
    for _ in $(seq 600); do
        address=$(grep -so 'store server on http://127.0.0.1:[0-9]*' "$log" | cut -d' ' -f4 || true)
        [ -n "$address" ] || ! kill -0 "$pid" 2>/dev/null && break
        sleep 0.1
    done
    printf '%s' "$address"
}
