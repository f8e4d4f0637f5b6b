/* A C program written against the documented layout only, driving a notifyee shared library.
 *
 *     c_driver <library.so>...
 *
 * Checks: NULL structures give WN_BAD_POINTER; unknown phases give WN_SUCCESS with lpContext
 * untouched; then random pre/post sequences with repeated posts and foreign contexts. Built with
 * AddressSanitizer, a crash, double free or leak fails the run. */
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* The layout exactly as documented. */
// clang-format off
typedef struct { uint32_t dwNotifyStatus, dwOperationStatus; void *lpContext; } NOTIFYINFO;
typedef struct { uint32_t dwScope, dwType, dwDisplayType, dwUsage;
                 wchar_t *lpLocalName, *lpRemoteName, *lpComment, *lpProvider; } NETRESOURCEW;
typedef struct { void *hwndOwner; NETRESOURCEW NetResource; uint32_t dwAddFlags; } NOTIFYADD;
typedef struct { wchar_t *lpName, *lpProvider; uint32_t dwFlags; int32_t fForce; } NOTIFYCANCEL;

typedef uint32_t (*add_fn)(NOTIFYINFO *, NOTIFYADD *);
typedef uint32_t (*cancel_fn)(NOTIFYINFO *, NOTIFYCANCEL *);
// clang-format on

enum { WN_SUCCESS = 0, WN_BAD_POINTER = 487, ITERATIONS = 200000, POOL = 64 };

static int failures = 0;
#define EXPECT(cond, ...)                                                                                              \
  do {                                                                                                                 \
    if (!(cond)) {                                                                                                     \
      ++failures;                                                                                                      \
      fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);                                                             \
      fprintf(stderr, __VA_ARGS__);                                                                                    \
      fputc('\n', stderr);                                                                                             \
    }                                                                                                                  \
  } while (0)

static uint64_t rng_state = 0x9E3779B97F4A7C15u;
static uint32_t next_random(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state >> 32);
}

static wchar_t local_name[] = L"Z:", remote_name[] = L"\\\\server\\share", empty[] = L"", provider[] = L"Net";

static wchar_t* pick_string(wchar_t* text)
{
    switch (next_random() % 3) {
    case 0: return NULL;
    case 1: return empty;
    default: return text;
    }
}

static void drive(const char* path, add_fn add, cancel_fn cancel)
{
    NOTIFYINFO info;
    NOTIFYADD a;
    NOTIFYCANCEL c;
    int sentinel = 0, foreign_stack = 0;
    void* foreign_heap = malloc(16);
    void *pending[POOL] = {0}, *consumed[POOL] = {0};
    int is_add[POOL] = {0};
    memset(&a, 0, sizeof a);
    memset(&c, 0, sizeof c);
    a.NetResource.dwType = 1;
    a.NetResource.lpLocalName = local_name;
    a.NetResource.lpRemoteName = remote_name;
    c.lpName = local_name;
    c.lpProvider = provider;

    info.dwNotifyStatus = 1;
    info.dwOperationStatus = 0;
    info.lpContext = NULL;
    EXPECT(add(NULL, &a) == WN_BAD_POINTER, "%s: add(NULL, a)", path);
    EXPECT(add(&info, NULL) == WN_BAD_POINTER, "%s: add(info, NULL)", path);
    EXPECT(cancel(NULL, &c) == WN_BAD_POINTER, "%s: cancel(NULL, c)", path);
    EXPECT(cancel(&info, NULL) == WN_BAD_POINTER, "%s: cancel(info, NULL)", path);
    EXPECT(add(NULL, NULL) == WN_BAD_POINTER, "%s: add(NULL, NULL)", path);

    for (uint32_t phase = 0; phase < 8; ++phase) {
        if (phase == 1 || phase == 2)
            continue;
        info.dwNotifyStatus = phase == 7 ? 0xFFFFFFFFu : phase;
        info.lpContext = &sentinel;
        EXPECT(add(&info, &a) == WN_SUCCESS, "%s: add unknown phase %u", path, phase);
        EXPECT(info.lpContext == &sentinel, "%s: add unknown phase %u touched lpContext", path, phase);
        info.lpContext = &sentinel;
        EXPECT(cancel(&info, &c) == WN_SUCCESS, "%s: cancel unknown phase %u", path, phase);
        EXPECT(info.lpContext == &sentinel, "%s: cancel unknown phase %u touched lpContext", path, phase);
    }

    for (long i = 0; i < ITERATIONS; ++i) {
        const uint32_t slot = next_random() % POOL, action = next_random() % 8;
        a.NetResource.lpLocalName = pick_string(local_name);
        a.NetResource.lpRemoteName = pick_string(remote_name);
        a.dwAddFlags = next_random();
        c.lpName = pick_string(local_name);
        c.fForce = (int32_t)(next_random() % 2);
        c.dwFlags = next_random() % 2;
        info.dwOperationStatus = (next_random() % 4 == 0) ? 1223u : 0u;
        if (action <= 2 && pending[slot] == NULL) { /* pre */
            info.dwNotifyStatus = 1;
            info.lpContext = NULL;
            is_add[slot] = (int)(next_random() % 2);
            const uint32_t r = is_add[slot] ? add(&info, &a) : cancel(&info, &c);
            EXPECT(r == WN_SUCCESS || info.lpContext == NULL, "%s: refused pre left a context", path);
            if (r == WN_SUCCESS)
                pending[slot] = info.lpContext;
        } else if (action <= 4 && pending[slot] != NULL) { /* post of a pending context */
            info.dwNotifyStatus = 2;
            info.lpContext = pending[slot];
            (void)(is_add[slot] ? add(&info, &a) : cancel(&info, &c));
            consumed[slot] = pending[slot];
            pending[slot] = NULL;
        } else if (action == 5 && consumed[slot] != NULL) { /* repeated post */
            info.dwNotifyStatus = 2;
            info.lpContext = consumed[slot];
            (void)add(&info, &a);
            info.lpContext = consumed[slot];
            (void)cancel(&info, &c);
        } else { /* foreign context */
            void* foreign[4] = {&foreign_stack, foreign_heap, (void*)(uintptr_t)(next_random() | 1u),
                                (void*)(uintptr_t)next_random()};
            info.dwNotifyStatus = 2;
            info.lpContext = foreign[next_random() % 4];
            EXPECT(add(&info, &a) == WN_SUCCESS, "%s: foreign add post", path);
            EXPECT(cancel(&info, &c) == WN_SUCCESS, "%s: foreign cancel post", path);
        }
    }
    for (int s = 0; s < POOL; ++s) { /* finish what is pending */
        if (pending[s] != NULL) {
            info.dwNotifyStatus = 2;
            info.lpContext = pending[s];
            info.dwOperationStatus = 0;
            (void)(is_add[s] ? add(&info, &a) : cancel(&info, &c));
        }
    }
    free(foreign_heap);
}

int main(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        void* library = dlopen(argv[i], RTLD_NOW | RTLD_LOCAL);
        if (library == NULL) {
            fprintf(stderr, "FAIL cannot load %s: %s\n", argv[i], dlerror());
            return 1;
        }
        add_fn add;
        cancel_fn cancel;
        *(void**)(&add) = dlsym(library, "AddConnectNotify");
        *(void**)(&cancel) = dlsym(library, "CancelConnectNotify");
        if (add == NULL || cancel == NULL) {
            fprintf(stderr, "FAIL %s lacks an export\n", argv[i]);
            return 1;
        }
        drive(argv[i], add, cancel);
        printf("%s: %d random operations survived\n", argv[i], ITERATIONS);
        dlclose(library);
    }
    printf("%d failure(s)\n", failures);
    return failures == 0 ? 0 : 1;
}
