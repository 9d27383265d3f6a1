-- wrk script: each request posts a pothole report of the demo catalogue, form-encoded as the standard says.
-- The API key comes from the environment (OPEN311_BENCH_KEY), set by run.sh.
local key = os.getenv("OPEN311_BENCH_KEY")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "api_key=" .. key .. "&jurisdiction_id=musterstadt.de&service_code=SCHLAGLOCH&lat=52.5200&long=13.4050"
  .. "&attribute%5BGROESSE%5D=mittel&description=Tiefes%20Schlagloch%20vor%20Hausnummer%2012"
  .. "&email=erika%40example.org"

-- Any answer but 200 is counted, so a benchmark of errors cannot pass for one of reports.
local failures = 0
function response(status, headers, body)
  if status ~= 200 then failures = failures + 1 end
end
function done(summary, latency, requests)
  io.write(string.format("non-200 answers: %d\n", failures))
end
