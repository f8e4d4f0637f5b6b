// The browsing half of the end-to-end test (np_end_to_end.cpp's child): WNetOpenEnumW /
// WNetEnumResourceW / WNetCloseEnum through Wine's real mpr.dll reach examples/home_provider, whose
// shares are the folders of C:\home.
//
// Wine 8.0's enumeration defects (its dlls/mpr/wnet.c), avoided here and never counted as the
// library's failures: RESOURCE_CONNECTED copies entries into Wine's own buffer with lpComment left
// dangling and the caller's size not updated after WN_MORE_DATA (not used: GLOBALNET only);
// GLOBALNET with lpNet NULL and a tiny buffer loops forever (lpNet always names the provider);
// RESOURCE_CONTEXT writes the array at an unaligned offset (not used); GLOBALNET by remote name
// without a provider reopens after WN_MORE_DATA and shows only the first batch (lpProvider is always
// set); REMEMBERED with a tiny buffer answers 259 (not used). Found here: Wine looks
// NPGetResourceInformation up only for a provider that announces enumeration, so np_recorder
// enumerates (nothing) to be asked for resource information.
#pragma once

#include <windows.h>
#include <winnetwk.h>

#include <algorithm>
#include <cstdio>
#include <cwchar>
#include <set>
#include <string>
#include <vector>

namespace np_browse {

inline int failures = 0;

inline void report(const char* call, bool ok, const std::string& got)
{
    failures += ok ? 0 : 1;
    std::printf("  %-62s -> %s %s\n", call, got.c_str(), ok ? "ok" : "UNEXPECTED");
}

/// Entries whose lpProvider is not the Name the provider is registered with (its provider_name).
inline int wrong_provider = 0;
inline const wchar_t* expected_provider = L"";

/// Reads one batch; adds the remote names to `names`. Returns WNetEnumResourceW's answer.
inline DWORD batch(HANDLE handle, DWORD count, DWORD bytes, DWORD& size_out, DWORD& count_out,
                   std::vector<std::wstring>& names)
{
    std::vector<unsigned char> buffer(bytes + 1);
    count_out = count;
    size_out = bytes;
    const DWORD answer = ::WNetEnumResourceW(handle, &count_out, buffer.data(), &size_out);
    if (answer == NO_ERROR) {
        const auto* entries = reinterpret_cast<const NETRESOURCEW*>(buffer.data());
        for (DWORD i = 0; i < count_out; ++i) {
            names.emplace_back(entries[i].lpRemoteName != nullptr ? entries[i].lpRemoteName : L"(NULL)");
            if (entries[i].lpProvider == nullptr || std::wcscmp(entries[i].lpProvider, expected_provider) != 0) {
                ++wrong_provider;
            }
        }
    }
    return answer;
}

/// WNetGetResourceInformationW reaches np_recorder's resource_information hook: a buffer too small,
/// then the size it asked for.
inline void resource_information()
{
    std::printf("\nResource information through Wine's mpr.dll (np_recorder):\n");
    wchar_t name[] = L"\\\\recorder\\share\\dir\\file.txt";
    NETRESOURCEW asked{};
    asked.lpRemoteName = name;
    asked.dwType = RESOURCETYPE_DISK;
    std::vector<unsigned char> too_small(sizeof(NETRESOURCEW));
    DWORD size = static_cast<DWORD>(too_small.size());
    wchar_t* system = nullptr;
    DWORD answer = ::WNetGetResourceInformationW(&asked, too_small.data(), &size, &system);
    const DWORD needed = size;
    report("WNetGetResourceInformationW \\\\recorder\\share\\dir\\file.txt, too small",
           answer == ERROR_MORE_DATA && needed > too_small.size(),
           std::to_string(answer) + ", size " + std::to_string(needed));
    std::vector<unsigned char> buffer(needed);
    size = needed;
    answer = ::WNetGetResourceInformationW(&asked, buffer.data(), &size, &system);
    const auto* got = reinterpret_cast<const NETRESOURCEW*>(buffer.data());
    const bool inside = system != nullptr && reinterpret_cast<unsigned char*>(system) > buffer.data() &&
                        reinterpret_cast<unsigned char*>(system) < buffer.data() + buffer.size();
    const bool ok = answer == NO_ERROR && got->lpRemoteName != nullptr &&
                    std::wcscmp(got->lpRemoteName, L"\\\\recorder\\share") == 0 && inside &&
                    std::wcscmp(system, L"\\dir\\file.txt") == 0 && got->lpLocalName == nullptr;
    report("WNetGetResourceInformationW, the size asked for", ok,
           std::to_string(answer) + ", " + (answer == NO_ERROR && got->lpRemoteName ? "remote and system part" : "-"));
}

/// The browse checks; `provider_name` is the Name home_provider is registered with.
inline int run(const wchar_t* provider_name)
{
    std::printf("\nBrowsing through Wine's mpr.dll (WNetOpenEnumW RESOURCE_GLOBALNET, lpNet.lpProvider = %ls):\n",
                provider_name);
    expected_provider = provider_name;
    const std::set<std::wstring> shares = {L"\\\\home\\docs", L"\\\\home\\music", L"\\\\home\\photos"};
    ::CreateDirectoryW(L"C:\\home", nullptr);
    for (const wchar_t* folder : {L"C:\\home\\docs", L"C:\\home\\music", L"C:\\home\\photos"}) {
        ::CreateDirectoryW(folder, nullptr);
    }
    // The longest entry: the structure, its remote name and the provider's name (its provider_name).
    const auto entry_bytes =
        static_cast<DWORD>(sizeof(NETRESOURCEW) +
                           (std::wcslen(L"\\\\home\\photos") + 1 + std::wcslen(provider_name) + 1) * sizeof(wchar_t));

    // Counts 1 / 2 / 0xFFFFFFFF, buffers from one entry short of the longest share to large.
    for (const DWORD count : {DWORD{1}, DWORD{2}, DWORD{0xFFFFFFFF}}) {
        for (const DWORD bytes : {entry_bytes - 1, entry_bytes, 2 * entry_bytes + 7, DWORD{4096}}) {
            NETRESOURCEW net{};
            net.lpProvider = const_cast<wchar_t*>(provider_name);
            HANDLE handle = nullptr;
            const DWORD opened = ::WNetOpenEnumW(RESOURCE_GLOBALNET, RESOURCETYPE_ANY, 0, &net, &handle);
            char call[96];
            std::snprintf(call, sizeof call, "WNetOpenEnumW + WNetEnumResourceW count %ld, %lu bytes",
                          count == 0xFFFFFFFF ? -1L : static_cast<long>(count), static_cast<unsigned long>(bytes));
            if (opened != NO_ERROR) {
                report(call, false, "WNetOpenEnumW " + std::to_string(opened));
                continue;
            }
            std::vector<std::wstring> names;
            DWORD answer = NO_ERROR;
            DWORD more_data = 0;
            DWORD batches = 0;
            bool batch_sizes_ok = true;
            for (int calls = 0; calls < 20; ++calls) {
                DWORD size = 0;
                DWORD got = 0;
                answer = batch(handle, count, bytes, size, got, names);
                if (answer == ERROR_MORE_DATA) {
                    // Only when not one entry fits, with the bytes one entry needs: read it then.
                    ++more_data;
                    batch_sizes_ok = batch_sizes_ok && size > bytes && size <= entry_bytes;
                    answer = batch(handle, count, size, size, got, names);
                }
                if (answer != NO_ERROR) {
                    break;
                }
                ++batches;
                batch_sizes_ok = batch_sizes_ok && got >= 1 && got <= count;
            }
            const DWORD closed = ::WNetCloseEnum(handle);
            const std::set<std::wstring> seen(names.begin(), names.end());
            const bool ok = answer == ERROR_NO_MORE_ITEMS && closed == NO_ERROR && seen == shares &&
                            names.size() == shares.size() && batch_sizes_ok && (bytes >= entry_bytes || more_data > 0);
            report(call, ok,
                   std::to_string(names.size()) + " shares in " + std::to_string(batches) + " batch(es), " +
                       std::to_string(more_data) + " WN_MORE_DATA, end " + std::to_string(answer) + ", close " +
                       std::to_string(closed));
        }
    }
    // home_provider's provider_name is its registered Name: every entry names it, so a consumer can
    // hand an entry back to WNetOpenEnumW / WNetGetResourceInformationW and reach the same provider.
    report("every entry's lpProvider is the provider's registered Name", wrong_provider == 0,
           std::to_string(wrong_provider) + " entries without it");
    resource_information();
    return failures;
}

} // namespace np_browse
