// packing.cpp - the buffer rules of NPEnumResource, NPGetUniversalName, NPGetResourceInformation and
// NPGetResourceParent: "the pointers in these structures must point to locations within the buffer"
// (https://learn.microsoft.com/en-us/windows/win32/api/npapi/nf-npapi-npenumresource).
#include "packing.hpp"

#include <algorithm>
#include <cstring>

#include <mprnotify/core/platform.hpp>

namespace mprcheck::run {
namespace {

struct placed {
    std::size_t begin;
    std::size_t end; // one past the terminator
    std::string name;
};

std::uintptr_t pointer_at(std::span<const std::byte> buffer, std::size_t offset)
{
    std::uintptr_t value = 0;
    std::memcpy(&value, buffer.data() + offset, sizeof value);
    return value;
}

} // namespace

packing_result check_strings(std::span<const std::byte> buffer, std::size_t fixed_bytes,
                             std::span<const string_field> fields)
{
    packing_result result;
    result.bytes_used = fixed_bytes;
    const auto base = reinterpret_cast<std::uintptr_t>(buffer.data());
    std::vector<placed> strings;
    for (const auto& field : fields) {
        if (field.address == 0) {
            continue;
        }
        if (field.address < base || field.address >= base + buffer.size()) {
            result.problems.push_back(field.name + " points outside the buffer");
            continue;
        }
        const std::size_t begin = field.address - base;
        if (begin < fixed_bytes) {
            result.problems.push_back(field.name + " points into the structures (offset " + std::to_string(begin) +
                                      ", structures end at " + std::to_string(fixed_bytes) + ")");
            continue;
        }
        if (begin % sizeof(wchar_t) != 0) {
            result.problems.push_back(field.name + " starts at an odd offset (" + std::to_string(begin) +
                                      "): half a character");
            continue;
        }
        std::size_t at = begin;
        bool terminated = false;
        while (at + sizeof(wchar_t) <= buffer.size()) {
            wchar_t c = 0;
            std::memcpy(&c, buffer.data() + at, sizeof c);
            at += sizeof(wchar_t);
            if (c == 0) {
                terminated = true;
                break;
            }
        }
        if (!terminated) {
            result.problems.push_back(field.name + " is not terminated inside the buffer");
            continue;
        }
        result.bytes_used = (std::max)(result.bytes_used, at);
        strings.push_back({begin, at, field.name});
    }
    std::sort(strings.begin(), strings.end(), [](const placed& a, const placed& b) { return a.begin < b.begin; });
    for (std::size_t i = 1; i < strings.size(); ++i) {
        // The same string shared by two fields is read the same way by both: only a partial overlap is wrong.
        if (strings[i].begin < strings[i - 1].end && strings[i].begin != strings[i - 1].begin) {
            result.problems.push_back(strings[i].name + " overlaps " + strings[i - 1].name);
        }
    }
    return result;
}

packing_result check_net_resources(std::span<const std::byte> buffer, std::size_t count)
{
    using entry = mprnotify::platform::net_resource_w;
    if (count > buffer.size() / sizeof(entry)) {
        packing_result result;
        result.problems.push_back(std::to_string(count) + " entries do not fit in " + std::to_string(buffer.size()) +
                                  " bytes");
        return result;
    }
    std::vector<string_field> fields;
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t at = i * sizeof(entry);
        const std::string prefix = "entry " + std::to_string(i) + " ";
        fields.push_back({prefix + "lpLocalName", pointer_at(buffer, at + offsetof(entry, lpLocalName))});
        fields.push_back({prefix + "lpRemoteName", pointer_at(buffer, at + offsetof(entry, lpRemoteName))});
        fields.push_back({prefix + "lpComment", pointer_at(buffer, at + offsetof(entry, lpComment))});
        fields.push_back({prefix + "lpProvider", pointer_at(buffer, at + offsetof(entry, lpProvider))});
    }
    return check_strings(buffer, count * sizeof(entry), fields);
}

packing_result check_name_info(std::span<const std::byte> buffer, std::span<const char* const> names)
{
    const std::size_t fixed = names.size() * sizeof(void*);
    if (buffer.size() < fixed) {
        packing_result result;
        result.problems.push_back("the structure does not fit in " + std::to_string(buffer.size()) + " bytes");
        return result;
    }
    std::vector<string_field> fields;
    for (std::size_t i = 0; i < names.size(); ++i) {
        fields.push_back({names[i], pointer_at(buffer, i * sizeof(void*))});
    }
    return check_strings(buffer, fixed, fields);
}

std::wstring string_at(std::span<const std::byte> buffer, std::uintptr_t address)
{
    const auto base = reinterpret_cast<std::uintptr_t>(buffer.data());
    if (address < base || address >= base + buffer.size() || (address - base) % sizeof(wchar_t) != 0) {
        return {};
    }
    std::wstring text;
    for (std::size_t at = address - base; at + sizeof(wchar_t) <= buffer.size(); at += sizeof(wchar_t)) {
        wchar_t c = 0;
        std::memcpy(&c, buffer.data() + at, sizeof c);
        if (c == 0) {
            return text;
        }
        text.push_back(c);
    }
    return {};
}

} // namespace mprcheck::run
