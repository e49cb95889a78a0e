-- wrk script for scripts/load-test.sh and scripts/scale-test.sh.
-- Arguments after "--" are request paths, taken in turn (one path when none is given: the URL's own).
-- With WP_WRK_UNIQUE_QUERY=1 every request gets a query parameter of its own, which the pages ignore but the output
-- cache keys on: every request is rendered, as for a signed-in user.
-- WP_WRK_COOKIE: a Cookie header for every request (a signed-in session: see sign_in in scripts/load/app.sh).
-- WP_WRK_ENCODING: an Accept-Encoding header (br, gzip): the bytes per response are then the compressed ones.
-- At the end, one machine-readable line with the percentiles wrk does not print by itself (p95) and the mean bytes of a
-- response (headers included).
local paths = {}
local next_path = 0
local unique = os.getenv("WP_WRK_UNIQUE_QUERY") == "1"
local threads = 0
local sent = 0

function setup(thread)
    threads = threads + 1
    thread:set("thread_number", threads)
end

function init(args)
    local cookie = os.getenv("WP_WRK_COOKIE")
    if cookie and cookie ~= "" then
        wrk.headers["Cookie"] = cookie
    end
    local encoding = os.getenv("WP_WRK_ENCODING")
    if encoding and encoding ~= "" then
        wrk.headers["Accept-Encoding"] = encoding
    end
    for i, path in ipairs(args) do
        paths[i] = path
    end
end

function request()
    local path = wrk.path
    if #paths > 0 then
        next_path = next_path % #paths + 1
        path = paths[next_path]
    end
    if unique then
        sent = sent + 1
        local separator = path:find("?", 1, true) and "&" or "?"
        path = path .. separator .. "render=" .. thread_number .. "-" .. sent
    end
    return wrk.format("GET", path)
end

function done(summary, latency, requests)
    local errors = summary.errors
    local failed = errors.connect + errors.read + errors.write + errors.status + errors.timeout
    local seconds = summary.duration / 1e6
    io.write(string.format(
        "result requests=%d seconds=%.1f per_second=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d non_2xx=%d bytes_per_response=%d\n",
        summary.requests, seconds, summary.requests / seconds,
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
        latency.max / 1000, failed, errors.status, summary.requests > 0 and math.floor(summary.bytes / summary.requests) or 0))
end
