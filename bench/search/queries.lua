-- People searches a member of staff makes: surname prefixes (with and without ё), a reference number, an
-- occupation group, a status filter, and a second page. Cycled in order by each connection.
local paths = {
  "/api/v1/people?q=%D0%B8%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2",                 -- иванов
  "/api/v1/people?q=%D1%81%D0%B5%D0%BC%D1%91%D0%BD",                       -- семён
  "/api/v1/people?q=%D0%BA%D1%83%D0%B7",                                   -- куз
  "/api/v1/people?q=PF-00123",
  "/api/v1/people?q=%D0%BF%D0%B5%D1%82%D1%80%D0%BE%D0%B2%20%D0%B8",        -- петров и
  "/api/v1/people?occupation=7522&pageSize=20",
  "/api/v1/people?status=in-custody&legalStatus=pre-trial&pageSize=20",
  "/api/v1/people?q=%D1%81%D0%BC%D0%B8&page=2",                            -- сми, page 2
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
