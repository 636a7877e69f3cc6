local paths = {
  "/api/orders?outlet_id=1&since_id=100",
  "/api/orders?outlet_id=1&since_id=100",
  "/api/orders?outlet_id=1&since_id=100",
  "/api/orders?outlet_id=1&since_id=100",
  "/api/orders?outlet_id=1&since_id=100",
  "/api/orders?outlet_id=1&since_id=100",
  "/api/orders?outlet_id=1&since_id=100",
  "/api/orders?outlet_id=1&since_id=100",
  "/api/orders?outlet_id=1&since_id=100",
  "/api/orders?outlet_id=1&since_id=100",
  "/api/orders?outlet_id=1&since_id=100",
  "/api/orders?outlet_id=1&since_id=100",
  "/api/orders?outlet_id=1&since_id=100",
  "/api/orders?outlet_id=1&since_id=100",
  "/api/orders?outlet_id=1&since_id=100",
  "/api/orders?outlet_id=1&since_id=100",
  "/api/orders?outlet_id=1&since_id=97",
  "/api/orders?outlet_id=1&since_id=97",
  "/api/orders?outlet_id=1&since_id=97",
  "/api/orders?outlet_id=1&since_id=80",
}
local requests = {}
local turn = 0
init = function(args)
  for i, path in ipairs(paths) do
    requests[i] = wrk.format("GET", path, {["Accept"] = "application/json"})
  end
end
request = function()
  turn = turn % #requests + 1
  return requests[turn]
end
