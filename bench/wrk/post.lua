-- POST of $PERKARA_BODY_FILE's JSON to $PERKARA_PATH with a bearer token; the body may contain the
-- placeholder {n}, replaced by a counter so every request differs.
local token = os.getenv("PERKARA_TOKEN")
local path = os.getenv("PERKARA_PATH")
local file = io.open(os.getenv("PERKARA_BODY_FILE"), "r")
local template = file:read("*a")
file:close()
local counter = 0

request = function()
  counter = counter + 1
  local body = template:gsub("{n}", tostring(counter))
  return wrk.format("POST", path, {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
  }, body)
end
