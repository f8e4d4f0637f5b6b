// Property test of provider_order.hpp: random ProviderOrder values, malformed ones included, times
// random register / unregister sequences, some with another installer writing concurrently.
//
// After every operation: no other provider's token lost, reordered or duplicated (byte for byte);
// the provider's own token exactly once and where asked (register) or gone (unregister); the value
// written without empty tokens, added spaces or stray commas; the same operation again changes
// nothing; register then unregister gives back the original value modulo the documented
// normalisation (exactly the original when it had no empty token). Prints its figures.
//
// usage: provider_order_property [VALUES [SEED]]
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <mprnotify/registry/provider_order.hpp>

namespace reg = mprnotify::registry;

namespace {

struct figures {
    long values = 0, malformed = 0, operations = 0, concurrent_writes = 0, retries = 0, given_up = 0;
    long others_checked = 0, lost = 0, reordered_or_duplicated = 0, misplaced = 0, badly_written = 0;
    long idempotent = 0, round_trips = 0, exact_round_trips = 0, refused_not_text = 0, failures = 0;
};
figures f;

void fail(const char* what, const std::wstring& value)
{
    if (++f.failures <= 20) {
        std::printf("FAILED  %s: \"%ls\"\n", what, value.c_str());
    }
}

// Names a machine might list: Microsoft's, other vendors', look-alikes of ours, blanks.
const std::vector<std::wstring> pool = {
    L"RDPNP",     L"LanmanWorkstation",
    L"webclient", L"P9NP",
    L"VBoxSF",    L"Dokan1",
    L"WinFsp.Np", L"nfs41_np",
    L"Ours",      L"ours",
    L"OURS",      L" Ours",
    L"Ours ",     L"\tOurs",
    L"My NP",     L"\u00dcber",
    L"x",         L"",
    L" ",         L"\t",
};
const std::vector<std::wstring> our_names = {L"Ours", L"My NP", L"webclient", L"New"};

/// ProviderOrder in memory, with another installer that may write between our reads.
struct store {
    reg::order_snapshot value;
    std::mt19937* rng = nullptr;
    int interfere_percent = 0;
    int reads = 0;
    std::wstring before_write; ///< what the value held when we wrote
    int other_installers = 0;

    std::uint32_t read(reg::order_snapshot& out)
    {
        ++reads;
        if (reads > 1 && interfere_percent > 0 && static_cast<int>((*rng)() % 100) < interfere_percent) {
            // A well-behaved installer adds its own token, keeping ours.
            value.value = reg::order_with(value.value, L"Other" + std::to_wstring(++other_installers),
                                          reg::order_position::last());
            value.exists = value.text = value.plain = true;
            ++f.concurrent_writes;
        }
        out = value;
        return 0;
    }
    std::uint32_t write(const std::wstring& text)
    {
        before_write = value.value;
        value = reg::order_snapshot{true, true, true, text};
        return 0;
    }
};

std::vector<std::wstring> others(const std::wstring& value, const std::wstring& ours)
{
    std::vector<std::wstring> out;
    for (const auto token : reg::split_order(value)) {
        if (!reg::is_blank_token(token) && !reg::names_provider(token, ours)) {
            out.emplace_back(token);
        }
    }
    return out;
}

bool is_subsequence(const std::vector<std::wstring>& part, const std::vector<std::wstring>& whole)
{
    std::size_t i = 0;
    for (const auto& token : whole) {
        if (i < part.size() && token == part[i]) {
            ++i;
        }
    }
    return i == part.size();
}

reg::order_snapshot random_value(std::mt19937& rng)
{
    reg::order_snapshot s;
    const auto kind = rng() % 20;
    if (kind == 0) {
        return s; // missing
    }
    s.exists = true;
    s.text = kind != 1;      // 1 in 20: REG_MULTI_SZ or binary, refused
    s.plain = kind % 7 != 2; // some REG_EXPAND_SZ
    const auto count = rng() % 9;
    for (std::uint_fast32_t i = 0; i < count; ++i) {
        s.value += (i ? L"," : L"") + pool[rng() % pool.size()];
    }
    if (rng() % 8 == 0) {
        s.value.insert(0, L",");
    }
    if (rng() % 8 == 0) {
        s.value += L",";
    }
    return s;
}

reg::order_position random_position(std::mt19937& rng)
{
    switch (rng() % 4) {
    case 0: return reg::order_position::first();
    case 1: return reg::order_position::last();
    case 2: return reg::order_position::before(pool[rng() % 8]);
    default: return reg::order_position::after(pool[rng() % 8]);
    }
}

bool well_written(const std::wstring& value)
{
    for (const auto token : reg::split_order(value)) {
        if (token.empty() || reg::is_blank_token(token)) {
            return value.empty() && reg::split_order(value).size() == 1; // "" is the empty list
        }
    }
    return true;
}

/// Where register must have put the token, among the tokens of the value written.
std::size_t expected_index(const std::vector<std::wstring>& kept, const reg::order_position& where)
{
    using kind = reg::order_position::kind;
    if (where.where == kind::first) {
        return 0;
    }
    if (where.where != kind::last) {
        for (std::size_t i = 0; i < kept.size(); ++i) {
            if (reg::names_provider(kept[i], where.anchor)) {
                return where.where == kind::before ? i : i + 1;
            }
        }
    }
    return kept.size();
}

/// One operation with every check; returns the value afterwards.
void operate(store& s, bool do_register, const std::wstring& ours, const reg::order_position& where)
{
    ++f.operations;
    const reg::order_snapshot start = s.value;
    s.reads = 0;
    const auto update = reg::update_order(s, [&](const reg::order_snapshot& current) {
        return do_register ? reg::order_to_register(current, ours, where) : reg::order_to_unregister(current, ours);
    });
    f.retries += update.conflicts;
    if (start.exists && !start.text) {
        ++f.refused_not_text;
        if (update.status != reg::order_status::not_text || !(s.value == start)) {
            fail("a value that is not text was touched", start.value);
        }
        return;
    }
    if (update.status == reg::order_status::conflict) {
        ++f.given_up;
        return;
    }
    const std::wstring base = update.status == reg::order_status::written ? s.before_write : s.value.value;
    // Nothing of anyone else's lost: every other token of the start, and of what we wrote over.
    const auto now = others(s.value.value, ours);
    const auto at_start = others(start.value, ours);
    f.others_checked += static_cast<long>(at_start.size());
    if (!is_subsequence(at_start, now)) {
        ++f.lost;
        fail("another provider's token lost or moved", start.value);
    }
    if (now != others(base, ours)) {
        ++f.reordered_or_duplicated;
        fail("other tokens differ from the value written over", base);
    }
    if (update.status == reg::order_status::written && !well_written(s.value.value)) {
        ++f.badly_written;
        fail("written with an empty token", s.value.value);
    }
    const auto tokens = reg::split_order(s.value.value);
    std::vector<std::size_t> mine;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (reg::names_provider(tokens[i], ours)) {
            mine.push_back(i);
        }
    }
    if (do_register) {
        if (mine.size() != 1 || tokens[mine[0]] != ours || mine[0] != expected_index(now, where)) {
            ++f.misplaced;
            fail("not exactly once, spelled as given, where asked", s.value.value);
        }
    } else if (!mine.empty()) {
        ++f.misplaced;
        fail("still named after unregistering", s.value.value);
    }
    // The same operation again: nothing to do, nothing changes.
    const reg::order_snapshot after = s.value;
    const int saved = s.interfere_percent;
    s.interfere_percent = 0;
    const auto again = reg::update_order(s, [&](const reg::order_snapshot& current) {
        return do_register ? reg::order_to_register(current, ours, where) : reg::order_to_unregister(current, ours);
    });
    s.interfere_percent = saved;
    if (again.status == reg::order_status::unchanged && s.value == after) {
        ++f.idempotent;
    } else {
        fail("not idempotent", after.value);
    }
}

} // namespace

int main(int argc, char** argv)
{
    const long count = argc > 1 ? std::atol(argv[1]) : 20000;
    const unsigned seed = argc > 2 ? static_cast<unsigned>(std::atol(argv[2])) : 20261129u;
    std::mt19937 rng{seed};
    for (long n = 0; n < count; ++n) {
        store s;
        s.rng = &rng;
        s.value = random_value(rng);
        ++f.values;
        const auto parts = reg::split_order(s.value.value);
        bool blank = false;
        for (const auto token : parts) {
            blank = blank || reg::is_blank_token(token) || mprnotify::detail::trim_blanks(token).size() != token.size();
        }
        f.malformed += (blank && s.value.exists) || !s.value.plain || !s.value.text || !s.value.exists ? 1 : 0;
        const std::wstring ours = our_names[rng() % our_names.size()];
        s.interfere_percent = rng() % 4 == 0 ? 30 : 0;

        // Round trip from the value as found: register, unregister.
        if (s.value.text && !reg::order_names(s.value.value, ours) && s.interfere_percent == 0) {
            const reg::order_snapshot original = s.value;
            operate(s, true, ours, random_position(rng));
            operate(s, false, ours, {});
            ++f.round_trips;
            const bool had_blank = [&] {
                for (const auto token : reg::split_order(original.value)) {
                    if (reg::is_blank_token(token)) {
                        return original.exists;
                    }
                }
                return false;
            }();
            if (s.value.value != reg::normalized_order(original.value)) {
                fail("round trip is not the normalised original", original.value);
            } else if (!had_blank && s.value.value == original.value) {
                ++f.exact_round_trips;
            } else if (!had_blank) {
                fail("round trip of a clean value is not byte for byte", original.value);
            }
        }
        // Then a random sequence.
        const auto ops = 1 + rng() % 6;
        for (std::uint_fast32_t i = 0; i < ops; ++i) {
            operate(s, rng() % 3 != 0, ours, random_position(rng));
        }
    }
    // Another installer writing on every attempt: we give up with ERROR_RETRY, losing nothing.
    store busy;
    busy.rng = &rng;
    busy.interfere_percent = 100;
    busy.value = reg::order_snapshot{true, true, true, L"RDPNP,LanmanWorkstation,webclient"};
    busy.reads = 0;
    const auto gave_up = reg::update_order(busy, [](const reg::order_snapshot& c) {
        return reg::order_to_register(c, L"Ours", reg::order_position::last());
    });
    const bool gave_up_right = gave_up.status == reg::order_status::conflict &&
                               gave_up.conflicts == reg::order_update_attempts &&
                               busy.value.value.rfind(L"RDPNP,LanmanWorkstation,webclient,Other", 0) == 0;
    if (!gave_up_right) {
        fail("a writer interfering on every attempt is not reported as a conflict", busy.value.value);
    }

    std::printf("provider-order property (seed %u): %ld values (%ld malformed: blank or padded tokens, REG_EXPAND_SZ, "
                "missing, not text), %ld operations, %ld concurrent writes interleaved, %ld retries, %ld given up\n",
                seed, f.values, f.malformed, f.operations, f.concurrent_writes, f.retries, f.given_up);
    std::printf(
        "  other providers' entries checked %ld: lost %ld, reordered or duplicated %ld; own token misplaced %ld; "
        "written with an empty token %ld\n",
        f.others_checked, f.lost, f.reordered_or_duplicated, f.misplaced, f.badly_written);
    std::printf("  idempotent %ld of %ld; round trips %ld (%ld byte for byte); not-text values refused untouched %ld; "
                "always-interfering writer: %s\n",
                f.idempotent, f.operations - f.refused_not_text - f.given_up, f.round_trips, f.exact_round_trips,
                f.refused_not_text, gave_up_right ? "ERROR_RETRY after 8 attempts, nothing lost" : "WRONG");
    std::printf("%ld failed\n", f.failures);
    return f.failures == 0 && f.operations > 0 ? 0 : 1;
}
