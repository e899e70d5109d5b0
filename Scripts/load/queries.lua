-- wrk script: every request a different query, drawn in turn from QUERIES (a file of one
-- URL-encoded query per line), so each search is ranked afresh, not served from the cache of
-- recent rankings.
local file = os.getenv("QUERIES") or "queries.txt"
local queries = {}
for line in io.lines(file) do queries[#queries + 1] = line end
local n = 0
function setup(thread) thread:set("offset", math.floor(#queries / 2) * (n % 2)); n = n + 1 end
local i = 0
function request()
  i = i + 1
  local q = queries[(i + (offset or 0)) % #queries + 1]
  return wrk.format("GET", "/labels?search=" .. q)
end
-- With PAUSE_MS set, each connection waits that long after every answer (see paced.lua).
local pause = tonumber(os.getenv("PAUSE_MS") or "")
if pause then function delay() return pause end end
