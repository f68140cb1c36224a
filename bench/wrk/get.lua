-- GET of $PERKARA_PATH, with a bearer token when $PERKARA_TOKEN is set.
local token = os.getenv("PERKARA_TOKEN")
wrk.method = "GET"
wrk.path = os.getenv("PERKARA_PATH") or "/healthz"
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end
