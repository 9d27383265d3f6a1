-- wrk script: each request posts a pothole report of the demo catalogue, form-encoded as the standard says.
-- The API key comes from the environment (OPEN311_BENCH_KEY), set by run.sh.
local key = os.getenv("OPEN311_BENCH_KEY")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "api_key=" .. key .. "&jurisdiction_id=musterstadt.de&service_code=SCHLAGLOCH&lat=52.5200&long=13.4050"
  .. "&attribute%5BGROESSE%5D=mittel&description=Tiefes%20Schlagloch%20vor%20Hausnummer%2012"
  .. "&email=erika%40example.org"

-- Answers are counted per thread (each wrk thread has a Lua state of its own) and summed in done(), so run.sh can
-- compare the 200 answers with the reports stored, and a benchmark of errors cannot pass for one of reports.
local threads = {}
function setup(thread) table.insert(threads, thread) end
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
