/* The careful hand-written C equivalent of bench/providers/np_browse.cpp: the same checks and the
 * same buffer writes, and the same guarantees for handles, written the way a careful C programmer
 * would give them:
 *   - the enumeration state is a malloc'd block (a real provider's state holds what it fetched);
 *   - the handle MPR gets is not that block's address but a slot number and the slot's generation,
 *     so a closed, stale or garbage handle is recognised without dereferencing it (WN_BAD_HANDLE),
 *     where providers commonly read a magic number through the handle;
 *   - a call takes its slot with one compare-exchange, so two threads using one handle never pack
 *     from the same state at once (the second waits);
 *   - the states still open when the library unloads are freed then.
 * Packing is the plain loop: sizes from the share table, memcpy per string, the provider name a
 * constant. */
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define EXPORT __attribute__((visibility("default")))

typedef struct {
    uint32_t dwScope, dwType, dwDisplayType, dwUsage;
    wchar_t *lpLocalName, *lpRemoteName, *lpComment, *lpProvider;
} NETRESOURCEW;

typedef struct {
    const wchar_t *remote, *comment;
    size_t remote_len, comment_len;
} share;

#define SHARE(r, c) {r, c, sizeof(r) / sizeof(wchar_t) - 1, sizeof(c) / sizeof(wchar_t) - 1}
static const share shares[16] = {
    SHARE(L"\\\\bench\\share00", L"first"),     SHARE(L"\\\\bench\\share01", L""),
    SHARE(L"\\\\bench\\share02", L"music"),     SHARE(L"\\\\bench\\share03", L"photos"),
    SHARE(L"\\\\bench\\share04", L"documents"), SHARE(L"\\\\bench\\share05", L""),
    SHARE(L"\\\\bench\\share06", L"backup"),    SHARE(L"\\\\bench\\share07", L"films"),
    SHARE(L"\\\\bench\\share08", L"projects"),  SHARE(L"\\\\bench\\share09", L""),
    SHARE(L"\\\\bench\\share10", L"archive"),   SHARE(L"\\\\bench\\share11", L"scratch"),
    SHARE(L"\\\\bench\\share12", L"public"),    SHARE(L"\\\\bench\\share13", L""),
    SHARE(L"\\\\bench\\share14", L"home"),      SHARE(L"\\\\bench\\share15", L"last"),
};
static const wchar_t provider[] = L"Bench Network";
#define PROVIDER_LEN (sizeof provider / sizeof(wchar_t) - 1)

typedef struct {
    size_t next;
} state;

/* A slot's word: generation << 2 | FREE, RESERVED, OPEN (MPR holds the handle) or IN_USE (a call). */
enum { FREE = 0, RESERVED = 1, OPEN = 2, IN_USE = 3, SLOTS = 256, INDEX_BITS = 8 };
typedef struct {
    _Atomic uint32_t word;
    state *s;
} slot;
static slot slots[SLOTS];
static atomic_size_t cursor;

/* The slot `handle` names, taken for this call; NULL when it names no open enumeration. */
static slot *claim(void *handle)
{
    const uintptr_t h = (uintptr_t)handle;
    if ((h & 1) == 0) {
        return NULL;
    }
    slot *t = &slots[(h >> 1) & (SLOTS - 1)];
    const uintptr_t open = (h >> (1 + INDEX_BITS)) << 2 | OPEN;
    for (;;) {
        uint32_t word = atomic_load_explicit(&t->word, memory_order_acquire);
        if (word == open) {
            if (atomic_compare_exchange_strong_explicit(&t->word, &word, word | IN_USE, memory_order_acquire,
                                                        memory_order_relaxed)) {
                return t;
            }
        } else if (word == (open | IN_USE)) {
            sched_yield(); /* another thread is reading a batch from it */
        } else {
            return NULL;
        }
    }
}

/* Hands the slot back: `word` becomes its new state. */
static void release(slot *t, uint32_t word) { atomic_store_explicit(&t->word, word, memory_order_release); }

__attribute__((destructor)) static void free_open_states(void)
{
    for (size_t i = 0; i < SLOTS; ++i) {
        free(slots[i].s);
    }
}

EXPORT uint32_t NPGetCaps(uint32_t index) { return index == 0xB ? 1U : index == 2 ? 0x00FA0000U : 0U; }

EXPORT uint32_t NPOpenEnum(uint32_t scope, uint32_t type, uint32_t usage, NETRESOURCEW *container, void **handle)
{
    (void)type, (void)usage, (void)container;
    if (handle == NULL) {
        return 487;
    }
    *handle = NULL;
    if (scope != 2) {
        return scope == 1 || scope == 5 || scope == 6 ? 50 : 87;
    }
    state *s = malloc(sizeof *s);
    if (s == NULL) {
        return 8;
    }
    s->next = 0;
    const size_t start = atomic_fetch_add_explicit(&cursor, 1, memory_order_relaxed);
    for (size_t i = 0; i < SLOTS; ++i) {
        const size_t index = (start + i) & (SLOTS - 1);
        slot *t = &slots[index];
        uint32_t word = atomic_load_explicit(&t->word, memory_order_relaxed);
        if ((word & 3) == FREE && atomic_compare_exchange_strong_explicit(&t->word, &word, word | RESERVED,
                                                                          memory_order_acquire, memory_order_relaxed)) {
            t->s = s;
            release(t, (word & ~3U) | OPEN);
            *handle = (void *)((uintptr_t)(word >> 2) << (1 + INDEX_BITS) | index << 1 | 1);
            return 0;
        }
    }
    free(s);
    return 8;
}

static size_t chars_bytes(size_t len) { return (len + 1) * sizeof(wchar_t); }

EXPORT uint32_t NPEnumResource(void *handle, uint32_t *count, void *buffer, uint32_t *size)
{
    if (count == NULL || size == NULL || (buffer == NULL && *size != 0)) {
        return 487;
    }
    if (*count == 0) {
        return 87;
    }
    slot *t = claim(handle);
    if (t == NULL) {
        return 6;
    }
    const uint32_t open = (atomic_load_explicit(&t->word, memory_order_relaxed) & ~3U) | OPEN;
    state *s = t->s;
    if (s->next == 16) {
        release(t, open);
        return 259;
    }
    unsigned char *base = buffer;
    size_t head = 0, tail = *size - *size % sizeof(wchar_t);
    uint32_t packed = 0;
    while (packed < *count && s->next < 16) {
        const share *e = &shares[s->next];
        const size_t strings = chars_bytes(e->remote_len) + chars_bytes(e->comment_len) + chars_bytes(PROVIDER_LEN);
        if (head + sizeof(NETRESOURCEW) > tail || strings > tail - head - sizeof(NETRESOURCEW)) {
            break;
        }
        NETRESOURCEW r = {2, 1, 3, 1, NULL, NULL, NULL, NULL};
        tail -= chars_bytes(e->remote_len);
        memcpy(base + tail, e->remote, chars_bytes(e->remote_len));
        r.lpRemoteName = (wchar_t *)(void *)(base + tail);
        tail -= chars_bytes(e->comment_len);
        memcpy(base + tail, e->comment, chars_bytes(e->comment_len));
        r.lpComment = (wchar_t *)(void *)(base + tail);
        tail -= chars_bytes(PROVIDER_LEN);
        memcpy(base + tail, provider, chars_bytes(PROVIDER_LEN));
        r.lpProvider = (wchar_t *)(void *)(base + tail);
        memcpy(base + head, &r, sizeof r);
        head += sizeof r;
        ++packed;
        ++s->next;
    }
    if (packed == 0) {
        const share *e = &shares[s->next];
        *size = (uint32_t)(sizeof(NETRESOURCEW) + chars_bytes(e->remote_len) + chars_bytes(e->comment_len) +
                           chars_bytes(PROVIDER_LEN));
        release(t, open);
        return 234;
    }
    *count = packed;
    release(t, open);
    return 0;
}

EXPORT uint32_t NPCloseEnum(void *handle)
{
    slot *t = claim(handle);
    if (t == NULL) {
        return 6;
    }
    const uint32_t word = atomic_load_explicit(&t->word, memory_order_relaxed);
    free(t->s);
    t->s = NULL;
    release(t, (((word >> 2) + 1) & 0x3FFFFFFFU) << 2 | FREE); /* the next generation: this handle is dead */
    return 0;
}
