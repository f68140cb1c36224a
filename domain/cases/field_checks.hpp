#pragma once
// One validation vocabulary for every case kind (docs/case-engine.md "One vocabulary"): the checks that
// input of any workflow passes, each adding a field error named as the client sent the field, with the
// same words (Bahasa Indonesia / English) everywhere.

#include "domain/errors.hpp"
#include "domain/time/instant.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace perkara::domain {

inline constexpr std::string_view required_message = "wajib diisi / required";
inline constexpr std::string_view not_empty_message = "tidak boleh kosong / must not be empty";
inline constexpr std::string_view future_message = "tidak boleh di masa depan / must not be in the future";

/// Empty or only white space.
[[nodiscard]] bool blank(std::string_view text);
/// Characters (code points) of UTF-8 text; limits count characters, not bytes.
[[nodiscard]] std::size_t utf8_length(std::string_view text);
/// Loose shape check only: one '@' with something before it and a dotted domain after, no white space.
[[nodiscard]] bool plausible_email(std::string_view text);

/// `text` is not blank (when `required`) and has at most `max` characters.
void check_text(validation& v, std::string_view field, std::string_view text, bool required, std::size_t max);
/// `text` is not blank.
void require_text(validation& v, std::string_view field, std::string_view text);
/// The act at `act` does not lie in the future of `now` (domain/cases/act_date.hpp: the allowed skew).
void check_not_future(validation& v, std::string_view field, instant act, instant now);
/// The act at `act` is not before `earliest`, the fact named `earliest_what` (e.g. "submitted_at").
void check_not_before(validation& v, std::string_view field, instant act, instant earliest,
                      std::string_view earliest_what);
/// An act's date sent as RFC 3339 text: required, well formed, not in the future, not before
/// `earliest` (`earliest_what`); nullopt when absent or not an instant.
std::optional<offset_instant> read_act_time(validation& v, std::string_view field, std::string_view text,
                                            instant earliest, std::string_view earliest_what, instant now);

}  // namespace perkara::domain
