/* provider.c - a network provider in plain C that keeps every rule `mprnotify-check --run` checks.
 *
 * It serves \\checkrun with two shares, starts with R: connected to \\checkrun\docs (so every lookup
 * has a name to answer without --local), accepts connections to its shares, and can be browsed.
 * Built once as written and once per -DDEFECT_<NAME>, each of which brings back one defect that
 * hand-written providers have (tests/check_run/meson.build; the checks that must catch each one are
 * listed there and in docs/check-run.md). Exported by plain name through provider.def. */
#include "provider.h"
#include "last_error.h" /* after provider.h, which includes <windows.h> */

#include <stddef.h>
#include <string.h>
#include <wchar.h>

#define USER_NAME L"checkrun\\user"

const wchar_t* const shares[SHARE_COUNT] = {SERVER L"\\docs", SERVER L"\\media"};

/* The connections, R: from the start. */
static SRWLOCK lock = SRWLOCK_INIT;
static struct {
    BOOL used;
    int share;        /* index in shares[] */
    wchar_t local[3]; /* "" for a deviceless connection */
} connections[MAX_CONNECTIONS] = {{TRUE, 0, L"R:"}};

size_t text_bytes(const wchar_t* text) { return (wcslen(text) + 1) * sizeof(wchar_t); }

/* The share a remote name names exactly, or -1. */
int share_named(const wchar_t* remote)
{
    for (size_t i = 0; remote != NULL && i < SHARE_COUNT; ++i) {
        if (_wcsicmp(remote, shares[i]) == 0) {
            return (int)i;
        }
    }
    return -1;
}

/* The connection slot of a local name ("R:", any case), or -1. Called with the lock held. */
static int connection_of(const wchar_t* local)
{
    for (int i = 0; i < MAX_CONNECTIONS; ++i) {
        if (connections[i].used && _wcsicmp(connections[i].local, local) == 0) {
            return i;
        }
    }
    return -1;
}

DWORD APIENTRY NPGetCaps(DWORD index)
{
    switch (index) {
    case WNNC_SPEC_VERSION: return WNNC_SPEC_VERSION51;
    case WNNC_NET_TYPE: return 0x00FD0000; /* a type no real network uses */
    case WNNC_DRIVER_VERSION: return 1;
    case WNNC_USER: return WNNC_USR_GETUSER;
#ifdef DEFECT_CAPS_MISMATCH
    /* The defect: NPGetConnectionPerformance promised, but never written or exported. */
    case WNNC_CONNECTION:
        return WNNC_CON_ADDCONNECTION | WNNC_CON_ADDCONNECTION3 | WNNC_CON_CANCELCONNECTION | WNNC_CON_GETCONNECTIONS |
               WNNC_CON_GETPERFORMANCE;
#else
    case WNNC_CONNECTION:
        return WNNC_CON_ADDCONNECTION | WNNC_CON_ADDCONNECTION3 | WNNC_CON_CANCELCONNECTION | WNNC_CON_GETCONNECTIONS;
#endif
    case WNNC_DIALOG: return WNNC_DLG_GETRESOURCEINFORMATION | WNNC_DLG_GETRESOURCEPARENT;
    case WNNC_ENUMERATION: return WNNC_ENUM_GLOBAL | WNNC_ENUM_LOCAL;
    default: {
#ifdef DEFECT_CRASH
        /* The defect: an index this provider does not know reaches a table it never filled. */
        static DWORD* volatile unknown_answers = NULL;
        return *unknown_answers;
#else
        return 0;
#endif
    }
    }
}

/* A local name is NULL or empty (deviceless) or a drive letter and a colon. */
static BOOL valid_local(const wchar_t* local)
{
    return local == NULL || local[0] == L'\0' ||
           (((local[0] >= L'A' && local[0] <= L'Z') || (local[0] >= L'a' && local[0] <= L'z')) && local[1] == L':' &&
            local[2] == L'\0');
}

DWORD APIENTRY NPAddConnection3(HWND owner, LPNETRESOURCEW resource, LPWSTR password, LPWSTR user, DWORD flags)
{
    (void)owner;
    (void)password; /* never stored, compared or written anywhere */
    (void)user;
    (void)flags;
    if (resource == NULL) {
        return WN_BAD_POINTER;
    }
    const int share = share_named(resource->lpRemoteName);
    if (share < 0) {
        return WN_BAD_NETNAME; /* not ours: MPR asks the next provider */
    }
    if (!valid_local(resource->lpLocalName)) {
        return WN_BAD_LOCALNAME;
    }
    const wchar_t* local = resource->lpLocalName != NULL ? resource->lpLocalName : L"";
    DWORD status = WN_OUT_OF_MEMORY;
    AcquireSRWLockExclusive(&lock);
    if (local[0] != L'\0' && connection_of(local) >= 0) {
        status = WN_ALREADY_CONNECTED;
    } else {
        for (int i = 0; i < MAX_CONNECTIONS; ++i) {
            if (!connections[i].used) {
                connections[i].used = TRUE;
                connections[i].share = share;
                wcscpy(connections[i].local, local);
                status = WN_SUCCESS;
                break;
            }
        }
    }
    ReleaseSRWLockExclusive(&lock);
    return status;
}

DWORD APIENTRY NPAddConnection(LPNETRESOURCEW resource, LPWSTR password, LPWSTR user)
{
    return NPAddConnection3(NULL, resource, password, user, 0);
}

DWORD APIENTRY NPCancelConnection(LPWSTR name, BOOL force)
{
    (void)force;
    if (name == NULL) {
        return WN_BAD_POINTER;
    }
    DWORD status = WN_NOT_CONNECTED;
    AcquireSRWLockExclusive(&lock);
    for (int i = 0; i < MAX_CONNECTIONS; ++i) {
        const BOOL deviceless = connections[i].local[0] == L'\0';
        if (connections[i].used && (deviceless ? _wcsicmp(shares[connections[i].share], name) == 0
                                               : _wcsicmp(connections[i].local, name) == 0)) {
            connections[i].used = FALSE;
            status = WN_SUCCESS;
            break;
        }
    }
    ReleaseSRWLockExclusive(&lock);
    return status;
}

/* NPGetConnection / NPGetUser: `text` and its NUL into a buffer of *length characters. */
static DWORD write_characters(const wchar_t* text, LPWSTR buffer, LPDWORD length)
{
#ifdef DEFECT_BYTES_FOR_CHARS
    const DWORD needed = (DWORD)text_bytes(text); /* the defect: bytes where the page says characters */
#else
    const DWORD needed = (DWORD)(wcslen(text) + 1);
#endif
    if (buffer == NULL || *length < needed) {
        *length = needed;
        return WN_MORE_DATA;
    }
    memcpy(buffer, text, text_bytes(text));
    return WN_SUCCESS;
}

DWORD APIENTRY NPGetConnection(LPWSTR local, LPWSTR remote, LPDWORD length)
{
#ifdef DEFECT_NO_NULL_CHECKS
    if (local == NULL || (remote == NULL && *length != 0)) { /* the defect: length itself never checked */
#else
    if (local == NULL || length == NULL || (remote == NULL && *length != 0)) {
#endif
        return answer(WN_BAD_POINTER);
    }
    AcquireSRWLockShared(&lock);
    const int slot = local[0] != L'\0' ? connection_of(local) : -1;
    const wchar_t* share = slot >= 0 ? shares[connections[slot].share] : NULL;
    ReleaseSRWLockShared(&lock);
    return answer(share != NULL ? write_characters(share, remote, length) : WN_NOT_CONNECTED);
}

DWORD APIENTRY NPGetUser(LPWSTR name, LPWSTR user, LPDWORD length)
{
#ifdef DEFECT_HANG
    Sleep(INFINITE); /* the defect: waits for a server that never answers, on MPR's thread */
#endif
    if (length == NULL || (user == NULL && *length != 0)) {
        return WN_BAD_POINTER;
    }
    BOOL known = name == NULL || name[0] == L'\0' || share_named(name) >= 0;
    if (!known) {
        AcquireSRWLockShared(&lock);
        known = connection_of(name) >= 0;
        ReleaseSRWLockShared(&lock);
    }
    return known ? write_characters(USER_NAME, user, length) : WN_NOT_CONNECTED;
}

DWORD APIENTRY NPGetUniversalName(LPWSTR local_path, DWORD level, LPVOID buffer, LPDWORD size)
{
    if (local_path == NULL || size == NULL) {
        return WN_BAD_POINTER;
    }
    if (level != UNIVERSAL_NAME_INFO_LEVEL && level != REMOTE_NAME_INFO_LEVEL) {
        return WN_BAD_LEVEL;
    }
    if (buffer == NULL && *size != 0) {
        return WN_BAD_POINTER;
    }
    wchar_t drive[3] = {local_path[0], local_path[0] != L'\0' ? local_path[1] : L'\0', L'\0'};
    AcquireSRWLockShared(&lock);
    const int slot = drive[0] != L'\0' && drive[1] == L':' ? connection_of(drive) : -1;
    const wchar_t* share = slot >= 0 ? shares[connections[slot].share] : NULL;
    ReleaseSRWLockShared(&lock);
    if (share == NULL) {
        return WN_NOT_CONNECTED;
    }
    /* The structure at the start, then the universal name, then (level 2) the two parts. */
    const wchar_t* rest = local_path + 2;
    const size_t share_bytes = wcslen(share) * sizeof(wchar_t);
    const size_t universal_bytes = share_bytes + text_bytes(rest);
    const size_t head = level == UNIVERSAL_NAME_INFO_LEVEL ? sizeof(UNIVERSAL_NAME_INFOW) : sizeof(REMOTE_NAME_INFOW);
    const size_t needed = head + universal_bytes +
                          (level == REMOTE_NAME_INFO_LEVEL ? share_bytes + sizeof(wchar_t) + text_bytes(rest) : 0);
#ifdef DEFECT_OVERRUN
    if (buffer == NULL || *size < head) { /* the defect: only the structure is checked against the size */
#else
    if (buffer == NULL || *size < needed) {
#endif
        *size = (DWORD)needed;
        return WN_MORE_DATA;
    }
    char* out = (char*)buffer + head;
    wchar_t* universal = (wchar_t*)out;
    memcpy(out, share, share_bytes);
    memcpy(out + share_bytes, rest, text_bytes(rest));
    out += universal_bytes;
    if (level == UNIVERSAL_NAME_INFO_LEVEL) {
        memcpy((char*)buffer + offsetof(UNIVERSAL_NAME_INFOW, lpUniversalName), &universal, sizeof universal);
        return WN_SUCCESS;
    }
    wchar_t* connection = (wchar_t*)out;
    memcpy(out, share, share_bytes);
    memset(out + share_bytes, 0, sizeof(wchar_t));
    out += share_bytes + sizeof(wchar_t);
    wchar_t* remaining = (wchar_t*)out;
    memcpy(out, rest, text_bytes(rest));
    memcpy((char*)buffer + offsetof(REMOTE_NAME_INFOW, lpUniversalName), &universal, sizeof universal);
    memcpy((char*)buffer + offsetof(REMOTE_NAME_INFOW, lpConnectionName), &connection, sizeof connection);
    memcpy((char*)buffer + offsetof(REMOTE_NAME_INFOW, lpRemainingPath), &remaining, sizeof remaining);
    return WN_SUCCESS;
}

size_t connected_entries(entry* out)
{
    size_t count = 0;
    AcquireSRWLockShared(&lock);
    for (int i = 0; i < MAX_CONNECTIONS; ++i) {
        if (connections[i].used) {
            const entry connected = {
                RESOURCETYPE_DISK,           RESOURCEDISPLAYTYPE_SHARE, RESOURCEUSAGE_CONNECTABLE, {0}, TRUE,
                shares[connections[i].share]};
            out[count] = connected;
            wcscpy(out[count].local, connections[i].local); /* "" for a deviceless one: never NULL */
            ++count;
        }
    }
    ReleaseSRWLockShared(&lock);
    return count;
}
