// mprnotify/detail/core/steady_clock.hpp - std::chrono::duration and steady_clock without all of
// <chrono>.
//
// C++20's <chrono> also holds the calendar, time zones and their formatting (in libstdc++ it
// includes <sstream>), which a provider's translation unit would parse for nothing. libstdc++ keeps
// durations and clocks in an internal header of its own, which <mutex> and <thread> include too;
// any other standard library, a libstdc++ before release 12 (the one this was checked with) or one
// without that header gets <chrono>.
#pragma once

#include <version> // defines __GLIBCXX__ under libstdc++

#if defined(__GLIBCXX__)
#  if _GLIBCXX_RELEASE >= 12 && __has_include(<bits/chrono.h>)
#    include <bits/chrono.h>
#  endif
#endif
#if !defined(_GLIBCXX_CHRONO_H)
#  include <chrono>
#endif
