#pragma once
// The REST application: every route of the OpenAPI document (api/openapi/) behind one router.

#include "api/application.hpp"
#include "api/http/router.hpp"
#include "api/services.hpp"

namespace perkara::api {

class rest_application final : public application {
 public:
  explicit rest_application(services& s);

  [[nodiscard]] response handle(const request& req) const override;
  [[nodiscard]] std::size_t body_limit(std::string_view method, std::string_view path) const override;
  [[nodiscard]] bool streams_body(std::string_view method, std::string_view path) const override;
  [[nodiscard]] execution execution_of(std::string_view method, std::string_view path) const override;
  [[nodiscard]] const router& routes() const { return router_; }

 private:
  router router_;
};

/// The OpenAPI 3.1 document served at /api/v1/openapi.json (api/openapi/openapi.json, embedded).
std::string_view openapi_document();

}  // namespace perkara::api
