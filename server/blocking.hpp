#pragma once
// Runs a blocking call (database, file system) on a worker pool and resumes the awaiting coroutine on
// its own executor; an exception thrown by the call is re-thrown into the coroutine.
//
// Deliberately NOT a coroutine itself, unlike the usual co_spawn-a-lambda helper: with GCC 12,
// awaiting a coroutine that takes a lambda with non-trivial captures by value destroys those
// captures twice ("free(): invalid pointer" under ASan; reproduced both with a lambda init-capture
// and with async_initiate inside the coroutine). Returning co_spawn's awaitable directly leaves no
// frame of our own: `f` is moved once into the child's function object, which co_spawn keeps alive
// until the child completes on the pool.

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <type_traits>
#include <utility>

namespace perkara::server {

template <class F>
boost::asio::awaitable<std::invoke_result_t<F&>> run_blocking(boost::asio::thread_pool& pool, F f) {
  return boost::asio::co_spawn(
      pool, [f = std::move(f)]() mutable -> boost::asio::awaitable<std::invoke_result_t<F&>> { co_return f(); },
      boost::asio::use_awaitable);
}

}  // namespace perkara::server
