// mprnotify/registry/provider_order.hpp - the ProviderOrder list, edited without losing anyone's entry.
//
// HKLM\SYSTEM\CurrentControlSet\Control\NetworkProvider\Order\ProviderOrder is one REG_SZ holding
// a comma-separated list of service key names; MPR loads the providers in that order ("Authentication
// Registry Keys", learn.microsoft.com). Installers that edit it by hand have broken networking for
// whole machines (a leading comma left behind, another provider's entry lost, Microsoft's own
// providers reordered). This header is the pure, portable part of editing it: no registry call, so
// every rule is tested on every platform. registry/providers.hpp reads and writes the value.
//
// The rule (docs/registry.md):
//   - the value is split at every comma; a token that is empty or holds only spaces and tabs is
//     dropped whenever the value is written;
//   - a token *names* a provider when it equals its service name ignoring ASCII case and the spaces
//     and tabs around it; registering removes every token naming the provider and inserts one,
//     spelled as given, at the chosen position; unregistering removes every token naming it;
//   - every other token is kept byte for byte (spaces, case and duplicates included), in its order;
//   - the value is written as REG_SZ, tokens joined by single commas: no space added, no empty
//     token, no leading or trailing comma. Nothing is written when nothing would change.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../core/registry_input.hpp"

namespace mprnotify::registry {

/// Where a provider's token goes in ProviderOrder.
struct order_position {
    enum class kind : std::uint8_t { first, last, before, after };
    kind where = kind::last;
    std::wstring anchor; ///< the provider named by `before` / `after`

    [[nodiscard]] static order_position first() { return {kind::first, {}}; }
    [[nodiscard]] static order_position last() { return {kind::last, {}}; }
    /// Before the first token naming `provider`; last when no token names it.
    [[nodiscard]] static order_position before(std::wstring provider) { return {kind::before, std::move(provider)}; }
    /// After the first token naming `provider`; last when no token names it.
    [[nodiscard]] static order_position after(std::wstring provider) { return {kind::after, std::move(provider)}; }
};

} // namespace mprnotify::registry

namespace mprnotify::detail {
[[nodiscard]] constexpr std::wstring_view trim_blanks(std::wstring_view text) noexcept
{
    while (!text.empty() && is_blank(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && is_blank(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

[[nodiscard]] constexpr wchar_t fold_ascii(wchar_t c) noexcept
{
    return c >= L'A' && c <= L'Z' ? static_cast<wchar_t>(c - L'A' + L'a') : c;
}
} // namespace mprnotify::detail

namespace mprnotify::registry {

/// Every token of a ProviderOrder value, as stored, empty ones included ("a,,b" has three).
[[nodiscard]] inline std::vector<std::wstring_view> split_order(std::wstring_view value)
{
    std::vector<std::wstring_view> tokens;
    for (;;) {
        const std::size_t comma = value.find(L',');
        tokens.push_back(value.substr(0, comma));
        if (comma == std::wstring_view::npos) {
            return tokens;
        }
        value.remove_prefix(comma + 1);
    }
}

/// True for a token MPR could never load: empty, or only spaces and tabs.
[[nodiscard]] constexpr bool is_blank_token(std::wstring_view token) noexcept
{
    return detail::trim_blanks(token).empty();
}

/// True when `token` names the provider `service_name` (ASCII case and surrounding blanks ignored).
// NOLINTNEXTLINE(bugprone-easily-swappable-parameters): the order the SDK and the docs use
[[nodiscard]] constexpr bool names_provider(std::wstring_view token, std::wstring_view service_name) noexcept
{
    const std::wstring_view a = detail::trim_blanks(token);
    const std::wstring_view b = detail::trim_blanks(service_name);
    if (a.empty() || a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (detail::fold_ascii(a[i]) != detail::fold_ascii(b[i])) {
            return false;
        }
    }
    return true;
}

/// True when some token of `value` names `service_name`.
// NOLINTNEXTLINE(bugprone-easily-swappable-parameters): the order the SDK and the docs use
[[nodiscard]] inline bool order_names(std::wstring_view value, std::wstring_view service_name)
{
    for (const std::wstring_view token : split_order(value)) {
        if (names_provider(token, service_name)) {
            return true;
        }
    }
    return false;
}

} // namespace mprnotify::registry

namespace mprnotify::detail {
/// The tokens that stay: not blank, not naming `service_name` (an empty name keeps every one).
// NOLINTNEXTLINE(bugprone-easily-swappable-parameters): the order the SDK and the docs use
[[nodiscard]] inline std::vector<std::wstring_view> kept_tokens(std::wstring_view value, std::wstring_view service_name)
{
    std::vector<std::wstring_view> kept;
    for (const std::wstring_view token : registry::split_order(value)) {
        if (!registry::is_blank_token(token) && !registry::names_provider(token, service_name)) {
            kept.push_back(token);
        }
    }
    return kept;
}

[[nodiscard]] inline std::wstring join_order(const std::vector<std::wstring_view>& tokens)
{
    std::wstring out;
    for (const std::wstring_view token : tokens) {
        if (!out.empty()) {
            out.push_back(L',');
        }
        out.append(token);
    }
    return out;
}
} // namespace mprnotify::detail

namespace mprnotify::registry {

/// The value with every empty or blank token dropped: what any write leaves of the other entries.
[[nodiscard]] inline std::wstring normalized_order(std::wstring_view value)
{
    return detail::join_order(detail::kept_tokens(value, {}));
}

/// `value` with exactly one token `service_name` at `where` (see the rule above).
[[nodiscard]] inline std::wstring order_with(std::wstring_view value, std::wstring_view service_name,
                                             const order_position& where)
{
    std::vector<std::wstring_view> tokens = detail::kept_tokens(value, service_name);
    std::size_t at = tokens.size();
    if (where.where == order_position::kind::first) {
        at = 0;
    } else if (where.where != order_position::kind::last) {
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            if (names_provider(tokens[i], where.anchor)) {
                at = where.where == order_position::kind::before ? i : i + 1;
                break;
            }
        }
    }
    tokens.insert(tokens.begin() + static_cast<std::ptrdiff_t>(at), service_name);
    return detail::join_order(tokens);
}

/// `value` without any token naming `service_name` (see the rule above).
[[nodiscard]] inline std::wstring order_without(std::wstring_view value, std::wstring_view service_name)
{
    return detail::join_order(detail::kept_tokens(value, service_name));
}

/// The ProviderOrder value as read: whether it exists, whether it is text, and the text.
struct order_snapshot {
    bool exists = false; ///< the value is there at all
    bool text = true;    ///< REG_SZ or REG_EXPAND_SZ: readable as a list (anything else is refused)
    bool plain = true;   ///< REG_SZ exactly, the only type Wine's mpr.dll reads
    std::wstring value;  ///< the text as stored (empty when absent or not text)
    friend bool operator==(const order_snapshot&, const order_snapshot&) = default;
};

/// What registering `service_name` must write, or std::nullopt when the value already says so.
[[nodiscard]] inline std::optional<std::wstring>
order_to_register(const order_snapshot& current, std::wstring_view service_name, const order_position& where)
{
    std::wstring next = order_with(current.value, service_name, where);
    if (current.exists && current.plain && next == current.value) {
        return std::nullopt;
    }
    return next;
}

/// What unregistering `service_name` must write, or std::nullopt when no token names it.
[[nodiscard]] inline std::optional<std::wstring> order_to_unregister(const order_snapshot& current,
                                                                     std::wstring_view service_name)
{
    if (!current.exists || !order_names(current.value, service_name)) {
        return std::nullopt;
    }
    return order_without(current.value, service_name);
}

/// How a read-modify-write of ProviderOrder ended.
enum class order_status : std::uint8_t {
    unchanged, ///< the value already said what was asked: nothing written
    written,   ///< the new value was written and read back
    not_text,  ///< the value is neither REG_SZ nor REG_EXPAND_SZ: refused, nothing written
    conflict,  ///< another writer changed the value on every attempt: gave up
    failed,    ///< the store reported an error (in `error`)
};

struct order_update {
    order_status status = order_status::unchanged;
    std::uint32_t error = 0; ///< the store's error code when status is `failed`
    int attempts = 0;        ///< reads of a first snapshot (1 without interference)
    int conflicts = 0;       ///< attempts abandoned because the value changed under us
    std::wstring before;     ///< the value as first read on the last attempt
    std::wstring after;      ///< the value written (when written)
};

/// How many times a concurrent change restarts the read-modify-write before it gives up.
inline constexpr int order_update_attempts = 8;

/// Read-modify-write with change detection. `store` provides
///     std::uint32_t read(order_snapshot&)   0 on success (an absent value is a success, exists=false)
///     std::uint32_t write(const std::wstring&)   writes REG_SZ; 0 on success
/// and `next(snapshot)` returns the value to write or std::nullopt. Each attempt reads, computes,
/// reads again just before writing (a different value: someone else wrote, start over), writes,
/// and reads back (not what was written: someone wrote after us, start over; the edit is
/// idempotent and keeps every other token, so re-applying it to their value loses nothing of theirs).
template <class Store, class Next>
[[nodiscard]] order_update update_order(Store& store, Next&& next)
{
    order_update out;
    const auto fail = [&out](std::uint32_t error) {
        out.status = order_status::failed;
        out.error = error;
        return out;
    };
    for (out.attempts = 1; out.attempts <= order_update_attempts; ++out.attempts) {
        order_snapshot first;
        if (const std::uint32_t error = store.read(first); error != 0) {
            return fail(error);
        }
        if (first.exists && !first.text) {
            out.status = order_status::not_text;
            return out;
        }
        out.before = first.value;
        const std::optional<std::wstring> wanted = next(first);
        if (!wanted) {
            out.status = order_status::unchanged;
            return out;
        }
        order_snapshot again;
        if (const std::uint32_t error = store.read(again); error != 0) {
            return fail(error);
        }
        if (again != first) { // someone wrote since the first read: start over from their value
            ++out.conflicts;
            continue;
        }
        if (const std::uint32_t error = store.write(*wanted); error != 0) {
            return fail(error);
        }
        order_snapshot written;
        if (const std::uint32_t error = store.read(written); error != 0) {
            return fail(error);
        }
        if (!written.exists || !written.plain || written.value != *wanted) { // someone wrote after us
            ++out.conflicts;
            continue;
        }
        out.status = order_status::written;
        out.after = *wanted;
        return out;
    }
    out.attempts = order_update_attempts;
    out.status = order_status::conflict;
    return out;
}

/// One token of a ProviderOrder value, judged the way a health check reports it.
struct order_entry {
    std::wstring_view token; ///< as stored
    bool blank = false;      ///< empty or only spaces/tabs: MPR loads nothing for it
    bool padded = false;     ///< not blank, but with spaces/tabs around it (Wine does not trim them)
    bool duplicate = false;  ///< names the same provider as an earlier token
};

/// Every token of `value`, judged.
[[nodiscard]] inline std::vector<order_entry> inspect_order(std::wstring_view value)
{
    std::vector<order_entry> out;
    for (const std::wstring_view token : split_order(value)) {
        order_entry entry{token};
        entry.blank = is_blank_token(token);
        entry.padded = !entry.blank && detail::trim_blanks(token).size() != token.size();
        for (const order_entry& earlier : out) {
            if (!entry.blank && names_provider(earlier.token, token)) {
                entry.duplicate = true;
                break;
            }
        }
        out.push_back(entry);
    }
    return out;
}

} // namespace mprnotify::registry
