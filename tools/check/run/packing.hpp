// packing.hpp - checks a buffer a provider filled the way MPR reads it: each string pointer NULL or
// inside the buffer past the fixed part, aligned, terminated inside the buffer, no two strings
// overlapping. No Windows API: the unit tests build such buffers by hand on any platform.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace mprcheck::run {

/// One pointer field a provider wrote, with the name the report uses ("entry 2 lpRemoteName").
struct string_field {
    std::string name;
    std::uintptr_t address = 0; ///< the pointer's value; 0 is NULL
};

/// What the validator found.
struct packing_result {
    std::vector<std::string> problems;
    std::size_t bytes_used = 0; ///< the fixed part plus the end of the last string, from the buffer start
    [[nodiscard]] bool ok() const noexcept { return problems.empty(); }
};

/// Checks `fields` against `buffer` (at its real address), whose first `fixed_bytes` hold the
/// structures and must hold no string.
[[nodiscard]] packing_result check_strings(std::span<const std::byte> buffer, std::size_t fixed_bytes,
                                           std::span<const string_field> fields);

/// The four string fields of `count` NETRESOURCEW entries at the start of `buffer`; more entries
/// than fit is itself a problem.
[[nodiscard]] packing_result check_net_resources(std::span<const std::byte> buffer, std::size_t count);

/// The `pointers` leading pointer fields of one structure at the start of `buffer`
/// (UNIVERSAL_NAME_INFOW: 1, REMOTE_NAME_INFOW: 3), named by `names`.
[[nodiscard]] packing_result check_name_info(std::span<const std::byte> buffer, std::span<const char* const> names);

/// The wide string at `address` if check_strings accepted it (empty otherwise).
[[nodiscard]] std::wstring string_at(std::span<const std::byte> buffer, std::uintptr_t address);

} // namespace mprcheck::run
