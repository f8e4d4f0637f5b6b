/* An existing network provider, written in C: its DllMain and three of its NP* functions.
 *
 * Nothing here knows about mprnotify. The provider's exports are all in c_provider.def, one file
 * for x64 and x86; notifications.cpp is the one C++ file added to it for AddConnectNotify and
 * CancelConnectNotify. Off Windows the same file builds as a shared object for the tests. */
#if defined(_WIN32)
/* NP* functions are wide-only; npapi.h declares NPAddConnection3's strings with LPTSTR. */
#  ifndef UNICODE
#    define UNICODE
#  endif
#  include <windows.h>
#  include <npapi.h>
#  define PROVIDER_API /* exported through c_provider.def */
#else
#  include <stddef.h>
#  include <stdint.h>
typedef uint32_t DWORD;
typedef int32_t BOOL;
typedef wchar_t* LPWSTR;
typedef const wchar_t* LPCWSTR;
typedef struct NETRESOURCEW {
    DWORD dwScope, dwType, dwDisplayType, dwUsage;
    LPWSTR lpLocalName, lpRemoteName, lpComment, lpProvider;
} NETRESOURCEW, *LPNETRESOURCEW;
typedef void* HWND;
#  define APIENTRY
#  define PROVIDER_API __attribute__((visibility("default")))
#  define WNNC_SPEC_VERSION 0x00000001
#  define WNNC_NET_TYPE 0x00000002
#  define WNNC_CONNECTION 0x00000006
#  define WNNC_CON_ADDCONNECTION3 0x00000008
#  define WNNC_CON_CANCELCONNECTION 0x00000002
#  define WNNC_SPEC_VERSION51 0x00050001
#  define WN_SUCCESS 0
#  define WN_NOT_SUPPORTED 50
#  define WN_BAD_NETNAME 67
#endif

/* The provider's network type, as its registration would publish it (WNNC_NET_* style). */
#define C_PROVIDER_NET_TYPE 0x00500000

#if defined(_WIN32)
BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    (void)reserved;
    if (reason == DLL_PROCESS_ATTACH) {
        DisableThreadLibraryCalls(instance);
    }
    return TRUE;
}
#endif

PROVIDER_API DWORD APIENTRY NPGetCaps(DWORD index)
{
    switch (index) {
    case WNNC_SPEC_VERSION: return WNNC_SPEC_VERSION51;
    case WNNC_NET_TYPE: return C_PROVIDER_NET_TYPE;
    case WNNC_CONNECTION: return WNNC_CON_ADDCONNECTION3 | WNNC_CON_CANCELCONNECTION;
    default: return 0;
    }
}

/* This provider serves one server name; everything else belongs to another provider. */
static int is_ours(LPCWSTR remote)
{
    static const wchar_t prefix[] = L"\\\\cprovider\\";
    unsigned i;
    if (remote == 0) {
        return 0;
    }
    for (i = 0; prefix[i] != 0; ++i) {
        if (remote[i] != prefix[i]) {
            return 0;
        }
    }
    return 1;
}

PROVIDER_API DWORD APIENTRY NPAddConnection3(HWND owner, LPNETRESOURCEW resource, LPWSTR password, LPWSTR user,
                                             DWORD flags)
{
    (void)owner;
    (void)password; /* a real provider authenticates here; it never logs either value */
    (void)user;
    (void)flags;
    return resource != 0 && is_ours(resource->lpRemoteName) ? WN_SUCCESS : WN_BAD_NETNAME;
}

PROVIDER_API DWORD APIENTRY NPCancelConnection(LPWSTR name, BOOL force)
{
    (void)force;
    return name != 0 ? WN_SUCCESS : WN_NOT_SUPPORTED;
}
