/* Browses one provider as MPR would: NPOpenEnum, NPEnumResource until WN_NO_MORE_ENTRIES, NPCloseEnum,
 * a number of times, checking every answer; or checks that the library's provider and the
 * hand-written C one answer alike. bench/run counts instructions inside the NP* functions.
 *
 *     np_browse_driver <provider.so> enum-all|enum-4 <operations>
 *     np_browse_driver --same <library.so> <baseline.so> */
#include "np_compare.h"

typedef uint32_t (*caps_fn)(uint32_t);
typedef uint32_t (*open_fn)(uint32_t, uint32_t, uint32_t, void*, void**);
typedef uint32_t (*enum_fn)(void*, uint32_t*, void*, uint32_t*);
typedef uint32_t (*close_fn)(void*);

typedef struct {
    caps_fn caps;
    open_fn open;
    enum_fn next;
    close_fn close;
} provider;

static provider load(const char* path)
{
    void* lib = open_library(path);
    provider p;
    LOAD(lib, p.caps, "NPGetCaps");
    LOAD(lib, p.open, "NPOpenEnum");
    LOAD(lib, p.next, "NPEnumResource");
    LOAD(lib, p.close, "NPCloseEnum");
    return p;
}

enum { WN_MORE_DATA = 234, WN_NO_MORE_ENTRIES = 259, RESOURCE_GLOBALNET = 2 };

/* Reads `p` to the end with `per_call` entries a call; the number of entries, or -1 on a wrong answer. */
static long browse(const provider* p, uint32_t per_call, uint64_t* buffer, uint32_t bytes)
{
    void* handle = NULL;
    if (p->open(RESOURCE_GLOBALNET, 0, 0, NULL, &handle) != 0) {
        return -1;
    }
    uint32_t total = 0, answer;
    for (;;) {
        uint32_t count = per_call, size = bytes;
        answer = p->next(handle, &count, buffer, &size);
        if (answer != 0) {
            break;
        }
        /* Both providers do the same work: every entry names its share and the provider. */
        const NETRESOURCEW* entries = (const NETRESOURCEW*)(const void*)buffer;
        for (uint32_t e = 0; e < count; ++e) {
            if (entries[e].lpRemoteName == NULL || entries[e].lpProvider == NULL ||
                wcscmp(entries[e].lpProvider, L"Bench Network") != 0 || entries[e].lpLocalName != NULL) {
                return -1;
            }
        }
        total += count;
    }
    return answer == WN_NO_MORE_ENTRIES && p->close(handle) == 0 ? (long)total : -1;
}

/* One NPEnumResource call written down: the answer, the count and size handed back, the entries. */
static void say_batch(record* r, const provider* p, void* handle, uint32_t count, int kind, uint32_t size)
{
    buffer b;
    uint32_t asked = count;
    void* out = fresh(&b); /* kind 0: the buffer; 1: a NULL buffer; 2: a NULL count; 3: a NULL size */
    out = kind == 1 ? NULL : out;
    const uint32_t status = p->next(handle, kind == 2 ? NULL : &asked, out, kind == 3 ? NULL : &size);
    say(r, "  NPEnumResource count %u: %u count=%u size=%u", count, status, asked, size);
    if (status == 0) {
        for (uint32_t i = 0; i < asked; ++i) {
            NETRESOURCEW e;
            memcpy(&e, b.bytes + i * sizeof e, sizeof e);
            say(r, "\n    %u,%u,%u,%u", e.dwScope, e.dwType, e.dwDisplayType, e.dwUsage);
            say_string(r, "local", e.lpLocalName, &b, size);
            say_string(r, "remote", e.lpRemoteName, &b, size);
            say_string(r, "comment", e.lpComment, &b, size);
            say_string(r, "provider", e.lpProvider, &b, size);
        }
    }
    say_overrun(r, &b, status == 0 ? size : 0);
    say(r, "\n");
}

/* Opens with (scope, type, usage), then reads with the given counts and buffer sizes, then closes. */
static void say_browse(record* r, const provider* p, uint32_t scope, uint32_t type, uint32_t usage,
                       const uint32_t* counts, const uint32_t* sizes, size_t calls)
{
    void* handle = NULL;
    const uint32_t status = p->open(scope, type, usage, NULL, &handle);
    say(r, "NPOpenEnum(%u, %#x, %#x): %u handle %s\n", scope, type, usage, status, handle != NULL ? "set" : "NULL");
    if (status != 0) {
        return;
    }
    for (size_t i = 0; i < calls; ++i) {
        say_batch(r, p, handle, counts[i], sizes[i] == 0 ? 1 : 0, sizes[i]);
    }
    say(r, "  NPCloseEnum: %u, again: %u\n", p->close(handle), p->close(handle));
    uint32_t count = 1, size = 64;
    uint64_t short_buffer[8];
    say(r, "  NPEnumResource on the closed handle: %u\n", p->next(handle, &count, short_buffer, &size));
}

static void thread_cases(const void* provider_pointer, int thread, record* r)
{
    (void)thread; /* every handle is the thread's own */
    const provider* p = provider_pointer;
    const uint32_t all = 0xFFFFFFFFU;
    const uint32_t read_all[] = {all, all, all}, sizes_all[] = {4096, 4096, 4096};
    const uint32_t read_4[] = {4, 4, 4, 4, 4, 4}, sizes_4[] = {4096, 4096, 4096, 4096, 4096, 4096};
    /* one entry needs 64 bytes and its strings: 0 is a size query, 60 is too small, 200 holds one or two */
    const uint32_t read_small[] = {1, 3, 3, 2, all, 7, all, all},
                   sizes_small[] = {0, 60, 200, 201, 203, 4096, 90, 4096};
    say_browse(r, p, RESOURCE_GLOBALNET, 0, 0, read_all, sizes_all, 3);
    say_browse(r, p, RESOURCE_GLOBALNET, 0, 0, read_4, sizes_4, 6);
    say_browse(r, p, RESOURCE_GLOBALNET, 0, 0, read_small, sizes_small, 8);
    const uint32_t types[] = {1, 2, 3, 0x10, 0x4, 0x80000000U}, usages[] = {0, 1, 2, 3, 0x20, 0x80000000U};
    for (size_t t = 0; t < sizeof types / sizeof types[0]; ++t) {
        for (size_t u = 0; u < sizeof usages / sizeof usages[0]; ++u) {
            say_browse(r, p, RESOURCE_GLOBALNET, types[t], usages[u], read_all, sizes_all, 2);
        }
    }
    for (uint32_t scope = 0; scope < 9; ++scope) {
        say_browse(r, p, scope, 0, 0x20, read_all, sizes_all, 2);
    }
    say(r, "NPOpenEnum without a handle pointer: %u\n", p->open(RESOURCE_GLOBALNET, 0, 0, NULL, NULL));
    void* handle = NULL;
    say(r, "NPOpenEnum: %u\n", p->open(RESOURCE_GLOBALNET, 0, 0, NULL, &handle));
    uint32_t zero = 0, size = 64;
    uint64_t short_buffer[8];
    say(r, "  count 0: %u\n", p->next(handle, &zero, short_buffer, &size));
    say_batch(r, p, handle, 1, 2, 4096); /* NULL count */
    say_batch(r, p, handle, 1, 3, 4096); /* NULL size */
    say_batch(r, p, handle, 1, 1, 64);   /* NULL buffer with a size */
    say_batch(r, p, handle, 1, 0, 4096);
    say(r, "  NPCloseEnum: %u\n", p->close(handle));
    void* bad[] = {NULL, (void*)1, (void*)2, (void*)0x12345, (void*)(uintptr_t)-1};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; ++i) {
        uint32_t one = 1, bytes = 64;
        say(r, "bad handle %zu: NPEnumResource %u, NPCloseEnum %u\n", i, p->next(bad[i], &one, short_buffer, &bytes),
            p->close(bad[i]));
    }
}

/* On one thread, before the others: the caps, and every slot taken. */
static void prelude_cases(const void* provider_pointer, int thread, record* r)
{
    (void)thread;
    const provider* p = provider_pointer;
    for (uint32_t i = 0; i < 0x20; ++i) {
        say(r, "NPGetCaps(%#x) %#x\n", i, p->caps(i));
    }
    enum { MOST = 1024 };
    static void* handles[MOST];
    size_t opened = 0;
    uint32_t status = 0;
    while (opened < MOST && (status = p->open(RESOURCE_GLOBALNET, 0, 0, NULL, &handles[opened])) == 0) {
        ++opened;
    }
    say(r, "opened %zu, then %u\n", opened, status);
    size_t closed = 0;
    for (size_t i = 0; i < opened; ++i) {
        closed += p->close(handles[i]) == 0;
    }
    say(r, "closed %zu\n", closed);
}

int main(int argc, char** argv)
{
    if (argc == 4 && strcmp(argv[1], "--same") == 0) {
        const provider library = load(argv[2]), baseline = load(argv[3]);
        return same_answers(prelude_cases, thread_cases, &library, &baseline);
    }
    if (argc != 4) {
        fprintf(stderr,
                "usage: %s <provider.so> enum-all|enum-4 <operations>\n       %s --same <library.so> <baseline.so>\n",
                argv[0], argv[0]);
        return 2;
    }
    const provider p = load(argv[1]);
    const uint32_t per_call = strcmp(argv[2], "enum-4") == 0 ? 4 : 0xFFFFFFFFU;
    const long operations = strtol(argv[3], NULL, 10);
    static uint64_t buffer[1024];
    for (long i = 0; i < operations; ++i) {
        const long entries = browse(&p, per_call, buffer, sizeof buffer);
        if (entries != 16) {
            fprintf(stderr, "enumeration: %ld entries, or a wrong answer\n", entries);
            return 1;
        }
    }
    return 0;
}
