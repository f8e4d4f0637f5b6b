// enumeration.hpp - reading a provider's enumeration into owned entries, bounded. Windows only.
#pragma once

#include <string>
#include <vector>

#include "provider_run.hpp"

namespace mprcheck::run {

/// One NETRESOURCEW copied out of the provider's buffer.
struct owned_resource {
    DWORD scope = 0;
    DWORD type = 0;
    DWORD display_type = 0;
    DWORD usage = 0;
    std::wstring local;
    std::wstring remote;
    std::wstring comment;
    std::wstring provider;
    bool has_remote = false;
};

/// Seconds as a line shows them: 0.5, 2, 2.5.
[[nodiscard]] std::string seconds_text(double seconds);

/// How far one enumeration is read: a provider that never answers WN_NO_MORE_ENTRIES is given up
/// on after `max_calls` calls or `seconds`, whichever comes first.
class read_bound {
public:
    read_bound(unsigned max_calls, double seconds);
    /// Counts a call about to be made; false once either bound is reached.
    [[nodiscard]] bool another_call();
    [[nodiscard]] unsigned calls() const noexcept { return calls_; }
    /// True when the last another_call() refused.
    [[nodiscard]] bool reached() const noexcept { return reached_; }
    /// "N calls / S s", for the lines that name the bound.
    [[nodiscard]] std::string text() const;

private:
    unsigned max_calls_;
    double seconds_;
    ULONGLONG deadline_;
    unsigned calls_ = 0;
    bool reached_ = false;
};

/// The seconds an enumeration read by the other groups may take (enum.end names an endless one).
inline constexpr double lookup_read_seconds = 0.5;

/// The answer of the whole read and what it gave.
struct enumeration_read {
    DWORD open_answer = WN_SUCCESS;
    DWORD last_answer = WN_SUCCESS; ///< WN_NO_MORE_ENTRIES when it ended as it should
    unsigned calls = 0;
    bool bounded = false; ///< given up on at the bound, not ended by the provider
    std::vector<owned_resource> entries;
};

/// Opens (scope, RESOURCETYPE_ANY, usage, parent), reads with `buffer_bytes` and `count` per call
/// until an answer other than WN_SUCCESS, `max_calls` or `seconds`, then closes. Does not check packing.
[[nodiscard]] enumeration_read read_enumeration(const np_exports& np, DWORD scope, DWORD usage,
                                                const NETRESOURCEW* parent, DWORD buffer_bytes = 16384,
                                                DWORD count = 0xFFFFFFFF, unsigned max_calls = 1000,
                                                double seconds = lookup_read_seconds);

/// Copies `count` entries out of a buffer the provider filled (NULL strings stay empty).
[[nodiscard]] std::vector<owned_resource> copy_entries(const void* buffer, DWORD count);

/// A NETRESOURCEW that points into `entry` (valid while `entry` lives).
[[nodiscard]] NETRESOURCEW as_net_resource(owned_resource& entry);

/// Case-insensitive equality, as Windows compares names.
[[nodiscard]] bool same_name(const std::wstring& a, const std::wstring& b);

} // namespace mprcheck::run
