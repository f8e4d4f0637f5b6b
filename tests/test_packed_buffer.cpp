// The checker itself: each way a hand-written packer goes wrong is named, not accepted.
#include <doctest/doctest.h>

#include <mprnotify/testing/packed_buffer.hpp>

#include <cstddef>
#include <cstring>
#include <string>
#include <vector>

using mprnotify::platform::net_resource_w;
using mprnotify::testing::check_packed_resources;
using mprnotify::testing::read_packed_resources;

namespace {

constexpr std::size_t entry_bytes = sizeof(net_resource_w);

/// A buffer with `count` entries at its head and room for strings after them.
struct raw_buffer {
    std::vector<std::byte> bytes;
    explicit raw_buffer(std::size_t size) : bytes(size) {}
    std::byte* data() { return bytes.data(); }
    wchar_t* text_at(std::size_t offset, const wchar_t* text)
    {
        std::memcpy(data() + offset, text, (std::wcslen(text) + 1) * sizeof(wchar_t));
        return reinterpret_cast<wchar_t*>(data() + offset);
    }
    void set(std::size_t index, const net_resource_w& entry)
    {
        std::memcpy(data() + index * entry_bytes, &entry, entry_bytes);
    }
};

} // namespace

TEST_CASE("a well-packed buffer passes and reads back")
{
    constexpr std::size_t w = sizeof(wchar_t);
    raw_buffer buffer{entry_bytes * 2 + 16 * w};
    net_resource_w first{};
    first.lpRemoteName = buffer.text_at(entry_bytes * 2, L"\\\\a\\b");
    first.lpProvider = buffer.text_at(entry_bytes * 2 + 6 * w, L"P");
    net_resource_w second{};
    second.lpRemoteName = buffer.text_at(entry_bytes * 2 + 8 * w, L"");
    second.lpProvider = first.lpProvider; // one string shared by two entries is fine
    buffer.set(0, first);
    buffer.set(1, second);
    CHECK(check_packed_resources(buffer.data(), buffer.bytes.size(), 2) == "");
    const auto back = read_packed_resources(buffer.data(), 2);
    CHECK(back.at(0).remote_name == L"\\\\a\\b");
    CHECK(back.at(1).remote_name == L"");
    CHECK_FALSE(back.at(1).local_name.has_value());
}

TEST_CASE("each defect is reported")
{
    raw_buffer buffer{entry_bytes + 64};
    net_resource_w entry{};
    wchar_t outside[] = L"outside";

    entry.lpRemoteName = outside;
    buffer.set(0, entry);
    CHECK(check_packed_resources(buffer.data(), buffer.bytes.size(), 1) ==
          "entry 0 lpRemoteName points outside the buffer");

    entry.lpRemoteName = reinterpret_cast<wchar_t*>(buffer.data() + 8);
    buffer.set(0, entry);
    CHECK(check_packed_resources(buffer.data(), buffer.bytes.size(), 1) ==
          "entry 0 lpRemoteName points into the array of entries");

    entry.lpRemoteName = reinterpret_cast<wchar_t*>(buffer.data() + entry_bytes + 1);
    buffer.set(0, entry);
    CHECK(check_packed_resources(buffer.data(), buffer.bytes.size(), 1) == "entry 0 lpRemoteName is at an odd offset");

    std::memset(buffer.data() + entry_bytes, 0x41, 64); // no terminator up to the end
    entry.lpRemoteName = reinterpret_cast<wchar_t*>(buffer.data() + entry_bytes);
    buffer.set(0, entry);
    CHECK(check_packed_resources(buffer.data(), buffer.bytes.size(), 1) ==
          "entry 0 lpRemoteName has no terminator inside the buffer");

    entry.lpRemoteName = buffer.text_at(entry_bytes, L"abcdef");
    entry.lpComment = reinterpret_cast<wchar_t*>(buffer.data() + entry_bytes + 2 * sizeof(wchar_t)); // inside "abcdef"
    buffer.set(0, entry);
    CHECK(check_packed_resources(buffer.data(), buffer.bytes.size(), 1).starts_with("two strings overlap"));

    CHECK(check_packed_resources(buffer.data(), entry_bytes - 1, 1).starts_with("the array of 1 entries does not fit"));
    CHECK(check_packed_resources(nullptr, 100, 1) == "entries reported in a NULL buffer");
}
