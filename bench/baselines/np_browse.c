/* The careful hand-written C equivalent of bench/providers/np_browse.cpp: the same checks and the
 * same buffer writes. The enumeration state is a heap block the handle points to, validated by a
 * magic number in it, as real providers do (the library instead keeps the state behind a
 * generation-checked number, which a pointer cannot imitate). */
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

enum { magic = 0x454E554D };
typedef struct {
    uint32_t magic;
    size_t next;
} state;

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
    s->magic = magic;
    s->next = 0;
    *handle = s;
    return 0;
}

static size_t chars_bytes(size_t len) { return (len + 1) * sizeof(wchar_t); }

EXPORT uint32_t NPEnumResource(void *handle, uint32_t *count, void *buffer, uint32_t *size)
{
    state *s = handle;
    if (count == NULL || size == NULL || (buffer == NULL && *size != 0)) {
        return 487;
    }
    if (*count == 0) {
        return 87;
    }
    if (s == NULL || s->magic != magic) {
        return 6;
    }
    if (s->next == 16) {
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
        return 234;
    }
    *count = packed;
    return 0;
}

EXPORT uint32_t NPCloseEnum(void *handle)
{
    state *s = handle;
    if (s == NULL || s->magic != magic) {
        return 6;
    }
    s->magic = 0;
    free(s);
    return 0;
}
