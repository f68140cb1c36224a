#include "server/notices/smtp_sender.hpp"

#include <curl/curl.h>
#include <fmt/format.h>
#include <sodium.h>

#include <cstring>
#include <ctime>
#include <memory>
#include <stdexcept>

namespace perkara::server::notices {
namespace {

std::string base64_lines(const std::string& data) {
  std::string encoded(sodium_base64_encoded_len(data.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  encoded.resize(std::strlen(encoded.c_str()));
  std::string out;
  for (std::size_t i = 0; i < encoded.size(); i += 76) {
    out += encoded.substr(i, 76) + "\r\n";
  }
  return out;
}

/// An RFC 2047 encoded word, so the subject may hold any UTF-8.
std::string encoded_header(const std::string& text) {
  std::string b64 = base64_lines(text);
  std::string joined;
  for (const char c : b64) {
    if (c != '\r' && c != '\n') joined += c;
  }
  return "=?UTF-8?B?" + joined + "?=";
}

std::string rfc5322_date(domain::instant now) {
  const std::time_t t = static_cast<std::time_t>(now.time_since_epoch().count());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  return buf;
}

bool plain_address(const std::string& a) {
  return !a.empty() && a.find('@') != std::string::npos && a.find_first_of("<>\r\n ,") == std::string::npos;
}

struct upload {
  const std::string* data;
  std::size_t at = 0;
};

std::size_t read_message(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* u = static_cast<upload*>(user);
  const std::size_t n = std::min(size * count, u->data->size() - u->at);
  std::memcpy(buffer, u->data->data() + u->at, n);
  u->at += n;
  return n;
}

void global_init() {
  static const bool done = [] {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    return true;
  }();
  (void)done;
}

}  // namespace

std::string mime_message(const ports::queued_notice& n, const std::string& from, const delivery_context& context) {
  const std::string boundary = "perkara-" + n.idempotency_key;
  std::string m;
  m += "From: " + from + "\r\n";
  m += "To: " + n.recipient + "\r\n";
  m += "Subject: " + encoded_header(n.subject) + "\r\n";
  m += "Date: " + rfc5322_date(context.now) + "\r\n";
  // The receiver's duplicate check: the same on every retry of this notice.
  m += "Message-ID: <" + n.idempotency_key + "@perkara>\r\n";
  m += "X-Perkara-Idempotency-Key: " + n.idempotency_key + "\r\n";
  m += "Content-Language: id, en\r\n";
  m += "MIME-Version: 1.0\r\n";
  m += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n";
  m += "--" + boundary + "\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
  m += base64_lines(with_base_url(n.body_text, context.base_url));
  m += "--" + boundary + "\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
  m += base64_lines(with_base_url(n.body_html, context.base_url));
  m += "--" + boundary + "--\r\n";
  return m;
}

smtp_sender::smtp_sender(smtp_config config) : config_(std::move(config)) {
  global_init();
  const auto& url = config_.url;
  if (url.rfind("smtp+starttls://", 0) == 0) {
    curl_url_ = "smtp://" + url.substr(std::strlen("smtp+starttls://"));
    require_tls_ = true;
  } else if (url.rfind("smtp://", 0) == 0 || url.rfind("smtps://", 0) == 0) {
    curl_url_ = url;
  } else {
    throw std::invalid_argument("--smtp needs smtp://HOST:PORT, smtp+starttls://HOST:PORT or smtps://HOST:PORT");
  }
  if (!plain_address(config_.mail_from)) {
    throw std::invalid_argument("--mail-from needs an email address, e.g. ppid@example.go.id");
  }
}

delivery_result smtp_sender::send(const ports::queued_notice& notice, const delivery_context& context) {
  if (!plain_address(notice.recipient)) {
    return {false, true, "not an email address"};
  }
  const std::string message = mime_message(notice, config_.mail_from, context);
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
  if (!curl) return {false, false, "curl_easy_init failed"};
  const std::string from = "<" + config_.mail_from + ">";
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> rcpt(
      curl_slist_append(nullptr, ("<" + notice.recipient + ">").c_str()), &curl_slist_free_all);
  upload body{&message};
  char error[CURL_ERROR_SIZE] = {};
  CURL* h = curl.get();
  curl_easy_setopt(h, CURLOPT_URL, curl_url_.c_str());
  curl_easy_setopt(h, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt.get());
  curl_easy_setopt(h, CURLOPT_READFUNCTION, &read_message);
  curl_easy_setopt(h, CURLOPT_READDATA, &body);
  curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(h, CURLOPT_USE_SSL, static_cast<long>(require_tls_ ? CURLUSESSL_ALL : CURLUSESSL_TRY));
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, static_cast<long>(config_.connect_timeout.count()));
  curl_easy_setopt(h, CURLOPT_TIMEOUT, static_cast<long>(config_.timeout.count()));
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error);
  const CURLcode rc = curl_easy_perform(h);
  long code = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
  if (rc == CURLE_OK) {
    return {true, false, fmt::format("{} accepted", code)};
  }
  // A 5xx answer is the server's final word on this message (no such mailbox...); anything else
  // (refused, timed out, 4xx) may pass on a later attempt.
  const bool permanent = code >= 500 && code < 600;
  return {false, permanent, fmt::format("{}{}: {}", code ? fmt::format("{} ", code) : std::string(),
                                        curl_easy_strerror(rc), error)};
}

}  // namespace perkara::server::notices
