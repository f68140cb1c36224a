#include "server/notices/webhook_sender.hpp"

#include "domain/json_text.hpp"
#include "domain/time/instant.hpp"

#include <curl/curl.h>
#include <fmt/format.h>
#include <sodium.h>

#include <memory>

namespace perkara::server::notices {

std::string webhook_signature(const std::string& secret, long long timestamp, const std::string& body) {
  const std::string signed_text = std::to_string(timestamp) + "." + body;
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()), secret.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(signed_text.data()),
                                signed_text.size());
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_final(&state, mac);
  char hex[crypto_auth_hmacsha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return hex;
}

std::string webhook_body(const ports::queued_notice& n) {
  return fmt::format(R"({{"id":{},"kind":{},"organisation":{},"created_at":"{}","data":{}}})",
                     domain::json_quote(n.idempotency_key), domain::json_quote(n.kind),
                     domain::json_quote(n.organisation), domain::format_rfc3339(n.created_at, 0), n.payload_json);
}

namespace {
std::size_t discard(char*, std::size_t size, std::size_t count, void*) { return size * count; }
}  // namespace

delivery_result webhook_sender::send(const ports::queued_notice& notice, const delivery_context& context) {
  const std::string body = webhook_body(notice);
  const long long timestamp = static_cast<long long>(context.now.time_since_epoch().count());
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
  if (!curl) return {false, false, "curl_easy_init failed"};
  curl_slist* raw = nullptr;
  raw = curl_slist_append(raw, "Content-Type: application/json");
  raw = curl_slist_append(raw, fmt::format("Perkara-Timestamp: {}", timestamp).c_str());
  raw = curl_slist_append(
      raw, fmt::format("Perkara-Signature: v1={}", webhook_signature(context.webhook_secret, timestamp, body)).c_str());
  raw = curl_slist_append(raw, ("Idempotency-Key: " + notice.idempotency_key).c_str());
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(raw, &curl_slist_free_all);
  char error[CURL_ERROR_SIZE] = {};
  CURL* h = curl.get();
  curl_easy_setopt(h, CURLOPT_URL, notice.recipient.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &discard);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(h, CURLOPT_TIMEOUT, static_cast<long>(timeout_.count()));
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error);
  const CURLcode rc = curl_easy_perform(h);
  long code = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
  if (rc != CURLE_OK) {
    return {false, false, fmt::format("{}: {}", curl_easy_strerror(rc), error)};
  }
  if (code >= 200 && code < 300) {
    return {true, false, fmt::format("HTTP {}", code)};
  }
  // 4xx other than 408 (timeout) and 429 (slow down) will not change by retrying.
  const bool permanent = code >= 400 && code < 500 && code != 408 && code != 429;
  return {false, permanent, fmt::format("HTTP {}", code)};
}

}  // namespace perkara::server::notices
