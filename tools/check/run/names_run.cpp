// names_run.cpp - the names to check with, a connection held for a group, and names.cycle: connect,
// look up, enumerate, disconnect, and the answers consistent with each other.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "enumeration.hpp"
#include "provider_run.hpp"

namespace mprcheck::run {

bool same_name(const std::wstring& a, const std::wstring& b)
{
    return ::CompareStringOrdinal(a.c_str(), static_cast<int>(a.size()), b.c_str(), static_cast<int>(b.size()), TRUE) ==
           CSTR_EQUAL;
}

std::vector<owned_resource> copy_entries(const void* buffer, DWORD count)
{
    std::vector<owned_resource> out;
    const auto* entries = static_cast<const NETRESOURCEW*>(buffer);
    for (DWORD i = 0; i < count; ++i) {
        const NETRESOURCEW& e = entries[i];
        out.push_back({e.dwScope, e.dwType, e.dwDisplayType, e.dwUsage, e.lpLocalName ? e.lpLocalName : L"",
                       e.lpRemoteName ? e.lpRemoteName : L"", e.lpComment ? e.lpComment : L"",
                       e.lpProvider ? e.lpProvider : L"", e.lpRemoteName != nullptr});
    }
    return out;
}

NETRESOURCEW as_net_resource(owned_resource& entry)
{
    NETRESOURCEW resource{};
    resource.dwScope = entry.scope;
    resource.dwType = entry.type;
    resource.dwDisplayType = entry.display_type;
    resource.dwUsage = entry.usage;
    resource.lpLocalName = entry.local.empty() ? nullptr : entry.local.data();
    resource.lpRemoteName = entry.has_remote ? entry.remote.data() : nullptr;
    resource.lpComment = entry.comment.empty() ? nullptr : entry.comment.data();
    resource.lpProvider = entry.provider.empty() ? nullptr : entry.provider.data();
    return resource;
}

read_bound::read_bound(unsigned max_calls, double seconds)
    : max_calls_(max_calls), seconds_(seconds), deadline_(::GetTickCount64() + static_cast<ULONGLONG>(seconds * 1000))
{
}

bool read_bound::another_call()
{
    reached_ = calls_ >= max_calls_ || ::GetTickCount64() >= deadline_;
    calls_ += reached_ ? 0 : 1;
    return !reached_;
}

std::string seconds_text(double seconds)
{
    char text[32];
    std::snprintf(text, sizeof text, "%g", seconds);
    return text;
}

std::string read_bound::text() const
{
    return std::to_string(max_calls_) + " calls / " + seconds_text(seconds_) + " s";
}

enumeration_read read_enumeration(const np_exports& np, DWORD scope, DWORD usage, const NETRESOURCEW* parent,
                                  DWORD buffer_bytes, DWORD count, unsigned max_calls, double seconds)
{
    enumeration_read result;
    HANDLE handle = nullptr;
    result.open_answer = np.open_enum(scope, RESOURCETYPE_ANY, usage, const_cast<NETRESOURCEW*>(parent), &handle);
    if (result.open_answer != WN_SUCCESS) {
        return result;
    }
    std::vector<std::byte> buffer(buffer_bytes);
    read_bound bound{max_calls, seconds};
    while (bound.another_call()) {
        DWORD n = count;
        DWORD size = buffer_bytes;
        result.calls = bound.calls();
        result.last_answer = np.enum_resource(handle, &n, buffer.data(), &size);
        if (result.last_answer != WN_SUCCESS) {
            break;
        }
        const auto batch =
            copy_entries(buffer.data(), (std::min)(n, static_cast<DWORD>(buffer_bytes / sizeof(NETRESOURCEW))));
        result.entries.insert(result.entries.end(), batch.begin(), batch.end());
    }
    result.bounded = bound.reached();
    np.close_enum(handle);
    return result;
}

std::vector<served_name> find_names(const child_context& context, const np_exports& np)
{
    std::vector<served_name> names;
    if (!context.remote.empty()) {
        names.push_back({context.remote, context.local});
    }
    if (!np.can_enumerate()) {
        return names;
    }
    for (const auto& e : read_enumeration(np, RESOURCE_CONNECTED, 0, nullptr).entries) {
        if (e.has_remote && !e.remote.empty() && names.size() < 8) {
            names.push_back({e.remote, e.local});
        }
    }
    // GLOBALNET from the top: the first few containers, two levels down.
    auto top = read_enumeration(np, RESOURCE_GLOBALNET, 0, nullptr);
    unsigned containers = 0;
    for (auto& e : top.entries) {
        if ((e.usage & RESOURCEUSAGE_CONNECTABLE) != 0 && e.has_remote && names.size() < 8) {
            names.push_back({e.remote, L""});
        }
        if ((e.usage & RESOURCEUSAGE_CONTAINER) != 0 && containers++ < 4) {
            NETRESOURCEW parent = as_net_resource(e);
            for (const auto& inner : read_enumeration(np, RESOURCE_GLOBALNET, 0, &parent).entries) {
                if ((inner.usage & RESOURCEUSAGE_CONNECTABLE) != 0 && inner.has_remote && names.size() < 8) {
                    names.push_back({inner.remote, L""});
                }
            }
        }
    }
    return names;
}

std::wstring local_name_to_check(const child_context& context, const std::vector<served_name>& names)
{
    if (!context.local.empty()) {
        return context.local;
    }
    for (const auto& n : names) {
        if (!n.local.empty()) {
            return n.local;
        }
    }
    return {};
}

std::wstring remote_name_to_check(const child_context& context, const std::vector<served_name>& names)
{
    if (!context.remote.empty()) {
        return context.remote;
    }
    for (const auto& n : names) {
        if (!n.local.empty()) {
            return n.remote; // one with a connection first: it is surely served
        }
    }
    return names.empty() ? std::wstring{} : names.front().remote;
}

live_connection::live_connection(const child_context& context, const np_exports& np) : context_(context), np_(np)
{
    if (context.remote.empty() || (np.add_connection3 == nullptr && np.add_connection == nullptr)) {
        return;
    }
    std::wstring local = context.local;
    std::wstring remote = context.remote;
    if (!local.empty() && np.get_connection != nullptr) {
        wchar_t buffer[1024];
        DWORD size = 1024;
        if (np.get_connection(local.data(), buffer, &size) == WN_SUCCESS) {
            connected_ = true; // already connected (a persistent provider): leave it as found
            return;
        }
    }
    NETRESOURCEW resource{};
    resource.dwType = RESOURCETYPE_DISK;
    resource.lpLocalName = local.empty() ? nullptr : local.data();
    resource.lpRemoteName = remote.data();
    std::wstring password = context.password;
    std::wstring user = context.user;
    answer_ = np.add_connection3 != nullptr
                  ? np.add_connection3(nullptr, &resource, password.data(), user.empty() ? nullptr : user.data(), 0)
                  : np.add_connection(&resource, password.data(), user.empty() ? nullptr : user.data());
    ::SecureZeroMemory(password.data(), password.size() * sizeof(wchar_t));
    connected_ = made_here_ = answer_ == WN_SUCCESS;
}

DWORD live_connection::disconnect()
{
    if (!made_here_ || np_.cancel_connection == nullptr) {
        return WN_NOT_SUPPORTED;
    }
    made_here_ = false;
    connected_ = false;
    std::wstring name = context_.local.empty() ? context_.remote : context_.local;
    return np_.cancel_connection(name.data(), TRUE);
}

live_connection::~live_connection() { static_cast<void>(disconnect()); }

} // namespace mprcheck::run
