-- wrk script: each connection waits PAUSE_MS after every answer, so 64 connections offer about
-- 64 × 1000 / (PAUSE_MS + latency) requests per second: 1,000 a second at PAUSE_MS=63.
-- Plain wrk has no fixed-rate mode (wrk2 is not in Debian); this is its usual stand-in.
local pause = tonumber(os.getenv("PAUSE_MS") or "63")
function delay() return pause end
