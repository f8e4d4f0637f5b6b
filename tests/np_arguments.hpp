// Arguments for calling a provider's NP entry points directly, as MPR passes them.
#pragma once

#include <cstddef>
#include <string>

#include <mprnotify/core/platform.hpp>
#include <mprnotify/core/platform_provider.hpp>

namespace np_arguments {

namespace platform = mprnotify::platform;

/// A NETRESOURCE for P: -> \\home\docs (a disk), with its strings owned by this object.
struct mpr_resource {
    std::wstring local = L"P:";
    std::wstring remote = L"\\\\home\\docs";
    platform::net_resource_w raw{};
    mpr_resource()
    {
        raw.lpLocalName = local.data();
        raw.lpRemoteName = remote.data();
        raw.dwType = 1;
    }
    // A copy's pointers would point into this object's strings.
    mpr_resource(const mpr_resource&) = delete;
    mpr_resource& operator=(const mpr_resource&) = delete;
};

/// `p` as parameter I of the NP function of `Signature` declares it: the SDK's TCHAR strings and
/// NETRESOURCE are the wide ones MPR passes.
template <class Signature, std::size_t I, class T>
auto as(T* p)
{
    return reinterpret_cast<typename platform::parameters<Signature>::template at<I>>(p); // NOLINT
}
using add3_sig = platform::np_signature::NPAddConnection3;
using add_sig = platform::np_signature::NPAddConnection;

} // namespace np_arguments
