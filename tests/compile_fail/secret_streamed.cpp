// expect: a secret cannot be streamed, formatted or logged
#include <mprnotify/provider.hpp>
#include <optional>
#include <string>
using namespace mprnotify;
#include <iostream>
struct handler {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    wn_status connect(const connect_request& r)
    {
        std::wcout << r.password(); // a password must never reach a log
        return wn_status::success;
    }
    wn_status disconnect(const disconnect_request&) { return wn_status::success; }
};
MPRNOTIFY_PROVIDER_EXPORT(handler);
