#pragma once
// Records the exchanges of the end-to-end tests with the real application for
// the contract test (tests/contract/validate.mjs, run by
// scripts/test-contract): when PERKARA_CONTRACT_LOG names a directory, each
// exchange is appended as one JSON line to <dir>/<pid>.jsonl with the route
// pattern the router matched (null when none did).

#include "api/http/router.hpp"
#include "e2e/support/http_client.hpp"

#include <string>

namespace perkara::e2e {

void record_exchange(const api::router& routes, const std::string& method, const std::string& target,
                     const http_reply& reply);

}  // namespace perkara::e2e
