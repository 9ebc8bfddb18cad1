-- wrk script of ApiLatencyBench. wrk 4 (Debian's) has no --rate: each connection waits WRK_DELAY_MS after an
-- answer before its next request, so C connections send about C * 1000 / (WRK_DELAY_MS + latency) requests/s.
-- done() prints one line that the harness reads: percentiles in milliseconds and the rate achieved.
local delay_ms = tonumber(os.getenv("WRK_DELAY_MS") or "0")

function delay()
  return delay_ms
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
      + summary.errors.timeout
  io.write(string.format("RESULT requests=%d rate=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d\n",
      summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
      latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000, errors))
end
