// expect: enumerate must return a sequence of resources
#include <mprnotify/provider.hpp>
#include <string>
#include <vector>
using namespace mprnotify;
struct handler {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    static constexpr enum_scopes enumerates = enum_scopes::globalnet;
    std::vector<std::wstring> enumerate(const enum_request&) { return {L"\\\\home\\a"}; } // names, not resources
};
MPRNOTIFY_PROVIDER_EXPORT(handler);
