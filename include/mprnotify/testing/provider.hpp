// mprnotify/testing/provider.hpp - a network provider as the simulated MPR sees it: the NP
// functions it found, by plain name, as function pointers.
//
// Either taken straight from provider_entry_points<Handler> (exactly the functions the
// generated DLL would export: the others stay NULL), or looked up by name in a shared library
// loaded by path, as MPR does with GetProcAddress.
#pragma once

#include <bit>
#include <optional>
#include <type_traits>
#include <string>
#include <utility>

#include "../core/platform.hpp"
#include "../core/platform_provider.hpp"
#include "../core/policy.hpp"
#include "../provider/entry_points.hpp"
#include "../provider/np_functions.hpp"
#include "notifyee.hpp"

namespace mprnotify::testing {

struct provider {
    std::string name;
    platform::np_get_caps_fn get_caps = nullptr; // required: MPR skips a DLL without it
    // One pointer per NP function (provider/np_functions.hpp), named as the entry point; NULL when
    // the provider does not have it.
#define MPRNOTIFY_DETAIL_NP_POINTER(Name, member, ...) platform::np_signature::Name* member = nullptr;
    MPRNOTIFY_NP_FUNCTIONS(MPRNOTIFY_DETAIL_NP_POINTER)
#undef MPRNOTIFY_DETAIL_NP_POINTER

    /// NPGetCaps(index), or 0 without NPGetCaps.
    [[nodiscard]] platform::dword caps(platform::dword index) const
    {
        return get_caps != nullptr ? get_caps(index) : 0;
    }
};

} // namespace mprnotify::testing

namespace mprnotify::detail {

/// `slot` = the library's export named `name`, or NULL.
template <class Function>
void look_up(const testing::shared_library& library, Function& slot, const char* name) noexcept
{
    slot = std::bit_cast<Function>(library.symbol(name));
}

/// Every NP function of `library` but NPGetCaps, by plain name.
inline void look_up_functions(const testing::shared_library& library, testing::provider& p) noexcept
{
#define MPRNOTIFY_DETAIL_NP_LOOK_UP(Name, member, ...) look_up(library, p.member, #Name);
    MPRNOTIFY_NP_FUNCTIONS(MPRNOTIFY_DETAIL_NP_LOOK_UP)
#undef MPRNOTIFY_DETAIL_NP_LOOK_UP
}

} // namespace mprnotify::detail

namespace mprnotify::testing {

/// The NP functions the library generates for Handler, without building a DLL: exactly those the
/// export macro would export.
template <class Handler, class Policy = fail_open>
[[nodiscard]] provider make_provider(std::string name)
{
    using entry = provider_entry_points<Handler, Policy>;
    provider p;
    p.name = std::move(name);
    p.get_caps = &entry::get_caps;
#define MPRNOTIFY_DETAIL_NP_ADOPT(Name, member, ...)                                                                   \
  if constexpr (entry::exports_function(#Name)) {                                                                      \
    p.member = &entry::member;                                                                                         \
  }
    MPRNOTIFY_NP_FUNCTIONS(MPRNOTIFY_DETAIL_NP_ADOPT)
#undef MPRNOTIFY_DETAIL_NP_ADOPT
    return p;
}

/// The NP functions of a loaded library, by plain name; std::nullopt (and `*error`) without NPGetCaps.
[[nodiscard]] inline std::optional<provider> find_provider(const shared_library& library, std::string name,
                                                           std::string* error = nullptr)
{
    provider p;
    p.name = std::move(name);
    detail::look_up(library, p.get_caps, platform::np_name::get_caps);
    if (p.get_caps == nullptr) {
        if (error != nullptr) {
            *error = "missing export: NPGetCaps";
        }
        return std::nullopt;
    }
    detail::look_up_functions(library, p);
    return p;
}

} // namespace mprnotify::testing
