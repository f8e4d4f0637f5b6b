/* A C program written only against the documented NP layout (npapi.h, winnetwk.h) that drives every
 * provider shared object it is given: the caps must agree with the exports, NULL structures and
 * names must be answered (never a crash), NULL buffers with a size refused, every size from 0 up
 * to past the answer tried with guard bytes on both sides, and random names thrown at every export.
 *
 *     np_c_driver <provider.so>...
 */
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

typedef struct {
    uint32_t dwScope, dwType, dwDisplayType, dwUsage;
    wchar_t *lpLocalName, *lpRemoteName, *lpComment, *lpProvider;
} NETRESOURCEW;

typedef uint32_t (*caps_fn)(uint32_t);
typedef uint32_t (*add_fn)(NETRESOURCEW*, wchar_t*, wchar_t*);
typedef uint32_t (*add3_fn)(void*, NETRESOURCEW*, wchar_t*, wchar_t*, uint32_t);
typedef uint32_t (*cancel_fn)(wchar_t*, int32_t);
typedef uint32_t (*chars_fn)(wchar_t*, wchar_t*, uint32_t*);
typedef uint32_t (*universal_fn)(wchar_t*, uint32_t, void*, uint32_t*);
typedef uint32_t (*connection3_fn)(const wchar_t*, uint32_t, void*, uint32_t*);
typedef struct {
    uint32_t cbStructure, dwFlags, dwSpeed, dwDelay, dwOptDataSize;
} NETCONNECTINFOSTRUCT;
typedef uint32_t (*performance_fn)(const wchar_t*, NETCONNECTINFOSTRUCT*);
typedef struct {
    uint32_t LowPart;
    int32_t HighPart;
} LUID;
typedef uint32_t (*logon_fn)(LUID*, const wchar_t*, void*, const wchar_t*, void*, wchar_t*, void*, wchar_t**);
typedef uint32_t (*password_fn)(const wchar_t*, void*, const wchar_t*, void*, wchar_t*, void*, uint32_t);

enum { WN_SUCCESS = 0, WN_MORE_DATA = 234, WN_BAD_POINTER = 487, WN_BAD_LEVEL = 124, WN_BAD_VALUE = 87 };
enum { GUARD = 32, ITERATIONS = 20000 };

static int failures = 0;
static uint64_t rng = 0x9E3779B97F4A7C15u;
static uint32_t next_random(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)(rng >> 11);
}

static void check(int ok, const char* path, const char* what)
{
    if (!ok) {
        fprintf(stderr, "FAIL %s: %s\n", path, what);
        ++failures;
    }
}

static void* lookup(void* library, const char* name) { return dlsym(library, name); }
static int info_marker; /* garbage a provider must overwrite with NULL */

/* Calls a character lookup with every size from 0 to needed + 2, guard bytes around the buffer. */
static void size_matrix(const char* path, chars_fn f, wchar_t* name)
{
    uint32_t size = 0;
    const uint32_t first = f(name, NULL, &size);
    if (first != WN_MORE_DATA)
        return; /* not this provider's name: nothing to size */
    const uint32_t needed = size;
    check(needed > 0 && needed < 4096, path, "size query answered an unreasonable size");
    for (uint32_t given = 0; given <= needed + 2; ++given) {
        unsigned char memory[2 * GUARD + 4096 * sizeof(wchar_t)];
        memset(memory, 0xA5, sizeof memory);
        uint32_t in_out = given;
        wchar_t* buffer = (wchar_t*)(memory + GUARD);
        const uint32_t answer = f(name, given == 0 ? NULL : buffer, &in_out);
        for (size_t i = 0; i < GUARD; ++i) {
            check(memory[i] == 0xA5, path, "wrote before the buffer");
            check(memory[GUARD + given * sizeof(wchar_t) + i] == 0xA5, path, "wrote past the buffer");
        }
        if (given < needed) {
            check(answer == WN_MORE_DATA && in_out == needed, path, "too small: not WN_MORE_DATA with the size");
        } else {
            check(answer == WN_SUCCESS && buffer[needed - 1] == L'\0', path, "fits: not WN_SUCCESS with a NUL");
        }
    }
    size = 16;
    check(f(name, NULL, &size) == WN_BAD_POINTER, path, "NULL buffer with a size is not WN_BAD_POINTER");
    check(f(name, (wchar_t*)name, NULL) == WN_BAD_POINTER, path, "NULL size pointer is not WN_BAD_POINTER");
}

static wchar_t* random_name(wchar_t* storage, size_t capacity)
{
    static const wchar_t pool[] = L"\\\\home\\docsP:Z:\\x \x7f\x202e\xd800";
    const size_t length = next_random() % (capacity - 1);
    for (size_t i = 0; i < length; ++i)
        storage[i] = pool[next_random() % (sizeof pool / sizeof pool[0] - 1)];
    storage[length] = L'\0';
    return (next_random() % 8) == 0 ? NULL : storage;
}

static void drive(const char* path, void* library)
{
    caps_fn caps = NULL;
    add_fn add = NULL;
    add3_fn add3 = NULL;
    cancel_fn cancel = NULL;
    chars_fn get_connection = NULL, get_user = NULL;
    universal_fn universal = NULL;
    void* p = lookup(library, "NPGetCaps");
    memcpy(&caps, &p, sizeof caps);
    if (caps == NULL) {
        check(0, path, "no NPGetCaps");
        return;
    }
    p = lookup(library, "NPAddConnection"), memcpy(&add, &p, sizeof p);
    p = lookup(library, "NPAddConnection3"), memcpy(&add3, &p, sizeof p);
    p = lookup(library, "NPCancelConnection"), memcpy(&cancel, &p, sizeof p);
    p = lookup(library, "NPGetConnection"), memcpy(&get_connection, &p, sizeof p);
    p = lookup(library, "NPGetUser"), memcpy(&get_user, &p, sizeof p);
    p = lookup(library, "NPGetUniversalName"), memcpy(&universal, &p, sizeof p);

    /* NPGetCaps(WNNC_CONNECTION) bits against the exports, both ways. */
    const uint32_t connection = caps(6);
    check(((connection & 1) != 0) == (add != NULL), path, "caps ADDCONNECTION disagrees with the export");
    check(((connection & 8) != 0) == (add3 != NULL), path, "caps ADDCONNECTION3 disagrees with the export");
    check(((connection & 2) != 0) == (cancel != NULL), path, "caps CANCELCONNECTION disagrees with the export");
    check(((connection & 4) != 0) == (get_connection != NULL), path, "caps GETCONNECTIONS disagrees with the export");
    check(((caps(4) & 1) != 0) == (get_user != NULL), path, "caps WNNC_USR_GETUSER disagrees with the export");
    check(caps(1) == 0x00050001, path, "WNNC_SPEC_VERSION is not WNNC_SPEC_VERSION51");
    for (uint32_t index = 0x0D; index < 0x40; ++index)
        check(caps(index) == 0, path, "an unknown index is not 0");

    /* NPGetConnection3, NPGetConnectionPerformance and the credential-manager pair: found by name. */
    connection3_fn connection3 = NULL;
    performance_fn performance = NULL;
    logon_fn logon = NULL;
    password_fn password_change = NULL;
    p = lookup(library, "NPGetConnection3"), memcpy(&connection3, &p, sizeof p);
    p = lookup(library, "NPGetConnectionPerformance"), memcpy(&performance, &p, sizeof p);
    p = lookup(library, "NPLogonNotify"), memcpy(&logon, &p, sizeof p);
    p = lookup(library, "NPPasswordChangeNotify"), memcpy(&password_change, &p, sizeof p);
    check(((connection & 0x40) != 0) == (performance != NULL), path, "caps GETPERFORMANCE disagrees with the export");
    if (connection3) {
        uint32_t size = 4, value = 0;
        check(connection3(L"P:", 2, &value, &size) == WN_BAD_LEVEL, path, "NPGetConnection3 level 2 not WN_BAD_LEVEL");
        check(connection3(NULL, 1, &value, &size) == WN_BAD_POINTER, path, "NPGetConnection3(NULL) not WN_BAD_POINTER");
    }
    if (performance) {
        NETCONNECTINFOSTRUCT info = {3, 0, 0, 0, 0};
        check(performance(L"\\\\home\\docs", &info) == WN_BAD_VALUE, path, "a short cbStructure not WN_BAD_VALUE");
        check(performance(NULL, &info) == WN_BAD_POINTER, path, "NPGetConnectionPerformance(NULL) not WN_BAD_POINTER");
    }
    if (logon) {
        wchar_t* script = (wchar_t*)&info_marker;
        check(logon(NULL, L"MSV1_0:Interactive", NULL, NULL, NULL, NULL, NULL, &script) == WN_BAD_POINTER &&
                  script == NULL,
              path, "NPLogonNotify(NULL) not WN_BAD_POINTER with a NULL script");
    }
    if (password_change)
        check(password_change(NULL, NULL, NULL, NULL, NULL, NULL, 0) == WN_BAD_POINTER, path,
              "NPPasswordChangeNotify(NULL) not WN_BAD_POINTER");

    /* NULL structures and names. */
    if (add3)
        check(add3(NULL, NULL, NULL, NULL, 0) == WN_BAD_POINTER, path, "NPAddConnection3(NULL) not WN_BAD_POINTER");
    if (add)
        check(add(NULL, NULL, NULL) == WN_BAD_POINTER, path, "NPAddConnection(NULL) not WN_BAD_POINTER");
    if (cancel)
        check(cancel(NULL, 1) == WN_BAD_POINTER, path, "NPCancelConnection(NULL) not WN_BAD_POINTER");
    if (universal) {
        uint32_t size = 64;
        unsigned char buffer[64];
        static wchar_t drive_path[] = L"P:\\x";
        check(universal(drive_path, 7, buffer, &size) == WN_BAD_LEVEL, path, "unknown level not WN_BAD_LEVEL");
        check(universal(NULL, 1, buffer, &size) == WN_BAD_POINTER, path, "NULL path not WN_BAD_POINTER");
    }

    /* A connection, then every buffer size for its lookup. */
    static wchar_t local[] = L"P:", remote[] = L"\\\\home\\docs", password[] = L"pw";
    NETRESOURCEW resource = {0, 1, 0, 0, local, remote, NULL, NULL};
    if (add3 && add3(NULL, &resource, password, NULL, 0) == WN_SUCCESS && get_connection) {
        size_matrix(path, get_connection, local);
    }
    if (get_user)
        size_matrix(path, get_user, local);
    if (cancel)
        cancel(local, 1);

    /* Random names at every export: any answer but a crash. */
    for (int i = 0; i < ITERATIONS; ++i) {
        wchar_t a[24], b[24], out[8];
        unsigned char bytes[40];
        uint32_t size = next_random() % 9; /* never more than the 8 characters of out */
        NETRESOURCEW r = {0, next_random() % 4, 0, 0, random_name(a, 24), random_name(b, 24), NULL, NULL};
        switch (next_random() % 6) {
        case 0:
            if (add3)
                add3(NULL, &r, random_name(b, 24), NULL, next_random());
            break;
        case 1:
            if (add)
                add(&r, NULL, random_name(a, 24));
            break;
        case 2:
            if (cancel)
                cancel(random_name(a, 24), (int32_t)(next_random() & 1));
            break;
        case 3:
            if (get_connection)
                get_connection(random_name(a, 24), size % 8 ? out : NULL, &size);
            break;
        case 4:
            if (get_user)
                get_user(random_name(a, 24), size % 8 ? out : NULL, &size);
            break;
        default:
            if (universal)
                universal(random_name(a, 24), next_random() % 4, size % 8 ? bytes : NULL, &size);
            break;
        }
    }
}

int main(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        void* library = dlopen(argv[i], RTLD_NOW | RTLD_LOCAL);
        if (library == NULL) {
            fprintf(stderr, "FAIL cannot load %s: %s\n", argv[i], dlerror());
            return 1;
        }
        drive(argv[i], library);
        printf(
            "%s: caps agree with the exports, NULL input answered, every buffer size kept, %d random calls survived\n",
            argv[i], ITERATIONS);
        dlclose(library);
    }
    printf("%d failure(s)\n", failures);
    return failures == 0 ? 0 : 1;
}
