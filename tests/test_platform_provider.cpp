// The provider structures' portable layout (Windows: the SDK's, checked by static_asserts in the
// header) and the NP signatures' argument sizes on x86.
#include <doctest/doctest.h>

#include <mprnotify/core/platform_provider.hpp>

#include <cstddef>

namespace platform = mprnotify::platform;

static_assert(sizeof(platform::universal_name_info_w) == sizeof(void*));
static_assert(sizeof(platform::remote_name_info_w) == 3 * sizeof(void*));
static_assert(offsetof(platform::remote_name_info_w, lpConnectionName) == sizeof(void*));
static_assert(offsetof(platform::remote_name_info_w, lpRemainingPath) == 2 * sizeof(void*));

TEST_CASE("x86 argument bytes of every NP function, as the @N of its __stdcall name")
{
    namespace sig = platform::np_signature; // qualified: on Windows npapi.h declares functions of these names
    CHECK(platform::parameters<sig::NPGetCaps>::x86_argument_bytes == 4);
    CHECK(platform::parameters<sig::NPAddConnection>::x86_argument_bytes == 12);
    CHECK(platform::parameters<sig::NPAddConnection3>::x86_argument_bytes == 20);
    CHECK(platform::parameters<sig::NPCancelConnection>::x86_argument_bytes == 8);
    CHECK(platform::parameters<sig::NPGetConnection>::x86_argument_bytes == 12);
    CHECK(platform::parameters<sig::NPGetUniversalName>::x86_argument_bytes == 16);
    CHECK(platform::parameters<sig::NPGetUser>::x86_argument_bytes == 12);
}

#if MPRNOTIFY_PLATFORM_WINDOWS
static_assert(platform::wnnc::connection == WNNC_CONNECTION &&
              platform::wnnc::con_add_connection3 == WNNC_CON_ADDCONNECTION3);
static_assert(platform::wnnc::spec_version_51 == WNNC_SPEC_VERSION51 &&
              platform::wnnc::usr_get_user == WNNC_USR_GETUSER);
static_assert(platform::universal_name_info_level == UNIVERSAL_NAME_INFO_LEVEL);
static_assert(platform::remote_name_info_level == REMOTE_NAME_INFO_LEVEL);
static_assert(platform::connect_interactive == CONNECT_INTERACTIVE);
#endif

TEST_CASE("the WNNC values npapi.h defines")
{
    namespace wnnc = platform::wnnc;
    CHECK(wnnc::spec_version == 1);
    CHECK(wnnc::net_type == 2);
    CHECK(wnnc::connection == 6);
    CHECK(wnnc::enumeration == 0xB);
    CHECK(wnnc::con_add_connection3 == 8);
    CHECK(wnnc::spec_version_51 == 0x00050001);
    CHECK(platform::universal_name_info_level == 1);
    CHECK(platform::remote_name_info_level == 2);
}
