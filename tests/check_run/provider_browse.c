/* provider_browse.c - the browsing half of the check-run provider: NPOpenEnum, NPEnumResource,
 * NPCloseEnum, NPGetResourceInformation and NPGetResourceParent (provider.c says what it serves and
 * how its defects are switched on). */
#include "provider.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define MAX_ENUMERATIONS 16

static const entry server = {RESOURCETYPE_ANY, RESOURCEDISPLAYTYPE_SERVER, RESOURCEUSAGE_CONTAINER, {0}, FALSE, SERVER};
static const wchar_t provider_name[] = PROVIDER_NAME;

/* A buffer filled the way MPR reads it: NETRESOURCE structures at the head, strings from the end. */
typedef struct packer {
    char* base;
    size_t head, tail;
} packer;

static packer packer_for(void* buffer, DWORD size)
{
    const packer p = {buffer, 0, buffer != NULL ? (size & ~(DWORD)1) : 0}; /* strings stay 2-byte aligned */
    return p;
}

static size_t entry_bytes(const entry* e)
{
    return sizeof(NETRESOURCEW) + (e->has_local ? text_bytes(e->local) : 0) + (e->remote ? text_bytes(e->remote) : 0) +
           sizeof provider_name;
}

static wchar_t* put_string(packer* p, const wchar_t* text)
{
    const size_t bytes = text_bytes(text);
    p->tail -= bytes;
    memcpy(p->base + p->tail, text, bytes);
    return (wchar_t*)(p->base + p->tail);
}

/* Packs one entry whole, or nothing when it does not fit. */
static BOOL pack(packer* p, const entry* e, DWORD scope)
{
    if (p->tail - p->head < entry_bytes(e)) {
        return FALSE;
    }
    NETRESOURCEW resource = {scope, e->type, e->display_type, e->usage, NULL, NULL, NULL, NULL};
    resource.lpLocalName = e->has_local ? put_string(p, e->local) : NULL;
    resource.lpRemoteName = e->remote != NULL ? put_string(p, e->remote) : NULL;
#ifdef DEFECT_BAD_PACKING
    resource.lpProvider = (LPWSTR)provider_name; /* the defect: the DLL's own string, outside MPR's buffer */
#else
    resource.lpProvider = put_string(p, provider_name);
#endif
    memcpy(p->base + p->head, &resource, sizeof resource);
    p->head += sizeof resource;
    return TRUE;
}

/* An open enumeration: its entries, taken when it was opened, and how far MPR has read. */
typedef struct enumeration {
    ULONG_PTR id; /* the HANDLE value; 0 for a free slot */
    DWORD scope;
    entry entries[MAX_CONNECTIONS];
    size_t count, next;
} enumeration;

static SRWLOCK lock = SRWLOCK_INIT; /* every enumeration, and the slots or the heap blocks behind them */

#ifdef DEFECT_POINTER_HANDLES
/* The defect: the handle is the heap block itself, recognised by reading a magic number through
 * whatever MPR passes; a garbage handle is dereferenced, a closed one is freed again. */
#  define ENUMERATION_MAGIC 0x4D554E45u
static enumeration* new_enumeration(void)
{
    enumeration* e = calloc(1, sizeof *e);
    if (e != NULL) {
        e->id = ENUMERATION_MAGIC;
    }
    return e;
}
static HANDLE handle_of(const enumeration* e) { return (HANDLE)e; }
static enumeration* enumeration_of(HANDLE handle)
{
    enumeration* e = handle;
    return e != NULL && e->id == ENUMERATION_MAGIC ? e : NULL;
}
static void free_enumeration(enumeration* e) { free(e); }
#else
/* Handles are odd numbers that count up, compared with the open slots' and never dereferenced:
 * a closed, stale or garbage handle (or an aligned pointer) matches no slot. */
static enumeration slots[MAX_ENUMERATIONS];
static ULONG_PTR last_id = 0x4E500001u;
static enumeration* new_enumeration(void)
{
    for (size_t i = 0; i < MAX_ENUMERATIONS; ++i) {
        if (slots[i].id == 0) {
            memset(&slots[i], 0, sizeof slots[i]);
            last_id += 2;
            slots[i].id = last_id;
            return &slots[i];
        }
    }
    return NULL;
}
static HANDLE handle_of(const enumeration* e) { return (HANDLE)e->id; }
static enumeration* enumeration_of(HANDLE handle)
{
    for (size_t i = 0; i < MAX_ENUMERATIONS; ++i) {
        if (slots[i].id != 0 && slots[i].id == (ULONG_PTR)handle) {
            return &slots[i];
        }
    }
    return NULL;
}
static void free_enumeration(enumeration* e) { e->id = 0; }
#endif

/* The resources under a container (NULL or no name: the top), or a WN_* refusal. */
static DWORD children_of(const NETRESOURCEW* container, entry* out, size_t* count)
{
    *count = 0;
    if (container == NULL || container->lpRemoteName == NULL) {
        out[(*count)++] = server;
        return WN_SUCCESS;
    }
    if (_wcsicmp(container->lpRemoteName, SERVER) == 0) {
        for (size_t i = 0; i < SHARE_COUNT; ++i) {
            const entry share = {RESOURCETYPE_DISK, RESOURCEDISPLAYTYPE_SHARE, RESOURCEUSAGE_CONNECTABLE, {0}, FALSE,
                                 shares[i]};
            out[(*count)++] = share;
        }
        return WN_SUCCESS;
    }
    return share_named(container->lpRemoteName) >= 0 ? WN_NOT_CONTAINER : WN_BAD_NETNAME;
}

DWORD APIENTRY NPOpenEnum(DWORD scope, DWORD type, DWORD usage, LPNETRESOURCEW container, LPHANDLE handle_out)
{
    /* The bits winnetwk.h defines; anything else is refused rather than guessed at. */
    const DWORD known_types = RESOURCETYPE_DISK | RESOURCETYPE_PRINT | RESOURCETYPE_RESERVED | RESOURCEUSAGE_ATTACHED;
    const DWORD known_usage = RESOURCEUSAGE_CONNECTABLE | RESOURCEUSAGE_CONTAINER | RESOURCEUSAGE_NOLOCALDEVICE |
                              RESOURCEUSAGE_SIBLING | RESOURCEUSAGE_ATTACHED | RESOURCEUSAGE_RESERVED;
    if (handle_out == NULL) {
        return WN_BAD_POINTER;
    }
    *handle_out = NULL;
    if (scope != RESOURCE_CONNECTED && scope != RESOURCE_GLOBALNET && scope != RESOURCE_REMEMBERED &&
        scope != RESOURCE_CONTEXT) {
        return WN_BAD_VALUE;
    }
    if ((type & ~known_types) != 0 || (scope == RESOURCE_GLOBALNET && (usage & ~known_usage) != 0)) {
        return WN_BAD_VALUE;
    }
    if (scope != RESOURCE_CONNECTED && scope != RESOURCE_GLOBALNET) {
        return WN_NOT_SUPPORTED; /* NPGetCaps(WNNC_ENUMERATION) announces these two only */
    }
    entry found[MAX_CONNECTIONS];
    size_t count = 0;
    if (scope == RESOURCE_CONNECTED) {
        count = connected_entries(found);
    } else {
        const DWORD refused = children_of(container, found, &count);
        if (refused != WN_SUCCESS) {
            return refused;
        }
    }
    AcquireSRWLockExclusive(&lock);
    enumeration* e = new_enumeration();
    if (e != NULL) {
        e->scope = scope;
        const DWORD wanted_usage =
            scope == RESOURCE_GLOBALNET ? usage & (RESOURCEUSAGE_CONNECTABLE | RESOURCEUSAGE_CONTAINER) : 0;
        for (size_t i = 0; i < count; ++i) {
            const BOOL type_ok =
                type == RESOURCETYPE_ANY || found[i].type == RESOURCETYPE_ANY || (found[i].type & type) != 0;
            const BOOL usage_ok = wanted_usage == 0 || (found[i].usage & wanted_usage) != 0;
            if (type_ok && usage_ok) {
                e->entries[e->count++] = found[i];
            }
        }
        *handle_out = handle_of(e);
    }
    ReleaseSRWLockExclusive(&lock);
    return e != NULL ? WN_SUCCESS : WN_OUT_OF_MEMORY;
}

DWORD APIENTRY NPEnumResource(HANDLE handle, LPDWORD count, LPVOID buffer, LPDWORD size)
{
    if (count == NULL || size == NULL || (buffer == NULL && *size != 0)) {
        return WN_BAD_POINTER;
    }
    if (*count == 0) {
        return WN_BAD_VALUE; /* asking for nothing would never reach the end */
    }
    DWORD status = WN_BAD_HANDLE;
    AcquireSRWLockExclusive(&lock);
    enumeration* e = enumeration_of(handle);
#ifdef DEFECT_ENDLESS_ENUM
    if (e != NULL && e->next >= e->count && e->count != 0) {
        e->next = 0; /* the defect: starts again from the first entry instead of answering the end */
    }
#endif
    if (e != NULL && e->next >= e->count) {
        status = WN_NO_MORE_ENTRIES;
    } else if (e != NULL) {
        packer p = packer_for(buffer, *size);
        DWORD packed = 0;
        while (e->next < e->count && packed < *count && pack(&p, &e->entries[e->next], e->scope)) {
            ++e->next;
            ++packed;
        }
        if (packed == 0) {
            *size = (DWORD)entry_bytes(&e->entries[e->next]); /* what the next entry needs */
            status = WN_MORE_DATA;
        } else {
            *count = packed;
            status = WN_SUCCESS;
        }
    }
    ReleaseSRWLockExclusive(&lock);
    return status;
}

DWORD APIENTRY NPCloseEnum(HANDLE handle)
{
    AcquireSRWLockExclusive(&lock);
    enumeration* e = enumeration_of(handle);
    if (e != NULL) {
        free_enumeration(e);
    }
    ReleaseSRWLockExclusive(&lock);
    return e != NULL ? WN_SUCCESS : WN_BAD_HANDLE;
}

/* The resource a remote name is, or is inside of (a path under a share): *rest is that path. */
static BOOL resource_of(const wchar_t* remote, entry* found, const wchar_t** rest)
{
    *rest = NULL;
    if (_wcsicmp(remote, SERVER) == 0) {
        *found = server;
        return TRUE;
    }
    for (size_t i = 0; i < SHARE_COUNT; ++i) {
        const size_t length = wcslen(shares[i]);
        if (_wcsnicmp(remote, shares[i], length) == 0 && (remote[length] == L'\0' || remote[length] == L'\\')) {
            const entry share = {RESOURCETYPE_DISK, RESOURCEDISPLAYTYPE_SHARE, RESOURCEUSAGE_CONNECTABLE, {0}, FALSE,
                                 shares[i]};
            *found = share;
            *rest = remote[length] != L'\0' ? remote + length : NULL;
            return TRUE;
        }
    }
    return FALSE;
}

DWORD APIENTRY NPGetResourceInformation(LPNETRESOURCEW resource, LPVOID buffer, LPDWORD size, LPWSTR* system)
{
    if (resource == NULL || size == NULL || system == NULL || (buffer == NULL && *size != 0)) {
        return WN_BAD_POINTER;
    }
    entry found;
    const wchar_t* rest = NULL;
    if (resource->lpRemoteName == NULL || !resource_of(resource->lpRemoteName, &found, &rest)) {
        return WN_BAD_NETNAME;
    }
    const size_t needed = entry_bytes(&found) + (rest != NULL ? text_bytes(rest) : 0);
    if (buffer == NULL || *size < needed) {
        *size = (DWORD)needed;
        return WN_MORE_DATA;
    }
    packer p = packer_for(buffer, *size);
    wchar_t* system_part = rest != NULL ? put_string(&p, rest) : NULL; /* the part below the share */
    pack(&p, &found, RESOURCE_GLOBALNET);
    *system = system_part;
    return WN_SUCCESS;
}

DWORD APIENTRY NPGetResourceParent(LPNETRESOURCEW resource, LPVOID buffer, LPDWORD size)
{
    if (resource == NULL || size == NULL || (buffer == NULL && *size != 0)) {
        return WN_BAD_POINTER;
    }
    entry found;
    const wchar_t* rest = NULL;
    if (resource->lpRemoteName == NULL || !resource_of(resource->lpRemoteName, &found, &rest)) {
        return WN_BAD_NETNAME;
    }
    /* A folder's parent is its share, a share's the server; the server has no browse parent:
     * lpRemoteName NULL. */
    entry parent = rest != NULL ? found : server;
    if (rest == NULL && found.display_type == RESOURCEDISPLAYTYPE_SERVER) {
        parent.remote = NULL;
    }
    const size_t needed = entry_bytes(&parent);
    if (buffer == NULL || *size < needed) {
        *size = (DWORD)needed;
        return WN_MORE_DATA;
    }
    packer p = packer_for(buffer, *size);
    pack(&p, &parent, 0); /* only the names, type, display type and usage: dwScope 0 */
    return WN_SUCCESS;
}
