#pragma once
// Password hashing (argon2id via libsodium crypto_pwhash_str) and session tokens (256 random bits,
// stored only as their SHA-256).

#include <string>
#include <string_view>

namespace perkara::api {

/// Initialises libsodium once; safe to call from any thread.
void init_crypto();

std::string hash_password(std::string_view password);
bool verify_password(std::string_view password, const std::string& hash);

/// 32 random bytes, hex encoded (64 characters).
std::string new_session_token();
/// Lower-case hex SHA-256 of `text`.
std::string sha256_hex(std::string_view text);
/// The token's SHA-256 (sha256_hex): what the database stores.
inline std::string token_hash(std::string_view token) { return sha256_hex(token); }
/// `bytes` random bytes, hex encoded (ids, request ids, demo passwords).
std::string random_hex(std::size_t bytes);
/// A random password that is easy to type: 4 groups of 4 lower-case letters and digits.
std::string random_password();

}  // namespace perkara::api
