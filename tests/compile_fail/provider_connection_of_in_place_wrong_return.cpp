// expect: or mprnotify::wn_status connection_of(mprnotify::wzstring_view local_name, mprnotify::name_answer& answer)
#include <mprnotify/provider.hpp>
using namespace mprnotify;
struct handler {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    // The in-place form returns the status set() gave (or its own code): void cannot say "not mine".
    void connection_of(wzstring_view, name_answer& answer) { static_cast<void>(answer.set(L"\\\\server\\share")); }
};
MPRNOTIFY_PROVIDER_EXPORT(handler);
