#include <doctest/doctest.h>

#include <mprnotify/provider/resource_packing.hpp>
#include <mprnotify/testing/packed_buffer.hpp>

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "resource_generator.hpp"

using mprnotify::net_resource;
using mprnotify::packed_size;
using mprnotify::resource_array_packer;
using mprnotify::view_of;
using mprnotify::testing::check_packed_resources;
using mprnotify::testing::read_packed_resources;

namespace {

constexpr std::size_t entry_bytes = sizeof(mprnotify::platform::net_resource_w);
constexpr std::byte guard{0xA5};

/// A buffer of `bytes` bytes starting `misalign` bytes into an allocation, with guard bytes on
/// both sides that must survive whatever is packed into it.
struct guarded_buffer {
    std::vector<std::byte> storage;
    std::size_t misalign;
    std::size_t bytes;
    guarded_buffer(std::size_t size, std::size_t offset)
        : storage(size + 64 + offset, guard), misalign(offset), bytes(size)
    {
    }
    std::byte* data() { return storage.data() + 32 + misalign; }
    [[nodiscard]] bool guards_intact() const
    {
        const auto intact = [](auto first, auto last) {
            return std::all_of(first, last, [](std::byte b) { return b == guard; });
        };
        return intact(storage.begin(), storage.begin() + 32 + static_cast<std::ptrdiff_t>(misalign)) &&
               intact(storage.end() - 32, storage.end());
    }
};

net_resource share(const wchar_t* remote, const wchar_t* comment = nullptr)
{
    net_resource resource;
    resource.type = mprnotify::resource_type::disk;
    resource.display_type = mprnotify::display_type::share;
    resource.usage = mprnotify::resource_usage::connectable;
    resource.remote_name = remote;
    if (comment != nullptr) {
        resource.comment = comment;
    }
    resource.provider = L"Home Network";
    return resource;
}

} // namespace

TEST_CASE("one entry: the structure at the head, its strings at the tail, NULL and empty kept apart")
{
    net_resource resource = share(L"\\\\home\\music", L"");
    const std::size_t needed = packed_size(view_of(resource));
    CHECK(needed ==
          entry_bytes + (std::wcslen(L"\\\\home\\music") + 1 + 1 + std::wcslen(L"Home Network") + 1) * sizeof(wchar_t));

    guarded_buffer buffer{needed + 100, 0};
    resource_array_packer packer{buffer.data(), buffer.bytes};
    REQUIRE(packer.append(view_of(resource)));
    CHECK(packer.count() == 1);
    CHECK(check_packed_resources(buffer.data(), buffer.bytes, 1).empty());
    const auto back = read_packed_resources(buffer.data(), 1);
    CHECK(back.at(0) == resource);
    CHECK_FALSE(back[0].local_name.has_value()); // NULL stays NULL
    REQUIRE(back[0].comment.has_value());        // L"" stays L""
    CHECK(back[0].comment->empty());
    // The strings are at the very end of the buffer, after 100 free bytes.
    CHECK(packer.free_bytes() == 100);
    CHECK(buffer.guards_intact());
}

TEST_CASE("an entry that does not fit whole is not written at all; one byte more and it is")
{
    const net_resource resource = share(L"\\\\home\\photos", L"pictures");
    const std::size_t needed = packed_size(view_of(resource));
    guarded_buffer too_small{needed - 1, 0};
    std::vector<std::byte> before = too_small.storage;
    resource_array_packer packer{too_small.data(), too_small.bytes};
    CHECK_FALSE(packer.append(view_of(resource)));
    CHECK(packer.count() == 0);
    CHECK(too_small.storage == before);

    guarded_buffer exact{needed, 0};
    resource_array_packer fits{exact.data(), exact.bytes};
    CHECK(fits.append(view_of(resource)));
    CHECK(fits.free_bytes() == 0);
    CHECK(check_packed_resources(exact.data(), exact.bytes, 1).empty());
    CHECK(exact.guards_intact());
}

TEST_CASE("a buffer at an odd address and of an odd size is written without unaligned access")
{
    const net_resource resource = share(L"\\\\home\\odd");
    const std::size_t needed = packed_size(view_of(resource));
    guarded_buffer buffer{needed + sizeof(wchar_t) - 1, 1};
    resource_array_packer packer{buffer.data(), buffer.bytes};
    REQUIRE(packer.append(view_of(resource)));
    CHECK(check_packed_resources(buffer.data(), buffer.bytes, 1).empty());
    CHECK(read_packed_resources(buffer.data(), 1).at(0) == resource);
    CHECK(buffer.guards_intact());
}

TEST_CASE("a NULL buffer of size 0 packs nothing")
{
    resource_array_packer packer{nullptr, 0};
    CHECK_FALSE(packer.append(view_of(share(L"\\\\home\\x"))));
    CHECK(packer.count() == 0);
}

TEST_CASE("resource information: the structure, its strings and the system string in one buffer")
{
    net_resource resource = share(L"\\\\home\\music");
    const mprnotify::text_field system{std::wstring_view{L"\\albums\\2024"}};
    const std::size_t needed = packed_size(view_of(resource)) + (std::wcslen(L"\\albums\\2024") + 1) * sizeof(wchar_t);

    guarded_buffer too_small{needed - 1, 0};
    wchar_t* system_out = reinterpret_cast<wchar_t*>(&too_small); // must stay untouched on failure
    wchar_t* const untouched = system_out;
    auto result =
        mprnotify::pack_resource_information(view_of(resource), system, too_small.data(), too_small.bytes, &system_out);
    CHECK(result.needed == needed);
    CHECK_FALSE(result.written);
    CHECK(system_out == untouched);

    guarded_buffer exact{needed, 0};
    result = mprnotify::pack_resource_information(view_of(resource), system, exact.data(), exact.bytes, &system_out);
    CHECK(result.written);
    CHECK(check_packed_resources(exact.data(), exact.bytes, 1, {system_out}).empty());
    CHECK(std::wstring_view{system_out} == L"\\albums\\2024");
    CHECK(read_packed_resources(exact.data(), 1).at(0) == resource);
    CHECK(exact.guards_intact());

    // No remainder: the system pointer becomes NULL.
    result =
        mprnotify::pack_resource_information(view_of(resource), std::nullopt, exact.data(), exact.bytes, &system_out);
    CHECK(result.written);
    CHECK(system_out == nullptr);
}

namespace {
struct named {
    static constexpr std::wstring_view provider_name = L"Home Network";
};
using with_default = mprnotify::default_provider<named>;
} // namespace

TEST_CASE("a default provider: written where a resource has none; an own provider, even empty, is kept")
{
    net_resource absent = share(L"\\\\home\\music");
    absent.provider.reset();
    net_resource own = share(L"\\\\home\\photos");
    own.provider = L"Other Network";
    net_resource empty = share(L"\\\\home\\docs");
    empty.provider = L"";
    // The default's bytes count in the size WN_MORE_DATA reports; without a default NULL takes none.
    CHECK(packed_size<with_default>(view_of(absent)) ==
          packed_size(view_of(absent)) + (std::wcslen(L"Home Network") + 1) * sizeof(wchar_t));
    CHECK(packed_size<with_default>(view_of(own)) == packed_size(view_of(own)));

    const std::size_t needed = packed_size<with_default>(view_of(absent)) + packed_size<with_default>(view_of(own)) +
                               packed_size<with_default>(view_of(empty));
    guarded_buffer short_one{needed - 1, 1};
    mprnotify::basic_resource_array_packer<with_default> packer{short_one.data(), short_one.bytes};
    CHECK(packer.append(view_of(absent)));
    CHECK(packer.append(view_of(own)));
    CHECK_FALSE(packer.append(view_of(empty))); // its exact size, not the default's, is what counts
    CHECK(short_one.guards_intact());

    guarded_buffer buffer{needed, 1};
    mprnotify::basic_resource_array_packer<with_default> exact{buffer.data(), buffer.bytes};
    REQUIRE(exact.append(view_of(absent)));
    REQUIRE(exact.append(view_of(own)));
    REQUIRE(exact.append(view_of(empty)));
    CHECK(exact.free_bytes() == 0);
    CHECK(check_packed_resources(buffer.data(), buffer.bytes, 3).empty());
    const auto back = read_packed_resources(buffer.data(), 3);
    CHECK(back.at(0).provider == std::optional<std::wstring>{L"Home Network"});
    CHECK(back.at(1).provider == std::optional<std::wstring>{L"Other Network"});
    CHECK(back.at(2).provider == std::optional<std::wstring>{L""});
    CHECK(back.at(0).remote_name == absent.remote_name);
    CHECK(buffer.guards_intact());

    // Resource information takes the same default.
    guarded_buffer information{packed_size<with_default>(view_of(absent)), 0};
    wchar_t* system_out = nullptr;
    const auto result = mprnotify::pack_resource_information<with_default>(
        view_of(absent), std::nullopt, information.data(), information.bytes, &system_out);
    REQUIRE(result.written);
    CHECK(read_packed_resources(information.data(), 1).at(0).provider == std::optional<std::wstring>{L"Home Network"});
}

// The property: for any resource set, buffer size, alignment and requested count, repeated batches
// (as NPEnumResource makes them) deliver every entry once, in order, each batch readable by MPR's
// rules, never writing outside the buffer, each batch as full as the rule allows.
TEST_CASE("property: random resource sets through random buffers come back whole and in order")
{
    std::mt19937 random{20261129};
    std::size_t batches = 0;
    for (int round = 0; round < 4000; ++round) {
        const std::vector<net_resource> resources = test_support::random_resources(random, 24);
        std::size_t largest = 0;
        for (const auto& r : resources) {
            largest = (std::max)(largest, packed_size(view_of(r)));
        }
        // From one byte short of the largest entry up to several entries' worth.
        const std::size_t bytes = largest + random() % (3 * largest + 2) - (largest > 0 ? 1 : 0);
        const std::size_t misalign = random() % 3;
        const std::size_t requested = random() % 4 == 0 ? SIZE_MAX : 1 + random() % 5;
        INFO("round " << round << ", " << resources.size() << " resources, " << bytes << " bytes, misalign " << misalign
                      << ", count " << requested);

        std::vector<net_resource> delivered;
        std::size_t next = 0;
        while (next < resources.size()) {
            guarded_buffer buffer{bytes, misalign};
            resource_array_packer packer{buffer.data(), buffer.bytes};
            while (next < resources.size() && packer.count() < requested && packer.append(view_of(resources[next]))) {
                ++next;
            }
            REQUIRE(buffer.guards_intact());
            if (packer.count() == 0) {
                // The one-entry rule: nothing fit, so this entry alone needs more than the buffer.
                REQUIRE(packed_size(view_of(resources[next])) > mprnotify::usable_bytes(bytes));
                break;
            }
            ++batches;
            REQUIRE(check_packed_resources(buffer.data(), buffer.bytes, packer.count()) == "");
            const auto back = read_packed_resources(buffer.data(), packer.count());
            delivered.insert(delivered.end(), back.begin(), back.end());
            // As full as allowed: stopped by the count, the end, or an entry that no longer fits.
            const bool by_count = packer.count() == requested;
            const bool at_end = next == resources.size();
            REQUIRE((by_count || at_end || packed_size(view_of(resources[next])) > packer.free_bytes()));
        }
        const bool everything_fits_alone = std::all_of(resources.begin(), resources.end(), [&](const net_resource& r) {
            return packed_size(view_of(r)) <= mprnotify::usable_bytes(bytes);
        });
        if (everything_fits_alone) {
            REQUIRE(delivered == resources);
        } else {
            REQUIRE(std::equal(delivered.begin(), delivered.end(), resources.begin()));
        }
    }
    MESSAGE(batches << " packed batches checked");
    CHECK(batches > 4000);
}

TEST_CASE("text_field: absent, empty and present are three states; its bytes count the terminator")
{
    const mprnotify::text_field absent{std::nullopt};
    CHECK_FALSE(absent.has_value());
    CHECK(absent.data() == nullptr);
    CHECK(absent.size() == 0);
    CHECK(absent.terminated_bytes() == 0);

    const mprnotify::text_field empty{std::wstring_view{}}; // a null view is present and empty
    CHECK(empty.has_value());
    REQUIRE(empty.data() != nullptr);
    CHECK(empty.size() == 0);
    CHECK(empty.terminated_bytes() == sizeof(wchar_t));

    const std::optional<std::wstring> owned{L"music"};
    const mprnotify::text_field present{owned};
    CHECK(present.data() == owned->c_str());
    CHECK(present.size() == 5);
    CHECK(present.terminated_bytes() == 6 * sizeof(wchar_t));
    CHECK_FALSE(mprnotify::text_field{std::optional<std::wstring>{}}.has_value());
}

// The inline copy has a branch per size class (up to 64 bytes of characters, then memcpy): every
// length from 0 to 40 characters, at every offset, writes exactly the string and its terminator.
TEST_CASE("every string length is placed whole, terminated, and nothing beside it is touched")
{
    for (std::size_t length = 0; length <= 40; ++length) {
        const std::wstring text(length, L'q');
        for (std::size_t misalign = 0; misalign < 3; ++misalign) {
            guarded_buffer buffer{(length + 1) * sizeof(wchar_t), misalign};
            resource_array_packer packer{buffer.data(), buffer.bytes};
            wchar_t* placed = packer.place(mprnotify::text_field{std::wstring_view{text}});
            REQUIRE(reinterpret_cast<std::byte*>(placed) == buffer.data());
            std::wstring back(length + 1, L'?');
            std::memcpy(back.data(), buffer.data(), (length + 1) * sizeof(wchar_t));
            CHECK(back == text + L'\0');
            CHECK(packer.free_bytes() == 0);
            CHECK(buffer.guards_intact());
        }
    }
}
