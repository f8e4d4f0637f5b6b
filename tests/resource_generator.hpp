// Test support: random resource sets for the packing property tests (a fixed seed per test case,
// so a failure reproduces).
#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <mprnotify/provider/net_resource.hpp>

namespace test_support {

/// A random string field: absent, empty, or up to `max_length` characters (some outside the BMP
/// halves and some that look like terminators' neighbours).
inline std::optional<std::wstring> random_text(std::mt19937& random, std::size_t max_length)
{
    const unsigned kind = random() % 8;
    if (kind == 0 || kind == 1) {
        return std::nullopt;
    }
    if (kind == 2) {
        return std::wstring{};
    }
    std::wstring text(random() % (max_length + 1), L'x');
    for (wchar_t& c : text) {
        c = static_cast<wchar_t>(1 + random() % 0xD7FF); // never NUL: a NUL would end the string early
    }
    return text;
}

/// A random resource; its strings up to `max_length` characters.
inline mprnotify::net_resource random_resource(std::mt19937& random, std::size_t max_length = 40)
{
    mprnotify::net_resource resource;
    resource.scope = static_cast<mprnotify::resource_scope>(1 + random() % 6);
    resource.type = static_cast<mprnotify::resource_type>(random() % 3);
    resource.display_type = static_cast<mprnotify::display_type>(random() % 12);
    resource.usage = static_cast<mprnotify::resource_usage>(random() % 32);
    resource.local_name = random_text(random, 3);
    resource.remote_name = random_text(random, max_length);
    resource.comment = random_text(random, max_length);
    resource.provider = random_text(random, 20);
    return resource;
}

/// Up to `max_count` random resources.
inline std::vector<mprnotify::net_resource> random_resources(std::mt19937& random, std::size_t max_count)
{
    std::vector<mprnotify::net_resource> resources(random() % (max_count + 1));
    for (auto& resource : resources) {
        resource = random_resource(random);
    }
    return resources;
}

} // namespace test_support
