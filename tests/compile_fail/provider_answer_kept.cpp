// expect: deleted
#include <mprnotify/provider.hpp>
using namespace mprnotify;
struct handler {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    // An answer writes into MPR's buffer during its call only: it cannot be copied out to be set later.
    wn_status connection_of(wzstring_view, name_answer& answer)
    {
        name_answer kept = answer;
        return kept.set(L"\\\\server\\share");
    }
};
MPRNOTIFY_PROVIDER_EXPORT(handler);
