/* A careful hand-written C network provider: the same answers as providers/np_provider.cpp, the
 * same checks the library makes (NULL pointers, NULL buffer with a size, unknown level) and the
 * same buffer writes (characters for NPGetConnection / NPGetUser, bytes and packed structures for
 * NPGetUniversalName, WN_MORE_DATA with the size needed). Written against the documented layout. */
#include <stdint.h>
#include <string.h>
#include <wchar.h>

#define EXPORT __attribute__((visibility("default")))

typedef struct {
    uint32_t dwScope, dwType, dwDisplayType, dwUsage;
    wchar_t *lpLocalName, *lpRemoteName, *lpComment, *lpProvider;
} NETRESOURCEW;
typedef struct { wchar_t *lpUniversalName; } UNIVERSAL_NAME_INFOW;
typedef struct { wchar_t *lpUniversalName, *lpConnectionName, *lpRemainingPath; } REMOTE_NAME_INFOW;

enum {
    WN_SUCCESS = 0, WN_NOT_SUPPORTED = 50, WN_BAD_NETNAME = 67, WN_BAD_LEVEL = 124, WN_MORE_DATA = 234,
    WN_BAD_POINTER = 487, WN_NOT_CONNECTED = 2250
};

static const wchar_t share[] = L"\\\\bench\\share";
static const wchar_t user[] = L"bench-user";

EXPORT uint32_t NPGetCaps(uint32_t index)
{
    switch (index) {
    case 1: return 0x00050001;
    case 2: return 0x00FA0000;
    case 4: return 1;
    case 6: return 0xF;
    case 0xC: return 1;
    default: return 0;
    }
}

static uint32_t connect(const NETRESOURCEW *resource)
{
    if (resource == NULL) return WN_BAD_POINTER;
    if (resource->lpRemoteName == NULL) return WN_BAD_NETNAME;
    return wcsncmp(resource->lpRemoteName, L"\\\\bench\\", 8) == 0 ? WN_SUCCESS : WN_BAD_NETNAME;
}

EXPORT uint32_t NPAddConnection(NETRESOURCEW *resource, wchar_t *password, wchar_t *user_name)
{
    (void)password;
    (void)user_name;
    return connect(resource);
}

EXPORT uint32_t NPAddConnection3(void *owner, NETRESOURCEW *resource, wchar_t *password, wchar_t *user_name,
                                 uint32_t flags)
{
    (void)owner;
    (void)password;
    (void)user_name;
    (void)flags;
    return connect(resource);
}

EXPORT uint32_t NPCancelConnection(wchar_t *name, int32_t force)
{
    (void)force;
    if (name == NULL) return WN_BAD_POINTER;
    return wcscmp(name, L"P:") == 0 ? WN_SUCCESS : WN_NOT_CONNECTED;
}

static uint32_t write_chars(const wchar_t *text, size_t length, wchar_t *buffer, uint32_t *size)
{
    const uint32_t needed = (uint32_t)(length + 1);
    if (buffer == NULL || *size < needed) {
        *size = needed;
        return WN_MORE_DATA;
    }
    memcpy(buffer, text, needed * sizeof(wchar_t));
    return WN_SUCCESS;
}

EXPORT uint32_t NPGetConnection(wchar_t *local, wchar_t *remote, uint32_t *size)
{
    if (local == NULL || size == NULL || (remote == NULL && *size != 0)) return WN_BAD_POINTER;
    if (wcscmp(local, L"P:") != 0) return WN_NOT_CONNECTED;
    return write_chars(share, sizeof share / sizeof share[0] - 1, remote, size);
}

EXPORT uint32_t NPGetUser(wchar_t *name, wchar_t *buffer, uint32_t *size)
{
    (void)name;
    if (size == NULL || (buffer == NULL && *size != 0)) return WN_BAD_POINTER;
    return write_chars(user, sizeof user / sizeof user[0] - 1, buffer, size);
}

EXPORT uint32_t NPGetUniversalName(wchar_t *path, uint32_t level, void *buffer, uint32_t *size)
{
    if (path == NULL || size == NULL) return WN_BAD_POINTER;
    if (level != 1 && level != 2) return WN_BAD_LEVEL;
    if (buffer == NULL && *size != 0) return WN_BAD_POINTER;
    if (wcsncmp(path, L"P:", 2) != 0) return WN_NOT_CONNECTED;
    const size_t connection = sizeof share / sizeof share[0] - 1;
    const size_t rest = wcslen(path + 2);
    const size_t universal = (connection + rest + 1) * sizeof(wchar_t);
    const size_t needed = level == 1 ? sizeof(UNIVERSAL_NAME_INFOW) + universal
                                     : sizeof(REMOTE_NAME_INFOW) + universal + (connection + 1 + rest + 1) * sizeof(wchar_t);
    if (buffer == NULL || *size < needed) {
        *size = (uint32_t)needed;
        return WN_MORE_DATA;
    }
    unsigned char *out = buffer;
    size_t at = level == 1 ? sizeof(UNIVERSAL_NAME_INFOW) : sizeof(REMOTE_NAME_INFOW);
    wchar_t *pointers[3];
    pointers[0] = (wchar_t *)(out + at);
    memcpy(out + at, share, connection * sizeof(wchar_t));
    memcpy(out + at + connection * sizeof(wchar_t), path + 2, (rest + 1) * sizeof(wchar_t));
    at += universal;
    if (level == 2) {
        pointers[1] = (wchar_t *)(out + at);
        memcpy(out + at, share, (connection + 1) * sizeof(wchar_t));
        at += (connection + 1) * sizeof(wchar_t);
        pointers[2] = (wchar_t *)(out + at);
        memcpy(out + at, path + 2, (rest + 1) * sizeof(wchar_t));
    }
    memcpy(out, pointers, (level == 1 ? 1 : 3) * sizeof(wchar_t *));
    return WN_SUCCESS;
}
