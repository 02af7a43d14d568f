-- wrk script: cycles through the requests a scenario generated (bench/load.py writes them as
-- a Lua table), each with the actor's bearer token; prints one JSON line when done.
local token = os.getenv("BENCH_TOKEN") or ""
local planned = dofile(os.getenv("BENCH_REQUESTS"))
local formatted = {}
local sent = 0
local threads = {}
conflicts = 0

function setup(thread)
  table.insert(threads, thread)
end

-- Only where asked (E3): a response callback makes wrk hand every body to Lua.
if os.getenv("BENCH_COUNT_CONFLICTS") then
  function response(status, headers, body)
    if status == 409 then conflicts = conflicts + 1 end
  end
end

function init(args)
  for i, r in ipairs(planned) do
    local headers = { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" }
    if r[3] ~= nil then headers["Content-Type"] = "application/json" end
    formatted[i] = wrk.format(r[1], r[2], headers, r[3])
  end
  -- Threads start at different places in the list, so they do not send the same request.
  sent = tonumber(args[1] or "0") or 0
end

function request()
  sent = sent + 1
  return formatted[(sent - 1) % #formatted + 1]
end

function done(summary, latency, requests)
  local e = summary.errors
  local conflicted = 0
  for _, thread in ipairs(threads) do conflicted = conflicted + thread:get("conflicts") end
  io.write(string.format(
    'BENCH-JSON {"requests":%d,"duration_us":%d,"errors":{"connect":%d,"read":%d,'
      .. '"write":%d,"status":%d,"timeout":%d},"conflicts":%d,"latency_us":{"mean":%.1f,'
      .. '"p50":%d,"p95":%d,"p99":%d,"max":%d}}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    conflicted,
    latency.mean, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    latency.max))
end
