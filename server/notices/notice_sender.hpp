#pragma once
// One way of delivering a notice (email over SMTP, webhook over HTTP). Senders block (libcurl's easy
// interface) and run only on the dispatcher's own thread, never on an I/O thread.

#include "domain/ports/notice_outbox.hpp"

#include <string>

namespace perkara::server::notices {

struct delivery_context {
  std::string base_url;        // replaces {{base_url}} in the texts
  domain::instant now{};
  std::string webhook_secret;  // the endpoint's secret, for webhook notices
};

struct delivery_result {
  bool sent = false;
  bool permanent = false;  // a failure that no retry can fix (550 no such user, 410 gone...)
  std::string detail;      // the receiver's answer or the error, for the delivery log
};

class notice_sender {
 public:
  virtual ~notice_sender() = default;
  virtual delivery_result send(const ports::queued_notice& notice, const delivery_context& context) = 0;
};

/// `text` with every {{base_url}} replaced.
std::string with_base_url(std::string text, const std::string& base_url);

}  // namespace perkara::server::notices
