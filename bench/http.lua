-- wrk script of bench/http.sh: authenticates every request and reports latency percentiles and non-2xx answers.
-- The credentials come from the environment, never from the command line (visible to other processes):
--   BENCH_COOKIE  a session cookie "NAME=value" (pages), or
--   BENCH_BEARER  an API token (the API).
-- BENCH_GZIP=1 asks for compressed answers (Accept-Encoding: gzip), as browsers do.
-- done() prints one line "RESULT key=value ..." that the harness (HttpBenchmark) reads.

local cookie = os.getenv("BENCH_COOKIE")
local bearer = os.getenv("BENCH_BEARER")
if cookie and cookie ~= "" then
   wrk.headers["Cookie"] = cookie
end
if bearer and bearer ~= "" then
   wrk.headers["Authorization"] = "Bearer " .. bearer
end
wrk.headers["Accept-Language"] = "it"
if os.getenv("BENCH_GZIP") == "1" then
   wrk.headers["Accept-Encoding"] = "gzip"
end

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

function init(args)
   non2xx = 0
   statuses = {}
end

function response(status, headers, body)
   if status < 200 or status > 299 then
      non2xx = non2xx + 1
      statuses[status] = (statuses[status] or 0) + 1
   end
end

function done(summary, latency, requests)
   local bad = 0
   local codes = {}
   for _, t in ipairs(threads) do
      bad = bad + t:get("non2xx")
      for code, n in pairs(t:get("statuses")) do
         codes[code] = (codes[code] or 0) + n
      end
   end
   local list = {}
   for code, n in pairs(codes) do
      table.insert(list, code .. ":" .. n)
   end
   local e = summary.errors
   io.write(string.format("RESULT requests=%d duration_us=%d bytes=%d p50_us=%d p90_us=%d p95_us=%d p99_us=%d " ..
      "max_us=%d mean_us=%.0f non2xx=%d connect=%d read=%d write=%d timeout=%d codes=%s\n",
      summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(90),
      latency:percentile(95), latency:percentile(99), latency.max, latency.mean, bad, e.connect, e.read, e.write,
      e.timeout, table.concat(list, ",")))
end
