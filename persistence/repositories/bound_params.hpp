#pragma once
// Internal: the parameters of a statement built at run time (a filtered list), kept at stable
// addresses until it has run, and bound in the order they were added.

#include <soci/soci.h>

#include <deque>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace perkara::persistence::detail {

class bound_params {
 public:
  void text(std::string v) {
    texts_.push_back(std::move(v));
    const std::string* p = &texts_.back();
    binds_.emplace_back([p](soci::statement& st) { st.exchange(soci::use(*p)); });
  }
  void number(long long v) {
    numbers_.push_back(v);
    const long long* p = &numbers_.back();
    binds_.emplace_back([p](soci::statement& st) { st.exchange(soci::use(*p)); });
  }
  void bind(soci::statement& st) const {
    for (const auto& b : binds_) {
      b(st);
    }
  }

 private:
  std::deque<std::string> texts_;
  std::deque<long long> numbers_;
  std::vector<std::function<void(soci::statement&)>> binds_;
};

}  // namespace perkara::persistence::detail
