// mprnotify/testing/provider_journal.hpp - what a simulated MPR with providers was asked and what
// it asked its providers: one record per WNet call, one per NP call.
//
// The router's connection calls and its browsing calls (provider_browsing.hpp) write here, and
// format_provider_trace() reads it. Details are built by the router from what the caller passed,
// with credentials shown only as "given" / "absent".
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "../core/status.hpp"

namespace mprnotify::testing {

/// One NP call the router made.
struct provider_call {
    std::size_t wnet_number = 0; // 1-based, the WNet call it belongs to
    std::size_t provider = 0;    // index in ProviderOrder
    std::string function;        // "NPAddConnection3"
    std::string detail;          // what was asked, credentials as given/absent
    wn_status returned = wn_status::success;
};

/// What kind of WNet call a record is: adds and cancels also notify the notifyees.
enum class wnet_kind : std::uint8_t { add, cancel, lookup, browse };

/// One WNet call the router served.
struct wnet_record {
    std::string description;
    wnet_kind kind = wnet_kind::lookup;
    std::size_t notify_number = 0; // the notification router's operation number (add / cancel); 0 for others
    wn_status result = wn_status::success;
};

class provider_journal {
public:
    [[nodiscard]] const std::vector<wnet_record>& wnet_calls() const noexcept { return wnet_; }
    [[nodiscard]] const std::vector<provider_call>& calls() const noexcept { return calls_; }

    /// A new WNet call; the NP calls recorded next belong to it.
    void begin(std::string description, wnet_kind kind, std::size_t notify_number = 0)
    {
        wnet_.push_back({std::move(description), kind, notify_number});
    }
    void record(std::size_t provider_index, std::string function, std::string detail, wn_status answer)
    {
        calls_.push_back({wnet_.size(), provider_index, std::move(function), std::move(detail), answer});
    }
    /// The current WNet call's result; `result` is handed back (any type with a `status`).
    template <class Result>
    Result finish(Result result)
    {
        wnet_.back().result = result.status;
        return result;
    }

    /// Printable ASCII of a name for a trace line; other characters become '?'.
    [[nodiscard]] static std::string narrow(const std::wstring& text)
    {
        std::string out;
        out.reserve(text.size());
        for (wchar_t c : text) {
            out += (c >= 0x20 && c < 0x7F) ? static_cast<char>(c) : '?';
        }
        return out;
    }

private:
    std::vector<wnet_record> wnet_;
    std::vector<provider_call> calls_;
};

} // namespace mprnotify::testing
