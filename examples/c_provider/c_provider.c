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
typedef int32_t LONG;
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
#  define WN_BAD_POINTER 487
#  define WN_NOT_CONNECTED 2250
#  define InterlockedOr(target, bits) __atomic_fetch_or(target, bits, __ATOMIC_SEQ_CST)
#  define InterlockedAnd(target, bits) __atomic_fetch_and(target, bits, __ATOMIC_SEQ_CST)
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

/* The drives it connected: bit 0 for A: to bit 25 for Z:, so that it cancels those and no other. */
static volatile LONG connected_drives;

/* The bit of a drive name ("X:"), or 0 for any other name. */
static LONG drive_bit(LPCWSTR name)
{
    if (name == 0 || name[0] == 0 || name[1] != L':' || name[2] != 0) {
        return 0;
    }
    if (name[0] >= L'a' && name[0] <= L'z') {
        return (LONG)1 << (name[0] - L'a');
    }
    if (name[0] >= L'A' && name[0] <= L'Z') {
        return (LONG)1 << (name[0] - L'A');
    }
    return 0;
}

PROVIDER_API DWORD APIENTRY NPAddConnection3(HWND owner, LPNETRESOURCEW resource, LPWSTR password, LPWSTR user,
                                             DWORD flags)
{
    (void)owner;
    (void)password; /* a real provider authenticates here; it never logs either value */
    (void)user;
    (void)flags;
    if (resource == 0 || !is_ours(resource->lpRemoteName)) {
        return WN_BAD_NETNAME;
    }
    InterlockedOr(&connected_drives, drive_bit(resource->lpLocalName)); /* no bit for a deviceless connection */
    return WN_SUCCESS;
}

/* A drive it did not connect, or a server it does not serve, is WN_NOT_CONNECTED: MPR asks the next
 * provider. */
PROVIDER_API DWORD APIENTRY NPCancelConnection(LPWSTR name, BOOL force)
{
    LONG drive;
    (void)force;
    if (name == 0) {
        return WN_BAD_POINTER;
    }
    drive = drive_bit(name);
    if (drive != 0) {
        return (InterlockedAnd(&connected_drives, ~drive) & drive) != 0 ? WN_SUCCESS : WN_NOT_CONNECTED;
    }
    return is_ours(name) ? WN_SUCCESS : WN_NOT_CONNECTED;
}
