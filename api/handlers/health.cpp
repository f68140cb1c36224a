// GET /healthz (liveness, no database), /readyz (database reachable and migrated), /metrics.
#include "api/handlers/routes.hpp"
#include "api/json/json_output.hpp"
#include "api/metrics/metrics.hpp"
#include "api/metrics/notice_metrics.hpp"

namespace perkara::api {

void register_health_routes(router& r, services& s) {
  // Liveness needs nothing but the process: answered on the I/O thread (api/application.hpp).
  r.add(
      "GET", "/healthz", policy::public_route,
      [](const request&, const route_params&) {
        // The same text every time: not built and serialised per request (docs/performance.md).
        return json_text_response(200, R"({"status":"ok"})");
      },
      route_options{.runs = execution::io_thread});
  r.add("GET", "/readyz", policy::public_route, [&s](const request&, const route_params&) {
    const bool ready = s.db.ready();
    return json_response(ready ? 200 : 503, boost::json::object{{"status", ready ? "ready" : "unavailable"}});
  });
  r.add("GET", "/metrics", policy::public_route, [&s](const request&, const route_params&) {
    response res;
    res.content_type = "text/plain; version=0.0.4; charset=utf-8";
    res.body = s.request_metrics.render(s.db.pool_in_use(), s.db.pool_size());
    // The outbox counts need the database; /metrics still answers (without them) when it is away.
    try {
      const auto tx = s.db.begin(ports::access::read);
      res.body += render_notice_metrics(tx->notices().counts(), s.clock.now());
    } catch (const std::exception&) {
    }
    return res;
  });
}

}  // namespace perkara::api
