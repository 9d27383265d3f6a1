-- wrk script: each request posts a pothole report of the demo catalogue, form-encoded as the standard says, at a
-- point of its own inside Musterstadt's boundary (13.30–13.50 E, 52.45–52.58 N): on a busy day reports are spread
-- over the town. All at one point, every POST's duplicate-hint search (ADR 15) would sort every report posted so far,
-- measuring that degenerate case instead (ADR 22). The API key comes from the environment (OPEN311_BENCH_KEY).
local key = os.getenv("OPEN311_BENCH_KEY")
local headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }
local prefix = "api_key=" .. key .. "&jurisdiction_id=musterstadt.de&service_code=SCHLAGLOCH"
local suffix = "&attribute%5BGROESSE%5D=mittel&description=Tiefes%20Schlagloch%20vor%20Hausnummer%2012"
  .. "&email=erika%40example.org"

local threads = {}
local counter = 1
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end
function init(args) math.randomseed(id * 7919 + os.time()) end
function request()
  local lat = string.format("%.6f", 52.46 + math.random() * 0.11)
  local long = string.format("%.6f", 13.31 + math.random() * 0.18)
  return wrk.format("POST", nil, headers, prefix .. "&lat=" .. lat .. "&long=" .. long .. suffix)
end

-- Answers are counted per thread (each wrk thread has a Lua state of its own) and summed in done(), so run.sh can
-- compare the 200 answers with the reports stored, and a benchmark of errors cannot pass for one of reports.
ok, failures = 0, 0
function response(status, headers, body)
  if status == 200 then ok = ok + 1 else failures = failures + 1 end
end
function done(summary, latency, requests)
  local good, bad = 0, 0
  for _, thread in ipairs(threads) do
    good = good + thread:get("ok")
    bad = bad + thread:get("failures")
  end
  io.write(string.format("200 answers: %d\nnon-200 answers: %d\n", good, bad))
end
