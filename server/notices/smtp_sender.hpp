#pragma once
// Email over SMTP with libcurl (docs/operations.md "Notices"): `--smtp URL` (smtp://[user:password@]host:port
// tries STARTTLS when offered; smtp+starttls://... requires it; smtps://... is TLS from the start) and
// `--mail-from ADDRESS`. Connect and whole-transfer timeouts bound every attempt.

#include "server/notices/notice_sender.hpp"

#include <chrono>
#include <string>

namespace perkara::server::notices {

struct smtp_config {
  std::string url;
  std::string mail_from;
  std::chrono::seconds connect_timeout{10};
  std::chrono::seconds timeout{60};
};

/// The message as sent: headers, then a multipart/alternative body (plain text and HTML, UTF-8, base64).
std::string mime_message(const ports::queued_notice& notice, const std::string& from, const delivery_context& context);

class smtp_sender final : public notice_sender {
 public:
  /// Throws std::invalid_argument for a URL or address that cannot work.
  explicit smtp_sender(smtp_config config);
  delivery_result send(const ports::queued_notice& notice, const delivery_context& context) override;

 private:
  smtp_config config_;
  std::string curl_url_;
  bool require_tls_ = false;
};

}  // namespace perkara::server::notices
