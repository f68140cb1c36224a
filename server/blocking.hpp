#pragma once
// Runs a blocking call (database, file system) on a worker pool and resumes the awaiting coroutine on
// its own executor; an exception thrown by the call is re-thrown into the coroutine (code-anchors 9).
//
// Written with async_initiate and plain handlers rather than a lambda coroutine handed to co_spawn:
// GCC 12 destroys the init-captures of such a lambda coroutine twice when its frame is torn down on
// another thread (seen as "free(): invalid pointer" for captured requests with heap-allocated strings).

#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <exception>
#include <type_traits>
#include <utility>

namespace perkara::server {

template <class F>
boost::asio::awaitable<std::invoke_result_t<F&>> run_blocking(boost::asio::thread_pool& pool, F f) {
  using result_t = std::invoke_result_t<F&>;
  static_assert(std::is_default_constructible_v<result_t>, "run_blocking needs a default-constructible result");
  auto initiation = [&pool](auto handler, F fn) {
    auto resume_on = boost::asio::get_associated_executor(handler);
    boost::asio::post(pool, [handler = std::move(handler), fn = std::move(fn), resume_on]() mutable {
      std::exception_ptr error;
      result_t result{};
      try {
        result = fn();
      } catch (...) {
        error = std::current_exception();
      }
      // Back to the coroutine's own executor before resuming it.
      boost::asio::post(resume_on, [handler = std::move(handler), error, result = std::move(result)]() mutable {
        std::move(handler)(error, std::move(result));
      });
    });
  };
  co_return co_await boost::asio::async_initiate<const boost::asio::use_awaitable_t<>,
                                                 void(std::exception_ptr, result_t)>(
      std::move(initiation), boost::asio::use_awaitable, std::move(f));
}

}  // namespace perkara::server
