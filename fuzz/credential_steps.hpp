// fuzz/credential_steps.hpp - fuzz_provider's steps for the credential-manager pair and the
// connection-state pair: UNICODE_STRINGs with any Length / MaximumLength over heap blocks of exactly
// MaximumLength bytes (AddressSanitizer sees a read past Length), every authentication type, NULL
// pointers, any cbStructure, any level and size; after each call the library's promises are checked.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include <mprnotify/provider/entry_points.hpp>

#include "byte_reader.hpp"

namespace fuzz {

using namespace mprnotify;

[[noreturn]] inline void credential_fail(const char* what)
{
    std::fprintf(stderr, "reliability check failed: %s\n", what);
    std::abort();
}

inline void fill_counted(byte_reader& in, platform::unicode_string& field, bool& readable,
                         std::vector<unsigned char*>& blocks)
{
    const auto length = static_cast<std::uint16_t>(in.u16() % 160U);
    const auto maximum = static_cast<std::uint16_t>(in.u16() % 160U);
    unsigned char* block =
        (in.u8() & 1U) != 0 || maximum == 0 ? nullptr : static_cast<unsigned char*>(std::malloc(maximum));
    if (block != nullptr) {
        std::memset(block, 0x41, maximum);
        blocks.push_back(block);
    }
    field = {length, maximum, reinterpret_cast<wchar_t*>(block)};
    if (length % sizeof(wchar_t) != 0 || length > maximum || (block == nullptr && length != 0)) {
        readable = false;
    }
}

inline const wchar_t* pick_type(std::uint8_t choice)
{
    switch (choice % 5) {
    case 0: return platform::msv1_0_interactive;
    case 1: return platform::kerberos_interactive;
    case 2: return L"Negotiate:Interactive";
    case 3: return L"";
    default: return nullptr;
    }
}

/// One step on NPLogonNotify (0), NPPasswordChangeNotify (1), NPGetConnection3 (2) or
/// NPGetConnectionPerformance (3) of `Np`, whose handler acts as `current` scripts (fuzz_provider.cpp).
template <class Np, class Script>
void credential_step(byte_reader& in, std::uint8_t which, Script& current, std::wstring name)
{
    const std::uint8_t nulls = in.u8();
    current.action = in.u8();
    current.code = (in.u8() & 1U) != 0 ? wn_status::no_network : wn_status::more_data;
    current.value = name.substr(name.size() / 2);
    current.calls = 0;
    const wchar_t* name_ptr = (nulls & 1U) != 0 ? nullptr : name.c_str();
    if (which >= 2) {
        if (which == 2) { // NPGetConnection3
            platform::dword size = in.u8() % 12U;
            const platform::dword level = in.u8() % 3U;
            auto* block = (nulls & 2U) != 0 || size == 0 ? nullptr : static_cast<unsigned char*>(std::malloc(size));
            if (block != nullptr) {
                std::memset(block, 0xA5, size);
            }
            const platform::dword claimed = size;
            const wn_status answer = static_cast<wn_status>(
                Np::get_connection3(name_ptr, level, block, (nulls & 4U) != 0 ? nullptr : &size));
            const bool refuse =
                name_ptr == nullptr || (nulls & 4U) != 0 || level != 1 || (block == nullptr && claimed != 0);
            if (refuse && current.calls != 0) {
                credential_fail("NPGetConnection3's hook ran for input the library must refuse");
            }
            if (answer == wn_status::more_data && (size != 4 || claimed >= 4)) {
                credential_fail("NPGetConnection3: WN_MORE_DATA needs 4 and only below 4");
            }
            for (std::size_t i = 4; block != nullptr && i < claimed; ++i) {
                if (block[i] != 0xA5) {
                    credential_fail("NPGetConnection3 wrote past its DWORD");
                }
            }
            std::free(block);
        } else { // NPGetConnectionPerformance
            auto* info =
                (nulls & 2U) != 0
                    ? nullptr
                    : static_cast<platform::net_connect_info*>(std::malloc(sizeof(platform::net_connect_info)));
            const platform::dword declared = in.u8() % 40U;
            if (info != nullptr) {
                *info = {declared, 0, 0, 0, 0};
            }
            const wn_status answer = static_cast<wn_status>(Np::get_connection_performance(name_ptr, info));
            if ((name_ptr == nullptr || info == nullptr || declared < sizeof(platform::net_connect_info)) &&
                current.calls != 0) {
                credential_fail("NPGetConnectionPerformance's hook ran for input the library must refuse");
            }
            if (info != nullptr && info->cbStructure != declared) {
                credential_fail("NPGetConnectionPerformance wrote cbStructure");
            }
            if (answer == wn_status::success && current.action % 11 >= 4) {
                credential_fail("NPGetConnectionPerformance answered WN_SUCCESS for a hook that did not");
            }
            std::free(info);
        }
        return;
    }
    std::vector<unsigned char*> blocks;
    bool readable = true;
    platform::interactive_logon current_info{};
    platform::interactive_logon previous_info{};
    fill_counted(in, current_info.LogonDomainName, readable, blocks);
    fill_counted(in, current_info.UserName, readable, blocks);
    fill_counted(in, current_info.Password, readable, blocks);
    const wchar_t* type = pick_type(in.u8());
    const wchar_t* previous_type = (nulls & 8U) != 0 ? pick_type(in.u8()) : nullptr;
    if (previous_type != nullptr) {
        fill_counted(in, previous_info.LogonDomainName, readable, blocks);
        fill_counted(in, previous_info.UserName, readable, blocks);
        fill_counted(in, previous_info.Password, readable, blocks);
    }
    auto known = [](const wchar_t* t) {
        return t != nullptr && (std::wstring_view{t} == platform::msv1_0_interactive ||
                                std::wstring_view{t} == platform::kerberos_interactive);
    };
    void* info_ptr = (nulls & 2U) != 0 ? nullptr : &current_info;
    void* previous_ptr = (nulls & 16U) != 0 ? nullptr : &previous_info;
    std::wstring station = (nulls & 32U) != 0 ? L"SvcCtl" : L"WinSta_0";
    const bool acceptable = known(type) && info_ptr != nullptr &&
                            (previous_type == nullptr || (known(previous_type) && previous_ptr != nullptr));
    wn_status answer = wn_status::success;
    if (which == 0) {
        platform::luid id{in.u32(), 0};
        wchar_t* script_out = reinterpret_cast<wchar_t*>(&id); // garbage the library must overwrite
        answer = static_cast<wn_status>(Np::logon_notify((nulls & 64U) != 0 ? nullptr : &id, type, info_ptr,
                                                         previous_type, previous_ptr, station.data(), nullptr,
                                                         (nulls & 128U) != 0 ? nullptr : &script_out));
        if ((nulls & 128U) == 0) {
            if (script_out != nullptr && (answer != wn_status::success || current.value.empty())) {
                credential_fail("NPLogonNotify left a script with no script to give");
            }
            if (script_out != nullptr) {
                if (std::wstring{script_out} != current.value) {
                    credential_fail("NPLogonNotify's script differs from the hook's");
                }
                platform::local_free(script_out);
            }
        }
        if (((nulls & 64U) != 0 || (nulls & 128U) != 0) && current.calls != 0) {
            credential_fail("NPLogonNotify's hook ran with a NULL logon id or script pointer");
        }
    } else {
        answer = static_cast<wn_status>(
            Np::password_change_notify(type, info_ptr, previous_type, previous_ptr, station.data(), nullptr, in.u32()));
    }
    if ((!acceptable || !readable) && current.calls != 0) {
        credential_fail("a credential hook ran for input the library must refuse");
    }
    if (acceptable && !readable && (nulls & 192U) == 0 && which == 0 && answer != wn_status::bad_value) {
        credential_fail("an unreadable UNICODE_STRING is not WN_BAD_VALUE");
    }
    if (answer == wn_status::success && current.calls != 0 && current.action % 11 >= 5) {
        credential_fail("a credential hook that threw answered WN_SUCCESS");
    }
    for (unsigned char* block : blocks) {
        std::free(block);
    }
}

} // namespace fuzz
