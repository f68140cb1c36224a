-- An action on an existing case: POST $PERKARA_PATH_TEMPLATE ("{item}" = a random line of
-- $PERKARA_LIST_FILE) with the JSON of $PERKARA_BODY_FILE, whose "{n}" is replaced by a counter and
-- "{day}" by a day of the month (01-28), with a bearer token.
local token = os.getenv("PERKARA_TOKEN")
local template = os.getenv("PERKARA_PATH_TEMPLATE")
local file = io.open(os.getenv("PERKARA_BODY_FILE"), "r")
local body_template = file:read("*a")
file:close()
local items = {}
for line in io.lines(os.getenv("PERKARA_LIST_FILE")) do
  if line ~= "" then
    items[#items + 1] = line
  end
end
assert(#items > 0, "PERKARA_LIST_FILE is empty")
math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
local counter = 0

request = function()
  counter = counter + 1
  local item = items[math.random(#items)]
  local path = template:gsub("{item}", function() return item end)
  local body = body_template:gsub("{n}", tostring(counter)):gsub("{day}", string.format("%02d", math.random(28)))
  return wrk.format("POST", path, {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
  }, body)
end
