#include "api/auth/crypto.hpp"

#include <sodium.h>

#include <array>
#include <stdexcept>
#include <vector>

namespace perkara::api {
namespace {

std::string to_hex(const unsigned char* data, std::size_t size) {
  std::string out(size * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, size);
  out.pop_back();
  return out;
}

}  // namespace

void init_crypto() {
  if (sodium_init() < 0) {
    throw std::runtime_error("libsodium could not be initialised");
  }
}

std::string hash_password(std::string_view password) {
  init_crypto();
  std::array<char, crypto_pwhash_STRBYTES> out{};
  // Interactive limits: about 64 MiB and ~0.1 s per hash, the libsodium recommendation for logins.
  if (crypto_pwhash_str(out.data(), password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  return std::string{out.data()};
}

bool verify_password(std::string_view password, const std::string& hash) {
  init_crypto();
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string random_hex(std::size_t bytes) {
  init_crypto();
  std::vector<unsigned char> buf(bytes);
  randombytes_buf(buf.data(), buf.size());
  return to_hex(buf.data(), buf.size());
}

std::string new_session_token() { return random_hex(32); }

std::string sha256_hex(std::string_view text) {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(text.data()), text.size());
  return to_hex(digest.data(), digest.size());
}

std::string random_password() {
  init_crypto();
  static constexpr std::string_view alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  std::string out;
  for (int group = 0; group < 4; ++group) {
    if (group > 0) {
      out += '-';
    }
    for (int i = 0; i < 4; ++i) {
      out += alphabet[randombytes_uniform(static_cast<std::uint32_t>(alphabet.size()))];
    }
  }
  return out;
}

}  // namespace perkara::api
