// The checks for a network-provider DLL (one that exports NPGetCaps) at x86: the capabilities MPR
// asks for first, that the caps promise only functions the DLL exports, and that every NP*
// function it exports by plain name answers bad input with a WN code instead of crashing, with
// ESP and the last error kept (report.hpp).
#pragma once

#include <windows.h>

#include <bit>
#include <string>

#include <mprnotify/core/status.hpp>

#include "report.hpp"

namespace x86_run {

/// A WN_* code the library knows by name (mprnotify/core/status.hpp).
inline bool is_wn_code(DWORD value) { return !mprnotify::name(static_cast<mprnotify::wn_status>(value)).empty(); }

/// Looks up `name` as the stdcall type `Fn`; nullptr when not exported by that plain name.
template <class Fn>
Fn lookup(HMODULE module, const char* name)
{
    return std::bit_cast<Fn>(::GetProcAddress(module, name));
}

inline void check_provider(dll_report& r, HMODULE module)
{
    using get_caps_fn = stdcall_fn<DWORD>;
    const auto get_caps = lookup<get_caps_fn>(module, "NPGetCaps");
    const DWORD spec = r.call<DWORD>("NPGetCaps(WNNC_SPEC_VERSION)", get_caps, 1);
    const DWORD net_type = r.call<DWORD>("NPGetCaps(WNNC_NET_TYPE)", get_caps, 2);
    const DWORD connection = r.call<DWORD>("NPGetCaps(WNNC_CONNECTION)", get_caps, 6);
    r.check(spec != 0, "NPGetCaps", "WNNC_SPEC_VERSION 0x%08lx, WNNC_NET_TYPE 0x%08lx, WNNC_CONNECTION 0x%08lx", spec,
            net_type, connection);

    // WNNC_CONNECTION bits and the function each promises (npapi.h WNNC_CON_*).
    struct promise {
        DWORD bit;
        const char* function;
    };
    const promise promises[] = {{0x01, "NPAddConnection"},           {0x02, "NPCancelConnection"},
                                {0x04, "NPGetConnection"},           {0x08, "NPAddConnection3"},
                                {0x10, "NPAddConnection4"},          {0x20, "NPCancelConnection2"},
                                {0x40, "NPGetConnectionPerformance"}};
    std::string broken;
    for (const promise& p : promises) {
        if ((connection & p.bit) != 0 && ::GetProcAddress(module, p.function) == nullptr) {
            broken += std::string{broken.empty() ? "" : ", "} + p.function;
        }
    }
    r.check(broken.empty(), "caps",
            broken.empty() ? "every WNNC_CONNECTION bit set names an exported function%s"
                           : "bits set for functions not exported: %s",
            broken.c_str());

    // Bad input: NULL where the caller must pass a buffer, a structure or a handle.
    unsigned called = 0;
    unsigned answered = 0;
    std::string wrong;
    auto judge = [&](const char* name, DWORD answer, bool null_is_an_error) {
        ++called;
        const bool ok = is_wn_code(answer) && (!null_is_an_error || answer != 0);
        answered += ok ? 1 : 0;
        if (!ok) {
            wrong += std::string{wrong.empty() ? "" : "; "} + name + " answered " + std::to_string(answer);
        }
    };
    using np3 = stdcall_fn<void*, void*, void*>;
    if (auto f = lookup<np3>(module, "NPAddConnection")) {
        judge("NPAddConnection", r.call<void*, void*, void*>("NPAddConnection(NULL...)", f, nullptr, nullptr, nullptr),
              true);
    }
    using np5 = stdcall_fn<void*, void*, void*, void*, DWORD>;
    if (auto f = lookup<np5>(module, "NPAddConnection3")) {
        judge("NPAddConnection3",
              r.call<void*, void*, void*, void*, DWORD>("NPAddConnection3(NULL...)", f, nullptr, nullptr, nullptr,
                                                        nullptr, 0),
              true);
    }
    using np_cancel = stdcall_fn<void*, BOOL>;
    if (auto f = lookup<np_cancel>(module, "NPCancelConnection")) {
        judge("NPCancelConnection", r.call<void*, BOOL>("NPCancelConnection(NULL, FALSE)", f, nullptr, FALSE), true);
    }
    if (auto f = lookup<np3>(module, "NPGetConnection")) {
        judge("NPGetConnection", r.call<void*, void*, void*>("NPGetConnection(NULL...)", f, nullptr, nullptr, nullptr),
              true);
    }
    using np4 = stdcall_fn<void*, DWORD, void*, void*>;
    if (auto f = lookup<np4>(module, "NPGetUniversalName")) {
        judge("NPGetUniversalName",
              r.call<void*, DWORD, void*, void*>("NPGetUniversalName(NULL...)", f, nullptr, 1, nullptr, nullptr), true);
    }
    using np_open = stdcall_fn<DWORD, DWORD, DWORD, void*, void*>;
    if (auto f = lookup<np_open>(module, "NPOpenEnum")) {
        judge("NPOpenEnum",
              r.call<DWORD, DWORD, DWORD, void*, void*>("NPOpenEnum(..., NULL handle)", f, 2, 0, 0, nullptr, nullptr),
              true);
    }
    using np4p = stdcall_fn<void*, void*, void*, void*>;
    if (auto f = lookup<np4p>(module, "NPEnumResource")) {
        judge("NPEnumResource",
              r.call<void*, void*, void*, void*>("NPEnumResource(NULL...)", f, nullptr, nullptr, nullptr, nullptr),
              true);
    }
    using np1 = stdcall_fn<void*>;
    if (auto f = lookup<np1>(module, "NPCloseEnum")) {
        judge("NPCloseEnum", r.call<void*>("NPCloseEnum(NULL)", f, nullptr), false); // closing nothing may succeed
    }
    if (auto f = lookup<np4p>(module, "NPGetResourceInformation")) {
        judge("NPGetResourceInformation",
              r.call<void*, void*, void*, void*>("NPGetResourceInformation(NULL...)", f, nullptr, nullptr, nullptr,
                                                 nullptr),
              true);
    }
    if (auto f = lookup<np3>(module, "NPGetResourceParent")) {
        judge("NPGetResourceParent",
              r.call<void*, void*, void*>("NPGetResourceParent(NULL...)", f, nullptr, nullptr, nullptr), true);
    }
    if (auto f = lookup<np3>(module, "NPGetUser")) {
        judge("NPGetUser", r.call<void*, void*, void*>("NPGetUser(NULL...)", f, nullptr, nullptr, nullptr), true);
    }
    using np2 = stdcall_fn<void*, void*>;
    if (auto f = lookup<np2>(module, "NPGetConnectionPerformance")) {
        judge("NPGetConnectionPerformance",
              r.call<void*, void*>("NPGetConnectionPerformance(NULL, NULL)", f, nullptr, nullptr), true);
    }
    if (called == 0) {
        r.check(true, "bad input", "no NP* function besides NPGetCaps is exported");
    } else {
        r.check(answered == called, "bad input",
                answered == called ? "%u of %u exported NP* functions answered NULL input with a WN error code%s"
                                   : "%u of %u answered NULL input with a WN error code; %s",
                answered, called, wrong.c_str());
    }
}

} // namespace x86_run
