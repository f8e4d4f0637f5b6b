/* A careful hand-written C network provider, the baseline of bench/providers/np_provider.cpp: the
 * same connection table (8 fixed entries under one mutex, names copied in, no allocation), the same
 * answers, and the checks the library makes before a hook runs (NULL pointers, a NULL buffer with a
 * size, an unknown level, a NULL remote name). Sizes are in each function's unit: characters for
 * NPGetConnection and NPGetUser, bytes for NPGetUniversalName and NPGetResourceInformation, with
 * WN_MORE_DATA and the exact size needed when the buffer is too small, nothing written then. Every
 * string is measured at most once and copied into MPR's buffer with memcpy. */
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <wchar.h>

#define EXPORT __attribute__((visibility("default")))

typedef struct {
    uint32_t dwScope, dwType, dwDisplayType, dwUsage;
    wchar_t *lpLocalName, *lpRemoteName, *lpComment, *lpProvider;
} NETRESOURCEW;
typedef struct {
    wchar_t* lpUniversalName;
} UNIVERSAL_NAME_INFOW;
typedef struct {
    wchar_t *lpUniversalName, *lpConnectionName, *lpRemainingPath;
} REMOTE_NAME_INFOW;

enum {
    WN_SUCCESS = 0,
    WN_OUT_OF_MEMORY = 8,
    WN_BAD_NETNAME = 67,
    WN_ALREADY_CONNECTED = 85,
    WN_BAD_VALUE = 87,
    WN_BAD_LEVEL = 124,
    WN_MORE_DATA = 234,
    WN_BAD_POINTER = 487,
    WN_BAD_LOCALNAME = 1200,
    WN_NOT_CONNECTED = 2250
};
enum { UNIVERSAL_NAME_INFO_LEVEL = 1, REMOTE_NAME_INFO_LEVEL = 2 };
enum { RESOURCETYPE_DISK = 1, RESOURCEDISPLAYTYPE_SHARE = 3, RESOURCEUSAGE_CONNECTABLE = 1 };

#define CHARS(literal) (sizeof(literal) / sizeof(wchar_t) - 1)
static const wchar_t server[] = L"\\\\bench\\"; /* every name this provider knows starts so */
static const wchar_t user[] = L"bench-user";
static const wchar_t provider[] = L"Bench Network";

/* The connection table: an entry is in use when remote_len != 0; local_len 0 is a deviceless one. */
enum { CONNECTIONS = 8, LOCAL_CHARS = 16, REMOTE_CHARS = 64 }; /* with the NUL */
typedef struct {
    size_t local_len, remote_len;
    wchar_t local[LOCAL_CHARS];
    wchar_t remote[REMOTE_CHARS];
} connection;
static connection table[CONNECTIONS];
static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;

EXPORT uint32_t NPGetCaps(uint32_t index)
{
    switch (index) {
    case 0x01: return 0x00050001; /* WNNC_SPEC_VERSION: 5.1 */
    case 0x02: return 0x00FA0000; /* WNNC_NET_TYPE */
    case 0x03: return 0;          /* WNNC_DRIVER_VERSION */
    case 0x04: return 0x01;       /* WNNC_USER: NPGetUser */
    case 0x06: return 0x0F;       /* WNNC_CONNECTION: add, cancel, get, add3 */
    case 0x08: return 0x800;      /* WNNC_DIALOG: NPGetResourceInformation */
    case 0x0C: return 1;          /* WNNC_START: started */
    default: return 0;
    }
}

/* The entry whose local name is `name`, or NULL. With the table's lock held. */
static connection* find_local(const wchar_t* name)
{
    for (size_t i = 0; i < CONNECTIONS; ++i) {
        connection* c = &table[i];
        if (c->remote_len != 0 && c->local_len != 0 && wcscmp(c->local, name) == 0) {
            return c;
        }
    }
    return NULL;
}

static uint32_t add(const NETRESOURCEW* resource)
{
    if (resource == NULL) {
        return WN_BAD_POINTER;
    }
    const wchar_t *remote = resource->lpRemoteName, *local = resource->lpLocalName;
    if (remote == NULL || wcsncmp(remote, server, CHARS(server)) != 0) {
        return WN_BAD_NETNAME;
    }
    const size_t remote_len = wcslen(remote);
    if (remote_len >= REMOTE_CHARS) {
        return WN_BAD_NETNAME;
    }
    const size_t local_len = local == NULL ? 0 : wcslen(local);
    if (local_len >= LOCAL_CHARS) {
        return WN_BAD_LOCALNAME;
    }
    pthread_mutex_lock(&table_lock);
    connection* free_entry = NULL;
    uint32_t answer = WN_OUT_OF_MEMORY; /* the table is full */
    for (size_t i = 0; i < CONNECTIONS; ++i) {
        connection* c = &table[i];
        if (c->remote_len == 0) {
            free_entry = free_entry == NULL ? c : free_entry;
        } else if (local_len != 0 && c->local_len == local_len && wmemcmp(c->local, local, local_len) == 0) {
            answer = WN_ALREADY_CONNECTED;
            free_entry = NULL;
            break;
        }
    }
    if (free_entry != NULL) {
        free_entry->local_len = local_len;
        if (local_len != 0) {
            memcpy(free_entry->local, local, (local_len + 1) * sizeof(wchar_t));
        }
        free_entry->remote_len = remote_len;
        memcpy(free_entry->remote, remote, (remote_len + 1) * sizeof(wchar_t));
        answer = WN_SUCCESS;
    }
    pthread_mutex_unlock(&table_lock);
    return answer;
}

EXPORT uint32_t NPAddConnection(NETRESOURCEW* resource, wchar_t* password, wchar_t* user_name)
{
    (void)password, (void)user_name;
    return add(resource);
}

EXPORT uint32_t NPAddConnection3(void* owner, NETRESOURCEW* resource, wchar_t* password, wchar_t* user_name,
                                 uint32_t flags)
{
    (void)owner, (void)password, (void)user_name, (void)flags;
    return add(resource);
}

/* `name` is a local name, or the remote name of a deviceless connection. */
EXPORT uint32_t NPCancelConnection(wchar_t* name, int32_t force)
{
    (void)force;
    if (name == NULL) {
        return WN_BAD_POINTER;
    }
    uint32_t answer = WN_NOT_CONNECTED;
    pthread_mutex_lock(&table_lock);
    for (size_t i = 0; i < CONNECTIONS; ++i) {
        connection* c = &table[i];
        if (c->remote_len != 0 && (c->local_len != 0 ? wcscmp(c->local, name) : wcscmp(c->remote, name)) == 0) {
            c->remote_len = 0;
            answer = WN_SUCCESS;
            break;
        }
    }
    pthread_mutex_unlock(&table_lock);
    return answer;
}

/* `length` characters and a NUL into `buffer` of *size characters. */
static uint32_t write_chars(const wchar_t* text, size_t length, wchar_t* buffer, uint32_t* size)
{
    const uint32_t needed = (uint32_t)(length + 1);
    if (buffer == NULL || *size < needed) {
        *size = needed;
        return WN_MORE_DATA;
    }
    memcpy(buffer, text, needed * sizeof(wchar_t));
    return WN_SUCCESS;
}

EXPORT uint32_t NPGetConnection(wchar_t* local, wchar_t* remote, uint32_t* size)
{
    if (local == NULL || size == NULL || (remote == NULL && *size != 0)) {
        return WN_BAD_POINTER;
    }
    pthread_mutex_lock(&table_lock);
    const connection* c = find_local(local);
    const uint32_t answer = c == NULL ? WN_NOT_CONNECTED : write_chars(c->remote, c->remote_len, remote, size);
    pthread_mutex_unlock(&table_lock);
    return answer;
}

/* The user of a connection (NULL or empty: the default user); every connection is made as it. */
EXPORT uint32_t NPGetUser(wchar_t* name, wchar_t* buffer, uint32_t* size)
{
    if (size == NULL || (buffer == NULL && *size != 0)) {
        return WN_BAD_POINTER;
    }
    if (name != NULL && name[0] != L'\0') {
        pthread_mutex_lock(&table_lock);
        const int known = find_local(name) != NULL;
        pthread_mutex_unlock(&table_lock);
        if (!known) {
            return WN_NOT_CONNECTED;
        }
    }
    return write_chars(user, CHARS(user), buffer, size);
}

/* Stores `pointer` at `at` (MPR's buffer may be unaligned). */
static void put_pointer(unsigned char* at, const void* pointer) { memcpy(at, &pointer, sizeof pointer); }

static uint32_t write_universal_name(uint32_t level, const connection* c, const wchar_t* rest, unsigned char* out,
                                     uint32_t* size)
{
    const size_t rest_len = wcslen(rest);
    const size_t connection_bytes = c->remote_len * sizeof(wchar_t), rest_bytes = (rest_len + 1) * sizeof(wchar_t);
    const size_t header = level == UNIVERSAL_NAME_INFO_LEVEL ? sizeof(UNIVERSAL_NAME_INFOW) : sizeof(REMOTE_NAME_INFOW);
    size_t needed = header + connection_bytes + rest_bytes;
    if (level == REMOTE_NAME_INFO_LEVEL) {
        needed += connection_bytes + sizeof(wchar_t) + rest_bytes;
    }
    if (needed > UINT32_MAX) {
        return WN_BAD_VALUE;
    }
    if (out == NULL || *size < needed) {
        *size = (uint32_t)needed;
        return WN_MORE_DATA;
    }
    unsigned char* universal = out + header;
    memcpy(universal, c->remote, connection_bytes);
    memcpy(universal + connection_bytes, rest, rest_bytes);
    put_pointer(out + offsetof(REMOTE_NAME_INFOW, lpUniversalName), universal);
    if (level == REMOTE_NAME_INFO_LEVEL) {
        unsigned char* connection_name = universal + connection_bytes + rest_bytes;
        unsigned char* remaining = connection_name + connection_bytes + sizeof(wchar_t);
        memcpy(connection_name, c->remote, connection_bytes + sizeof(wchar_t));
        memcpy(remaining, rest, rest_bytes);
        put_pointer(out + offsetof(REMOTE_NAME_INFOW, lpConnectionName), connection_name);
        put_pointer(out + offsetof(REMOTE_NAME_INFOW, lpRemainingPath), remaining);
    }
    return WN_SUCCESS;
}

/* A path on one of this provider's drives: "P:" or "P:\dir\file". */
EXPORT uint32_t NPGetUniversalName(wchar_t* path, uint32_t level, void* buffer, uint32_t* size)
{
    if (path == NULL || size == NULL) {
        return WN_BAD_POINTER;
    }
    if (level != UNIVERSAL_NAME_INFO_LEVEL && level != REMOTE_NAME_INFO_LEVEL) {
        return WN_BAD_LEVEL;
    }
    if (buffer == NULL && *size != 0) {
        return WN_BAD_POINTER;
    }
    uint32_t answer = WN_NOT_CONNECTED;
    pthread_mutex_lock(&table_lock);
    for (size_t i = 0; i < CONNECTIONS; ++i) {
        const connection* c = &table[i];
        const size_t n = c->local_len;
        if (c->remote_len != 0 && n != 0 && wcsncmp(path, c->local, n) == 0 && (path[n] == L'\0' || path[n] == L'\\')) {
            answer = write_universal_name(level, c, path + n, buffer, size);
            break;
        }
    }
    pthread_mutex_unlock(&table_lock);
    return answer;
}

/* \\bench\<share>[\rest]: the share, type disk, and the rest of the name as the system string. */
EXPORT uint32_t NPGetResourceInformation(NETRESOURCEW* resource, void* buffer, uint32_t* size, wchar_t** system)
{
    if (resource == NULL || system == NULL || size == NULL || (buffer == NULL && *size != 0)) {
        return WN_BAD_POINTER;
    }
    const wchar_t* name = resource->lpRemoteName;
    if (name == NULL || wcsncmp(name, server, CHARS(server)) != 0) {
        return WN_BAD_NETNAME;
    }
    const wchar_t* rest = name + CHARS(server);
    while (*rest != L'\0' && *rest != L'\\') {
        ++rest;
    }
    if (rest == name + CHARS(server)) {
        return WN_BAD_NETNAME; /* no share named */
    }
    const size_t remote_bytes = (size_t)(rest - name) * sizeof(wchar_t);
    const size_t rest_len = wcslen(rest);
    const size_t system_bytes = rest_len == 0 ? 0 : (rest_len + 1) * sizeof(wchar_t);
    const size_t needed = sizeof(NETRESOURCEW) + remote_bytes + sizeof(wchar_t) + sizeof provider + system_bytes;
    if (needed > UINT32_MAX) {
        return WN_BAD_VALUE;
    }
    const size_t usable = *size - *size % sizeof(wchar_t); /* strings at offsets in whole characters */
    if (buffer == NULL || usable < needed) {
        *size = (uint32_t)needed;
        return WN_MORE_DATA;
    }
    /* The structure at the start, the strings at the end of the buffer. */
    unsigned char *out = buffer, *tail = out + usable;
    wchar_t* system_text = NULL;
    if (system_bytes != 0) {
        tail -= system_bytes;
        memcpy(tail, rest, system_bytes);
        system_text = (wchar_t*)(void*)tail;
    }
    NETRESOURCEW r = {0,   RESOURCETYPE_DISK, RESOURCEDISPLAYTYPE_SHARE, RESOURCEUSAGE_CONNECTABLE, NULL, NULL, NULL,
                      NULL};
    tail -= remote_bytes + sizeof(wchar_t);
    memcpy(tail, name, remote_bytes);
    memset(tail + remote_bytes, 0, sizeof(wchar_t));
    r.lpRemoteName = (wchar_t*)(void*)tail;
    tail -= sizeof provider;
    memcpy(tail, provider, sizeof provider);
    r.lpProvider = (wchar_t*)(void*)tail;
    memcpy(out, &r, sizeof r);
    *system = system_text;
    return WN_SUCCESS;
}
