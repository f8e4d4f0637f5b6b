/* test_provider.c - a tiny network provider in plain C, for the registration tests under Wine.
 *
 * It claims remote names under \\mprnotify-test\ and appends one line per call to the file named
 * by the environment variable MPRNOTIFY_TEST_PROVIDER_LOG (when set): "caps <index>" for every
 * NPGetCaps (MPR asks when it loads the provider, so these lines prove it was loaded) and
 * "add3 <remote name>" / "add <remote name>" / "cancel <name>" for the connection calls. It never
 * looks at the password or user name. Exported by plain name through test_provider.def. */
#ifndef UNICODE
#  define UNICODE /* MinGW-w64's npapi.h declares NPAddConnection3 with LPTSTR */
#endif
#include <windows.h>
#include <npapi.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

static void log_line(const char* what, const wchar_t* name)
{
    char path[MAX_PATH];
    DWORD length = GetEnvironmentVariableA("MPRNOTIFY_TEST_PROVIDER_LOG", path, sizeof path);
    if (length == 0 || length >= sizeof path) {
        return;
    }
    FILE* file = fopen(path, "a");
    if (file == NULL) {
        return;
    }
    fprintf(file, "%s %ls\n", what, name != NULL ? name : L"(null)");
    fclose(file);
}

static BOOL is_ours(const wchar_t* remote)
{
    static const wchar_t prefix[] = L"\\\\mprnotify-test\\";
    return remote != NULL && _wcsnicmp(remote, prefix, wcslen(prefix)) == 0;
}

DWORD APIENTRY NPGetCaps(DWORD index)
{
    wchar_t text[16];
    swprintf(text, 16, L"%lu", (unsigned long)index);
    log_line("caps", text);
    switch (index) {
    case WNNC_SPEC_VERSION: return WNNC_SPEC_VERSION51;
    case WNNC_NET_TYPE: return 0x00FE0000; /* a type no real network uses */
    case WNNC_DRIVER_VERSION: return 1;
    case WNNC_CONNECTION: return WNNC_CON_ADDCONNECTION | WNNC_CON_ADDCONNECTION3 | WNNC_CON_CANCELCONNECTION;
    default: return 0;
    }
}

DWORD APIENTRY NPAddConnection3(HWND owner, LPNETRESOURCEW resource, LPWSTR password, LPWSTR user, DWORD flags)
{
    (void)owner;
    (void)password;
    (void)user;
    (void)flags;
    if (resource == NULL) {
        return WN_BAD_NETNAME;
    }
    log_line("add3", resource->lpRemoteName);
    return is_ours(resource->lpRemoteName) ? WN_SUCCESS : WN_BAD_NETNAME;
}

DWORD APIENTRY NPAddConnection(LPNETRESOURCEW resource, LPWSTR password, LPWSTR user)
{
    (void)password;
    (void)user;
    if (resource == NULL) {
        return WN_BAD_NETNAME;
    }
    log_line("add", resource->lpRemoteName);
    return is_ours(resource->lpRemoteName) ? WN_SUCCESS : WN_BAD_NETNAME;
}

DWORD APIENTRY NPCancelConnection(LPWSTR name, BOOL force)
{
    (void)force;
    log_line("cancel", name);
    return is_ours(name) ? WN_SUCCESS : WN_NOT_CONNECTED;
}
