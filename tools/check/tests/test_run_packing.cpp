// The --run packing validator on buffers built by hand: what MPR reads after NPEnumResource,
// NPGetUniversalName and NPGetResourceInformation.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include <mprnotify/core/platform.hpp>

#include "../run/packing.hpp"

namespace {

using mprcheck::run::check_name_info;
using mprcheck::run::check_net_resources;
using mprcheck::run::string_at;
using entry = mprnotify::platform::net_resource_w;

/// A buffer laid out as a provider packs it: entries first, strings after them.
struct packed {
    alignas(8) std::array<std::byte, 512> bytes{};
    std::size_t next = 0;

    explicit packed(std::size_t fixed) : next(fixed) {}
    std::byte* base() { return bytes.data(); }
    entry* entries() { return reinterpret_cast<entry*>(bytes.data()); }
    /// Copies `text` with its terminator at the next free place; returns where.
    wchar_t* put(const std::wstring& text)
    {
        auto* at = reinterpret_cast<wchar_t*>(bytes.data() + next);
        std::memcpy(at, text.c_str(), (text.size() + 1) * sizeof(wchar_t));
        next += (text.size() + 1) * sizeof(wchar_t);
        return at;
    }
    [[nodiscard]] std::span<const std::byte> used(std::size_t size) const { return {bytes.data(), size}; }
};

bool mentions(const mprcheck::run::packing_result& result, const std::string& text)
{
    return std::any_of(result.problems.begin(), result.problems.end(),
                       [&](const std::string& p) { return p.find(text) != std::string::npos; });
}

} // namespace

TEST_CASE("two entries packed as MPR reads them pass, and the bytes used are counted")
{
    packed buffer{2 * sizeof(entry)};
    buffer.entries()[0].lpRemoteName = buffer.put(L"\\\\lab\\docs");
    buffer.entries()[0].lpProvider = buffer.put(L"Lab");
    buffer.entries()[1].lpRemoteName = buffer.put(L"\\\\lab\\music");
    buffer.entries()[1].lpProvider = buffer.entries()[0].lpProvider; // one string shared by two fields
    const auto result = check_net_resources(buffer.used(buffer.bytes.size()), 2);
    CHECK(result.ok());
    CHECK(result.bytes_used == buffer.next);
    CHECK(string_at(buffer.used(buffer.bytes.size()),
                    reinterpret_cast<std::uintptr_t>(buffer.entries()[1].lpRemoteName)) == L"\\\\lab\\music");
}

TEST_CASE("a pointer outside the buffer, into the entries, or to a static string is a problem")
{
    static wchar_t outside[] = L"\\\\elsewhere\\share";
    packed buffer{2 * sizeof(entry)};
    buffer.entries()[0].lpRemoteName = outside;
    buffer.entries()[1].lpRemoteName = reinterpret_cast<wchar_t*>(buffer.base() + sizeof(entry)); // inside entry 1
    const auto result = check_net_resources(buffer.used(buffer.bytes.size()), 2);
    CHECK(mentions(result, "entry 0 lpRemoteName points outside the buffer"));
    CHECK(mentions(result, "entry 1 lpRemoteName points into the structures"));
}

TEST_CASE("a string cut by the buffer's end is not terminated")
{
    packed buffer{sizeof(entry)};
    buffer.entries()[0].lpRemoteName = buffer.put(L"\\\\lab\\docs");
    const std::size_t cut = buffer.next - sizeof(wchar_t); // the terminator falls outside
    CHECK(mentions(check_net_resources(buffer.used(cut), 1), "not terminated"));
    CHECK(check_net_resources(buffer.used(buffer.next), 1).ok());
}

TEST_CASE("partly overlapping strings and a string at an odd offset are problems")
{
    packed buffer{sizeof(entry)};
    wchar_t* remote = buffer.put(L"\\\\lab\\docs");
    buffer.entries()[0].lpRemoteName = remote;
    buffer.entries()[0].lpComment = remote + 2; // the tail of the remote name
    CHECK(mentions(check_net_resources(buffer.used(buffer.bytes.size()), 1), "overlaps"));

    packed odd{sizeof(entry)};
    odd.put(L"x");
    odd.entries()[0].lpRemoteName = reinterpret_cast<wchar_t*>(odd.base() + odd.next + 1);
    CHECK(mentions(check_net_resources(odd.used(odd.bytes.size()), 1), "odd offset"));
}

TEST_CASE("more entries than the buffer holds is a problem, not a read past it")
{
    packed buffer{0};
    CHECK(mentions(check_net_resources(buffer.used(sizeof(entry) + 1), 2), "do not fit"));
    CHECK(check_net_resources(buffer.used(0), 0).ok());
}

TEST_CASE("REMOTE_NAME_INFO: three pointers after the structure")
{
    constexpr std::array<const char*, 3> names{"lpUniversalName", "lpConnectionName", "lpRemainingPath"};
    packed buffer{3 * sizeof(void*)};
    std::array<wchar_t*, 3> fields{buffer.put(L"\\\\lab\\docs\\a.txt"), buffer.put(L"\\\\lab\\docs"),
                                   buffer.put(L"\\a.txt")};
    std::memcpy(buffer.base(), fields.data(), sizeof fields);
    CHECK(check_name_info(buffer.used(buffer.next), names).ok());

    fields[2] = nullptr; // NULL is allowed
    std::memcpy(buffer.base(), fields.data(), sizeof fields);
    CHECK(check_name_info(buffer.used(buffer.next), names).ok());

    CHECK(mentions(check_name_info(buffer.used(2 * sizeof(void*)), names), "does not fit"));
}
