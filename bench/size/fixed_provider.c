/* bench/size/fixed_provider.cpp written by hand in C: the same four NP functions, the same table of
 * drive letters under an SRWLOCK, the same checks (NULL pointers, a NULL buffer with a size, sizes
 * in characters with WN_MORE_DATA and the exact size needed) and the same answers. For the DLL size
 * comparison only (x86_64 MinGW); the .def-free exports are declared with dllexport. */
#ifndef UNICODE
#  define UNICODE /* npapi.h declares the NP functions with TCHAR strings */
#endif
#include <windows.h>
#include <winnetwk.h>
#include <npapi.h>
#include <string.h>
#include <wchar.h>

#define EXPORT __declspec(dllexport)

enum { REMOTE_CHARS = 64 };
typedef struct {
    size_t size; /* characters of remote; 0: not connected */
    wchar_t remote[REMOTE_CHARS];
} drive;
static drive drives[26];
static SRWLOCK lock = SRWLOCK_INIT;

static const wchar_t prefix[] = L"\\\\lab\\";
#define PREFIX_CHARS (sizeof(prefix) / sizeof(wchar_t) - 1)

static drive* slot(const wchar_t* local)
{
    if (local == NULL || local[0] < L'A' || local[0] > L'Z' || local[1] != L':' || local[2] != L'\0') {
        return NULL;
    }
    return &drives[local[0] - L'A'];
}

EXPORT DWORD APIENTRY NPGetCaps(DWORD index)
{
    switch (index) {
    case WNNC_SPEC_VERSION: return WNNC_SPEC_VERSION51;
    case WNNC_NET_TYPE: return 0x00FB0000;
    case WNNC_DRIVER_VERSION: return 1;
    case WNNC_CONNECTION:
        return WNNC_CON_ADDCONNECTION | WNNC_CON_ADDCONNECTION3 | WNNC_CON_CANCELCONNECTION | WNNC_CON_GETCONNECTIONS;
    default: return 0;
    }
}

static DWORD add(LPNETRESOURCEW resource)
{
    if (resource == NULL) {
        return WN_BAD_POINTER;
    }
    const wchar_t* remote = resource->lpRemoteName;
    if (remote == NULL) {
        return WN_BAD_NETNAME;
    }
    const size_t length = wcslen(remote);
    if (length < PREFIX_CHARS ||
        CompareStringOrdinal(remote, (int)PREFIX_CHARS, prefix, (int)PREFIX_CHARS, TRUE) != CSTR_EQUAL ||
        resource->lpLocalName == NULL || resource->lpLocalName[0] == L'\0') {
        return WN_BAD_NETNAME;
    }
    drive* d = slot(resource->lpLocalName);
    if (d == NULL || length >= REMOTE_CHARS) {
        return WN_BAD_LOCALNAME;
    }
    DWORD result = WN_ALREADY_CONNECTED;
    AcquireSRWLockExclusive(&lock);
    if (d->size == 0) {
        memcpy(d->remote, remote, length * sizeof(wchar_t));
        d->size = length;
        result = WN_SUCCESS;
    }
    ReleaseSRWLockExclusive(&lock);
    return result;
}

EXPORT DWORD APIENTRY NPAddConnection(LPNETRESOURCEW resource, LPWSTR password, LPWSTR user)
{
    (void)password;
    (void)user;
    return add(resource);
}

EXPORT DWORD APIENTRY NPAddConnection3(HWND owner, LPNETRESOURCEW resource, LPWSTR password, LPWSTR user, DWORD flags)
{
    (void)owner;
    (void)password;
    (void)user;
    (void)flags;
    return add(resource);
}

EXPORT DWORD APIENTRY NPCancelConnection(LPWSTR name, BOOL force)
{
    (void)force;
    if (name == NULL) {
        return WN_BAD_POINTER;
    }
    drive* d = slot(name);
    DWORD result = WN_NOT_CONNECTED;
    AcquireSRWLockExclusive(&lock);
    if (d != NULL && d->size != 0) {
        d->size = 0;
        result = WN_SUCCESS;
    }
    ReleaseSRWLockExclusive(&lock);
    return result;
}

EXPORT DWORD APIENTRY NPGetConnection(LPWSTR local, LPWSTR remote, LPDWORD chars)
{
    if (local == NULL || chars == NULL || (remote == NULL && *chars != 0)) {
        return WN_BAD_POINTER;
    }
    drive* d = slot(local);
    DWORD result = WN_NOT_CONNECTED;
    AcquireSRWLockExclusive(&lock);
    if (d != NULL && d->size != 0) {
        if (*chars < d->size + 1) {
            *chars = (DWORD)(d->size + 1);
            result = WN_MORE_DATA;
        } else {
            memcpy(remote, d->remote, d->size * sizeof(wchar_t));
            remote[d->size] = L'\0';
            result = WN_SUCCESS;
        }
    }
    ReleaseSRWLockExclusive(&lock);
    return result;
}
