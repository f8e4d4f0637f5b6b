// expect: on_call must be declared void on_call(const mprnotify::call_record&) noexcept
#include <mprnotify/provider.hpp>
#include <optional>
#include <string>
using namespace mprnotify;
struct handler {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    std::optional<std::wstring> user_of(nullable_wstring) { return L"u"; }
    void on_call(const call_record&) {} // not noexcept: an exception would reach MPR
};
MPRNOTIFY_PROVIDER_EXPORT(handler);
