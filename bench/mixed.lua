-- wrk script: each request asks for one of the public pages listed in $PATHS_FILE, in turn.
local paths = {}
for line in io.lines(os.getenv("PATHS_FILE")) do
  paths[#paths + 1] = line
end
local counter = 0

request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
