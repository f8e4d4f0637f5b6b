// mprnotify/testing/notifyee.hpp - a notifyee as the simulated MPR sees it: two function pointers.
//
// Either taken straight from entry_points<Handler> (no DLL needed), or looked up by plain name in a
// shared library / DLL loaded by path, exactly as MPR does.
#pragma once

#include <bit>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>

#include "../notifyee/entry_points.hpp"
#include "../core/platform.hpp"
#include "../core/unique_handle.hpp"

#if !MPRNOTIFY_PLATFORM_WINDOWS
#  include <dlfcn.h>
#endif

namespace mprnotify::detail {
#if MPRNOTIFY_PLATFORM_WINDOWS
using module_handle = HMODULE;
inline void close_module(HMODULE module) noexcept { ::FreeLibrary(module); }
#else
using module_handle = void*;
inline void close_module(void* module) noexcept { ::dlclose(module); }
#endif
} // namespace mprnotify::detail

namespace mprnotify::testing {

struct notifyee {
    std::string name;
    platform::add_connect_notify_fn add_connect_notify = nullptr;
    platform::cancel_connect_notify_fn cancel_connect_notify = nullptr;
};

/// The entry points the library generates for Handler, without building a DLL.
template <class Handler, class Policy = fail_open>
[[nodiscard]] notifyee make_notifyee(std::string name)
{
    return notifyee{std::move(name), &entry_points<Handler, Policy>::add_connect_notify,
                    &entry_points<Handler, Policy>::cancel_connect_notify};
}

/// A shared library (a DLL on Windows) loaded by path; unloaded when destroyed.
class shared_library {
public:
    /// Loads `path`; std::nullopt with `*error` set when it cannot be loaded.
    [[nodiscard]] static std::optional<shared_library> open(const std::filesystem::path& path,
                                                            std::string* error = nullptr)
    {
#if MPRNOTIFY_PLATFORM_WINDOWS
        HMODULE module = ::LoadLibraryW(path.wstring().c_str());
        if (module == nullptr) {
            set(error,
                "LoadLibraryW failed for " + path.string() + " (error " + std::to_string(::GetLastError()) + ")");
            return std::nullopt;
        }
        return shared_library{module};
#else
        void* module = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (module == nullptr) {
            const char* reason = ::dlerror();
            set(error, reason != nullptr ? reason : "dlopen failed");
            return std::nullopt;
        }
        return shared_library{module};
#endif
    }

    /// The address of an exported symbol looked up by its exact, plain name; nullptr if absent.
    [[nodiscard]] void* symbol(const char* name) const noexcept
    {
#if MPRNOTIFY_PLATFORM_WINDOWS
        return std::bit_cast<void*>(::GetProcAddress(module_.get(), name));
#else
        return ::dlsym(module_.get(), name);
#endif
    }

    /// Both functions MPR needs, by plain name; std::nullopt (and `*error`) when one is missing.
    [[nodiscard]] std::optional<notifyee> functions(std::string name, std::string* error = nullptr) const
    {
        void* add = symbol(platform::add_connect_notify_name);
        void* cancel = symbol(platform::cancel_connect_notify_name);
        if (add == nullptr || cancel == nullptr) {
            set(error, std::string{"missing export: "} +
                           (add == nullptr ? platform::add_connect_notify_name : platform::cancel_connect_notify_name));
            return std::nullopt;
        }
        return notifyee{std::move(name), std::bit_cast<platform::add_connect_notify_fn>(add),
                        std::bit_cast<platform::cancel_connect_notify_fn>(cancel)};
    }

private:
    explicit shared_library(::mprnotify::detail::module_handle module) noexcept : module_(module) {}

    static void set(std::string* error, std::string text)
    {
        if (error != nullptr) {
            *error = std::move(text);
        }
    }

    unique_handle<::mprnotify::detail::module_handle, &::mprnotify::detail::close_module>
        module_; // unloaded once, when destroyed
};

} // namespace mprnotify::testing
