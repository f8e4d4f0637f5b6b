// expect: universal_name_of(std::wstring_view local_path, mprnotify::universal_name_answer& answer)
#include <mprnotify/provider.hpp>
using namespace mprnotify;
struct handler {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    // NPGetUniversalName's buffer holds a structure, not characters: its answer object is universal_name_answer.
    wn_status universal_name_of(std::wstring_view, name_answer& answer) { return answer.set(L"\\\\server\\share"); }
};
MPRNOTIFY_PROVIDER_EXPORT(handler);
