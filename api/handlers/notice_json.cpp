#include "api/handlers/notice_json.hpp"

#include "domain/time/instant.hpp"

#include <boost/json/array.hpp>

namespace perkara::api {

boost::json::object notice_json(ports::transaction& tx, const ports::queued_notice& n, int utc_offset_minutes) {
  boost::json::array attempts;
  for (const auto& d : tx.notices().deliveries(n.id)) {
    attempts.push_back(boost::json::object{
        {"at", domain::format_rfc3339(d.at, utc_offset_minutes)}, {"outcome", d.outcome}, {"detail", d.detail}});
  }
  return {{"channel", domain::notices::to_string(n.via)},
          {"audience", n.audience},
          {"recipient", n.recipient},
          {"kind", n.kind},
          {"action", n.event_action},
          {"state", domain::name_in(ports::notice_state_names, n.state)},
          {"attempts", n.attempts},
          {"created_at", domain::format_rfc3339(n.created_at, utc_offset_minutes)},
          {"sent_at", n.sent_at ? boost::json::value(domain::format_rfc3339(*n.sent_at, utc_offset_minutes))
                                : boost::json::value(nullptr)},
          {"last_error", n.last_error.empty() ? boost::json::value(nullptr) : boost::json::value(n.last_error)},
          {"deliveries", std::move(attempts)}};
}

boost::json::value attempt_json(const std::optional<ports::last_attempt>& a, int utc_offset_minutes) {
  if (!a) return nullptr;
  return boost::json::object{
      {"at", domain::format_rfc3339(a->at, utc_offset_minutes)}, {"outcome", a->outcome}, {"detail", a->detail}};
}

boost::json::object webhook_json(ports::transaction& tx, const ports::webhook_endpoint& w,
                                 const domain::organisation& org) {
  std::optional<ports::last_attempt> last;
  if (const auto latest = tx.notices().for_webhook(w, 1); !latest.empty()) {
    if (const auto log = tx.notices().deliveries(latest.front().id); !log.empty()) {
      last = ports::last_attempt{log.back().at, log.back().outcome, log.back().detail};
    }
  }
  return {{"id", w.id},
          {"url", w.url},
          {"active", w.active},
          {"created_at", domain::format_rfc3339(w.created_at, org.utc_offset_minutes)},
          {"last_delivery", attempt_json(last, org.utc_offset_minutes)}};
}

}  // namespace perkara::api
