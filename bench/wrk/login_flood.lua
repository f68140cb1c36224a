-- A login flood: POST /api/v1/sessions with made-up usernames (never an existing account). With
-- PERKARA_SPREAD=1 each request claims a random client address in X-Forwarded-For (the server must
-- trust the loopback proxy: --trusted-proxy 127.0.0.1), so the per-address cap does not apply; without
-- it every request comes from one address. done() prints how the logins were answered.
local spread = os.getenv("PERKARA_SPREAD") == "1"
local threads = {}

setup = function(thread)
  thread:set("id", #threads + 1)
  threads[#threads + 1] = thread
end

init = function()
  math.randomseed(os.time() * 100 + id)
  counts = {}
  counter = 0
end

request = function()
  counter = counter + 1
  local headers = { ["Content-Type"] = "application/json" }
  if spread then
    headers["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255),
      math.random(1, 254))
  end
  local body = string.format('{"username":"bukan-%d-%d-%d","password":"tebakan-salah"}', id, counter,
    math.random(1000000))
  return wrk.format("POST", "/api/v1/sessions", headers, body)
end

response = function(status)
  counts[status] = (counts[status] or 0) + 1
end

done = function()
  local total = {}
  for _, t in ipairs(threads) do
    for status, n in pairs(t:get("counts")) do
      total[status] = (total[status] or 0) + n
    end
  end
  local parts = {}
  for status, n in pairs(total) do
    parts[#parts + 1] = string.format("%d:%d", status, n)
  end
  table.sort(parts)
  io.write("login statuses: " .. table.concat(parts, " ") .. "\n")
end
