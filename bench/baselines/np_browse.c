/* A careful hand-written C provider browsing 16 shares, the baseline of bench/providers/np_browse.cpp:
 * the same checks (NPOpenEnum's scope, type and usage bits; NPEnumResource's pointers and count),
 * the same entries selected by dwType / dwUsage, the same packing (structures at the head of MPR's
 * buffer, strings at its end, memcpy only), and handles a careful C programmer would give:
 *   - the enumeration's state lives in its slot of a fixed table: no allocation, nothing to free;
 *   - the handle MPR gets is a slot number and the slot's generation, odd, never an address, so a
 *     closed, stale or garbage handle is recognised without reading through it (WN_BAD_HANDLE);
 *   - a call claims the slot with one compare-exchange, so two threads using one handle never
 *     read one state at once (the second waits), and a closed handle is dead for good. */
#include <sched.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <wchar.h>

#define EXPORT __attribute__((visibility("default")))

typedef struct {
    uint32_t dwScope, dwType, dwDisplayType, dwUsage;
    wchar_t *lpLocalName, *lpRemoteName, *lpComment, *lpProvider;
} NETRESOURCEW;

enum {
    WN_SUCCESS = 0,
    WN_BAD_HANDLE = 6,
    WN_OUT_OF_MEMORY = 8,
    WN_NOT_SUPPORTED = 50,
    WN_BAD_VALUE = 87,
    WN_MORE_DATA = 234,
    WN_NO_MORE_ENTRIES = 259,
    WN_BAD_POINTER = 487
};
enum { RESOURCE_CONNECTED = 1, RESOURCE_GLOBALNET = 2, RESOURCE_CONTEXT = 5, RESOURCE_SHAREABLE = 6 };
enum { RESOURCETYPE_DISK = 1, RESOURCETYPE_PRINT = 2, RESOURCEDISPLAYTYPE_SHARE = 3 };
enum { RESOURCEUSAGE_CONNECTABLE = 1, RESOURCEUSAGE_CONTAINER = 2 };
/* The bits winnetwk.h defines for dwType (with RESOURCEUSAGE_ATTACHED, as NPOpenEnum's page lists) and dwUsage. */
#define DEFINED_TYPE_BITS 0x1BU
#define DEFINED_USAGE_BITS 0x8000001FU

typedef struct {
    const wchar_t *remote, *comment;
    size_t remote_bytes, comment_bytes; /* with the NUL */
} share;

#define SHARE(r, c)                                                                                                    \
  {                                                                                                                    \
    r, c, sizeof(r), sizeof(c)                                                                                         \
  }
static const share shares[] = {
    SHARE(L"\\\\bench\\share00", L"first"),     SHARE(L"\\\\bench\\share01", L""),
    SHARE(L"\\\\bench\\share02", L"music"),     SHARE(L"\\\\bench\\share03", L"photos"),
    SHARE(L"\\\\bench\\share04", L"documents"), SHARE(L"\\\\bench\\share05", L""),
    SHARE(L"\\\\bench\\share06", L"backup"),    SHARE(L"\\\\bench\\share07", L"films"),
    SHARE(L"\\\\bench\\share08", L"projects"),  SHARE(L"\\\\bench\\share09", L""),
    SHARE(L"\\\\bench\\share10", L"archive"),   SHARE(L"\\\\bench\\share11", L"scratch"),
    SHARE(L"\\\\bench\\share12", L"public"),    SHARE(L"\\\\bench\\share13", L""),
    SHARE(L"\\\\bench\\share14", L"home"),      SHARE(L"\\\\bench\\share15", L"last"),
};
enum { SHARES = sizeof shares / sizeof shares[0] };
static const wchar_t provider[] = L"Bench Network";

/* Every share is a connectable disk: an open selects all of them or none. */
static int selects_shares(uint32_t scope, uint32_t type, uint32_t usage)
{
    const uint32_t types = type & (RESOURCETYPE_DISK | RESOURCETYPE_PRINT);
    const uint32_t usages =
        scope == RESOURCE_GLOBALNET ? usage & (RESOURCEUSAGE_CONNECTABLE | RESOURCEUSAGE_CONTAINER) : 0;
    return (types == 0 || (types & RESOURCETYPE_DISK) != 0) &&
           (usages == 0 || (usages & RESOURCEUSAGE_CONNECTABLE) != 0);
}

/* A slot's word: generation << 2 | FREE, OPEN (MPR holds the handle) or IN_USE (a call reads it). */
enum { FREE = 0, OPEN = 2, IN_USE = 3, STATE_BITS = 3, SLOTS = 256, INDEX_BITS = 8 };
typedef struct {
    _Atomic uint32_t word;
    uint32_t next; /* the next share to read; SHARES at the end */
} slot;
static slot slots[SLOTS];

/* The slot `handle` names, claimed for this call; NULL when it names no open enumeration. */
static slot* claim(const void* handle)
{
    const uintptr_t h = (uintptr_t)handle;
    if ((h & 1) == 0) {
        return NULL;
    }
    if ((h >> (1 + INDEX_BITS)) > 0x3FFFFFFFU) {
        return NULL; /* no generation is that large */
    }
    slot* t = &slots[(h >> 1) & (SLOTS - 1)];
    const uint32_t open = (uint32_t)(h >> (1 + INDEX_BITS)) << 2 | OPEN;
    for (;;) {
        uint32_t word = open;
        if (atomic_compare_exchange_strong_explicit(&t->word, &word, open | IN_USE, memory_order_acquire,
                                                    memory_order_relaxed)) {
            return t;
        }
        if (word != (open | IN_USE)) {
            return NULL;
        }
        sched_yield(); /* another thread is reading a batch from it */
    }
}

/* Hands the slot back with its new word. */
static void release(slot* t, uint32_t word) { atomic_store_explicit(&t->word, word, memory_order_release); }

EXPORT uint32_t NPGetCaps(uint32_t index)
{
    switch (index) {
    case 0x01: return 0x00050001; /* WNNC_SPEC_VERSION: 5.1 */
    case 0x02: return 0x00FA0000; /* WNNC_NET_TYPE */
    case 0x0B: return 0x01;       /* WNNC_ENUMERATION: WNNC_ENUM_GLOBAL */
    case 0x0C: return 1;          /* WNNC_START: started */
    default: return 0;
    }
}

EXPORT uint32_t NPOpenEnum(uint32_t scope, uint32_t type, uint32_t usage, NETRESOURCEW* container, void** handle)
{
    (void)container; /* the shares are listed wherever the browse starts */
    if (handle == NULL) {
        return WN_BAD_POINTER;
    }
    *handle = NULL;
    if (scope != RESOURCE_CONNECTED && scope != RESOURCE_GLOBALNET && scope != RESOURCE_CONTEXT &&
        scope != RESOURCE_SHAREABLE) {
        return WN_BAD_VALUE;
    }
    if ((type & ~DEFINED_TYPE_BITS) != 0 || (scope == RESOURCE_GLOBALNET && (usage & ~DEFINED_USAGE_BITS) != 0)) {
        return WN_BAD_VALUE;
    }
    if (scope != RESOURCE_GLOBALNET) {
        return WN_NOT_SUPPORTED;
    }
    for (uint32_t i = 0; i < SLOTS; ++i) {
        slot* t = &slots[i];
        uint32_t word = atomic_load_explicit(&t->word, memory_order_relaxed);
        if ((word & STATE_BITS) == FREE &&
            atomic_compare_exchange_strong_explicit(&t->word, &word, word | IN_USE, memory_order_acquire,
                                                    memory_order_relaxed)) {
            t->next = selects_shares(scope, type, usage) ? 0 : SHARES;
            release(t, word | OPEN);
            *handle = (void*)((uintptr_t)(word >> 2) << (1 + INDEX_BITS) | (uintptr_t)i << 1 | 1);
            return WN_SUCCESS;
        }
    }
    return WN_OUT_OF_MEMORY; /* every slot holds an open enumeration */
}

EXPORT uint32_t NPEnumResource(void* handle, uint32_t* count, void* buffer, uint32_t* size)
{
    if (count == NULL || size == NULL || (buffer == NULL && *size != 0)) {
        return WN_BAD_POINTER;
    }
    if (*count == 0) {
        return WN_BAD_VALUE;
    }
    slot* t = claim(handle);
    if (t == NULL) {
        return WN_BAD_HANDLE;
    }
    const uint32_t open = (atomic_load_explicit(&t->word, memory_order_relaxed) & ~(uint32_t)STATE_BITS) | OPEN;
    uint32_t next = t->next;
    if (next == SHARES) {
        release(t, open);
        return WN_NO_MORE_ENTRIES;
    }
    /* Offsets, not pointers: the buffer may be NULL (with a size of 0). */
    unsigned char* base = buffer;
    size_t head = 0, tail = *size - *size % sizeof(wchar_t);
    const uint32_t wanted = *count;
    uint32_t packed = 0;
    for (; packed < wanted && next < SHARES; ++packed, ++next) {
        const share* e = &shares[next];
        const size_t needed = sizeof(NETRESOURCEW) + e->remote_bytes + e->comment_bytes + sizeof provider;
        if (needed > tail - head) {
            break;
        }
        NETRESOURCEW r = {RESOURCE_GLOBALNET,
                          RESOURCETYPE_DISK,
                          RESOURCEDISPLAYTYPE_SHARE,
                          RESOURCEUSAGE_CONNECTABLE,
                          NULL,
                          NULL,
                          NULL,
                          NULL};
        tail -= e->remote_bytes;
        memcpy(base + tail, e->remote, e->remote_bytes);
        r.lpRemoteName = (wchar_t*)(void*)(base + tail);
        tail -= e->comment_bytes;
        memcpy(base + tail, e->comment, e->comment_bytes);
        r.lpComment = (wchar_t*)(void*)(base + tail);
        tail -= sizeof provider;
        memcpy(base + tail, provider, sizeof provider);
        r.lpProvider = (wchar_t*)(void*)(base + tail);
        memcpy(base + head, &r, sizeof r);
        head += sizeof r;
    }
    t->next = next;
    release(t, open);
    if (packed == 0) {
        const share* e = &shares[next];
        *size = (uint32_t)(sizeof(NETRESOURCEW) + e->remote_bytes + e->comment_bytes + sizeof provider);
        return WN_MORE_DATA;
    }
    *count = packed;
    return WN_SUCCESS;
}

EXPORT uint32_t NPCloseEnum(void* handle)
{
    slot* t = claim(handle);
    if (t == NULL) {
        return WN_BAD_HANDLE;
    }
    const uint32_t word = atomic_load_explicit(&t->word, memory_order_relaxed);
    release(t, (((word >> 2) + 1) & 0x3FFFFFFFU) << 2 | FREE); /* the next generation: this handle is dead */
    return WN_SUCCESS;
}
