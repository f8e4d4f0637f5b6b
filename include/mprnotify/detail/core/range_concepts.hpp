// mprnotify/detail/core/range_concepts.hpp - the standard range concepts and range access
// (std::ranges::input_range, iterator_t, begin, next, ...) without all of <ranges>.
//
// <ranges> also holds every view and adaptor, which a provider's translation unit would parse for
// nothing: in libstdc++ about 4 300 lines. libstdc++ declares the concepts and range access in a
// header that <string_view> includes, and marks it with _GLIBCXX_RANGES_BASE_H; any other standard
// library, a libstdc++ before release 12 (the one this was checked with) or one that moves them gets
// <ranges>.
#pragma once

#include <string_view>

#if !defined(_GLIBCXX_RANGES_BASE_H)
#  include <ranges>
#elif _GLIBCXX_RELEASE < 12
#  include <ranges>
#endif
