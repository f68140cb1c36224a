-- GET of $PERKARA_PATH, with a bearer token when $PERKARA_TOKEN is set. Counts non-2xx answers.
local token = os.getenv("PERKARA_TOKEN")
wrk.method = "GET"
wrk.path = os.getenv("PERKARA_PATH") or "/healthz"
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end

local bad = 0
response = function(status, headers, body)
  if status < 200 or status > 299 then
    bad = bad + 1
  end
end

done = function(summary, latency, requests)
  io.write(string.format("non2xx %d\n", bad))
end
