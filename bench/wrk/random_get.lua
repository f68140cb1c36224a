-- GET of $PERKARA_PATH_TEMPLATE with "{item}" replaced by a random line of $PERKARA_LIST_FILE
-- (URL-encoded), so every request reads another case, as real traffic does; with a bearer token when
-- $PERKARA_TOKEN is set.
local token = os.getenv("PERKARA_TOKEN")
local template = os.getenv("PERKARA_PATH_TEMPLATE")
local items = {}
for line in io.lines(os.getenv("PERKARA_LIST_FILE")) do
  if line ~= "" then
    items[#items + 1] = line:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end)
  end
end
assert(#items > 0, "PERKARA_LIST_FILE is empty")
math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)

local headers = {}
if token and token ~= "" then
  headers["Authorization"] = "Bearer " .. token
end

request = function()
  local item = items[math.random(#items)]
  -- A function, not a string: "%" in the encoded item would be a capture reference in gsub's replacement.
  local path = template:gsub("{item}", function() return item end)
  return wrk.format("GET", path, headers)
end
