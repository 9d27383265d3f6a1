-- wrk script for deploy/bench/queries.sh: listing queries at varied places and pages, so the benchmark does not
-- measure one cached answer. Arguments (after --): mode (radius | bbox | sync | text), the sync's updated_after,
-- the number of pages the sync has.
local cities = {
  {13.405, 52.520}, {9.993, 53.551}, {11.575, 48.137}, {6.960, 50.938}, {8.682, 50.111}, {9.182, 48.776},
  {6.773, 51.227}, {12.374, 51.340}, {7.465, 51.514}, {7.012, 51.456}, {8.801, 53.079}, {13.738, 51.050},
  {9.732, 52.375}, {11.077, 49.452}, {12.100, 54.092}, {7.099, 50.737},
}
-- Already URL-encoded (Hauptstraße, Sperrmüll): wrk sends the path as it is.
local words = { "Wasserturm", "Rathaus", "Bushaltestelle", "Laterne", "Gully", "Spielplatz", "Hauptstra%C3%9Fe", "Sperrm%C3%BCll" }
local threads = 0
local mode, since, pages = "radius", "", 1

function setup(thread)
  threads = threads + 1
  thread:set("seed", threads)
end

function init(args)
  mode = args[1] or "radius"
  since = args[2] or ""
  pages = tonumber(args[3] or "1")
  math.randomseed(os.time() * 1000 + (seed or 0))
end

function request()
  local city = cities[math.random(#cities)]
  -- Within about 10 km of a city centre, where the seeded reports are.
  local lon = city[1] + (math.random() - 0.5) * 0.3
  local lat = city[2] + (math.random() - 0.5) * 0.18
  local path
  if mode == "radius" then
    path = string.format("/open311/v2/requests.json?lat=%.5f&long=%.5f&radius=1000&page_size=100", lat, lon)
  elseif mode == "bbox" then
    -- About 2.8 km by 2.2 km: a phone's map of a district.
    path = string.format("/open311/v2/requests.json?bbox=%.5f,%.5f,%.5f,%.5f&page_size=100", lon - 0.02, lat - 0.01, lon + 0.02, lat + 0.01)
  elseif mode == "sync" then
    path = string.format("/open311/v2/requests.json?jurisdiction_id=musterstadt.de&updated_after=%s&page=%d&page_size=100", since, math.random(pages))
  else
    path = string.format("/open311/v2/requests.json?jurisdiction_id=musterstadt.de&q=%s&page_size=100", words[math.random(#words)])
  end
  return wrk.format("GET", path)
end
