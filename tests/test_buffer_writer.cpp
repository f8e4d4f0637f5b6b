// The buffer rules, on their own: units, WN_MORE_DATA and the size it reports, no write past the
// needed bytes, NUL termination, packed UNIVERSAL_NAME_INFO / REMOTE_NAME_INFO at any alignment.
#include <doctest/doctest.h>

#include <mprnotify/detail/provider/buffer_writer.hpp>

#include <cstddef>
#include <cstring>
#include <string>
#include <vector>

using mprnotify::wn_status;
using mprnotify::detail::check_output;
using mprnotify::detail::universal_name_bytes;
using mprnotify::detail::write_characters;
using mprnotify::detail::write_universal_name;
namespace platform = mprnotify::platform;

namespace {

constexpr unsigned char canary = 0xA5;

/// A byte buffer with canaries before and after the part handed out.
struct guarded {
    std::vector<unsigned char> bytes;
    std::size_t offset;
    std::size_t size;
    guarded(std::size_t size_, std::size_t misalign = 0)
        : bytes(size_ + 64 + misalign, canary), offset(32 + misalign), size(size_)
    {
    }
    void* data() { return bytes.data() + offset; }
    /// Bytes of the handed-out part still holding the canary, counted from `from`.
    [[nodiscard]] bool untouched(std::size_t from, std::size_t to) const
    {
        for (std::size_t i = from; i < to; ++i) {
            if (bytes[offset + i] != canary) {
                return false;
            }
        }
        return true;
    }
    [[nodiscard]] bool guards_intact() const
    {
        for (std::size_t i = 0; i < offset; ++i) {
            if (bytes[i] != canary) {
                return false;
            }
        }
        for (std::size_t i = offset + size; i < bytes.size(); ++i) {
            if (bytes[i] != canary) {
                return false;
            }
        }
        return true;
    }
};

std::wstring read_wide(const void* at)
{
    std::wstring text;
    const auto* p = static_cast<const unsigned char*>(at);
    for (;; p += sizeof(wchar_t)) {
        wchar_t c{};
        std::memcpy(&c, p, sizeof c);
        if (c == L'\0') {
            return text;
        }
        text += c;
    }
}

const void* read_pointer(const void* at)
{
    const void* p = nullptr;
    std::memcpy(&p, at, sizeof p);
    return p;
}

} // namespace

TEST_CASE("check_output: NULL size, NULL buffer with a size, a size query")
{
    platform::dword size = 4;
    wchar_t buffer[4];
    CHECK(check_output(buffer, nullptr) == wn_status::bad_pointer);
    CHECK(check_output(nullptr, &size) == wn_status::bad_pointer);
    size = 0;
    CHECK_FALSE(check_output(nullptr, &size).has_value());
    size = 0xFFFFFFFFU;
    CHECK_FALSE(check_output(buffer, &size).has_value());
}

TEST_CASE("write_characters: the size is in characters, the NUL counts, nothing past the text")
{
    const std::wstring text = L"\\\\home\\docs";
    const platform::dword needed = static_cast<platform::dword>(text.size() + 1);
    for (platform::dword given : {platform::dword{0}, platform::dword{1}, needed - 1, needed, needed + 5}) {
        CAPTURE(given);
        guarded buffer(given * sizeof(wchar_t));
        platform::dword size = given;
        const wn_status status = write_characters(text, static_cast<wchar_t*>(buffer.data()), &size);
        CHECK(buffer.guards_intact());
        if (given < needed) {
            CHECK(status == wn_status::more_data);
            CHECK(size == needed);
            CHECK(buffer.untouched(0, given * sizeof(wchar_t)));
        } else {
            CHECK(status == wn_status::success);
            CHECK(size == given);
            CHECK(read_wide(buffer.data()) == text);
            CHECK(buffer.untouched(needed * sizeof(wchar_t), given * sizeof(wchar_t)));
        }
    }
}

TEST_CASE("write_characters: a NULL buffer of size 0 is a size query; the empty text needs one character")
{
    platform::dword size = 0;
    CHECK(write_characters(L"abc", nullptr, &size) == wn_status::more_data);
    CHECK(size == 4);
    wchar_t one = L'x';
    size = 1;
    CHECK(write_characters(L"", &one, &size) == wn_status::success);
    CHECK(one == L'\0');
}

TEST_CASE("write_characters: an odd buffer address is written without undefined behaviour")
{
    guarded buffer(32, 1);
    platform::dword size = 16;
    // The writer is handed an address no wchar_t could live at; it only copies bytes there.
    CHECK(write_characters(L"Z:", static_cast<wchar_t*>(buffer.data()), &size) == wn_status::success);
    CHECK(read_wide(buffer.data()) == L"Z:");
    CHECK(buffer.guards_intact());
}

TEST_CASE("universal_name_bytes: the structure, then each string with its NUL")
{
    const std::size_t ptr = sizeof(void*);
    CHECK(universal_name_bytes(platform::universal_name_info_level, 10, 5) == ptr + 16 * sizeof(wchar_t));
    CHECK(universal_name_bytes(platform::remote_name_info_level, 10, 5) == 3 * ptr + (16 + 11 + 6) * sizeof(wchar_t));
    CHECK(mprnotify::detail::known_universal_name_level(1));
    CHECK(mprnotify::detail::known_universal_name_level(2));
    CHECK_FALSE(mprnotify::detail::known_universal_name_level(0));
    CHECK_FALSE(mprnotify::detail::known_universal_name_level(3));
}

TEST_CASE("write_universal_name: UNIVERSAL_NAME_INFO, every size around the needed one, at any alignment")
{
    const std::wstring connection = L"\\\\home\\docs";
    const std::wstring rest = L"\\letters\\a.txt";
    const auto needed = static_cast<platform::dword>(
        universal_name_bytes(platform::universal_name_info_level, connection.size(), rest.size()));
    for (std::size_t misalign : {0U, 1U, 2U, 3U}) {
        for (platform::dword given : {platform::dword{0}, platform::dword{1}, needed - 1, needed, needed + 7}) {
            CAPTURE(misalign);
            CAPTURE(given);
            guarded buffer(given, misalign);
            platform::dword size = given;
            const wn_status status =
                write_universal_name(platform::universal_name_info_level, connection, rest, buffer.data(), &size);
            CHECK(buffer.guards_intact());
            if (given < needed) {
                CHECK(status == wn_status::more_data);
                CHECK(size == needed);
                CHECK(buffer.untouched(0, given));
                continue;
            }
            REQUIRE(status == wn_status::success);
            CHECK(size == given);
            const void* universal = read_pointer(buffer.data());
            const auto* base = static_cast<const unsigned char*>(buffer.data());
            CHECK(universal == base + sizeof(void*)); // right after the structure
            CHECK(read_wide(universal) == connection + rest);
            CHECK(buffer.untouched(needed, given));
        }
    }
}

TEST_CASE("write_universal_name: REMOTE_NAME_INFO points into the buffer, strings in order after the structure")
{
    const std::wstring connection = L"\\\\home\\docs";
    const std::wstring rest = L"\\a.txt";
    const auto needed = static_cast<platform::dword>(
        universal_name_bytes(platform::remote_name_info_level, connection.size(), rest.size()));
    guarded buffer(needed);
    platform::dword size = needed;
    REQUIRE(write_universal_name(platform::remote_name_info_level, connection, rest, buffer.data(), &size) ==
            wn_status::success);
    const auto* base = static_cast<const unsigned char*>(buffer.data());
    const void* universal = read_pointer(base);
    const void* connection_name = read_pointer(base + sizeof(void*));
    const void* remaining = read_pointer(base + 2 * sizeof(void*));
    CHECK(universal == base + 3 * sizeof(void*));
    CHECK(read_wide(universal) == connection + rest);
    CHECK(read_wide(connection_name) == connection);
    CHECK(read_wide(remaining) == rest);
    CHECK(static_cast<const unsigned char*>(remaining) + (rest.size() + 1) * sizeof(wchar_t) == base + needed);
    CHECK(buffer.guards_intact());

    platform::dword query = 0;
    CHECK(write_universal_name(platform::remote_name_info_level, connection, L"", nullptr, &query) ==
          wn_status::more_data);
    CHECK(query == universal_name_bytes(platform::remote_name_info_level, connection.size(), 0));
}
