/* Calls one provider's NP functions a number of times, as MPR would, and checks every answer.
 *
 *     np_driver <library.so> <scenario> <operations>
 *
 * Instruction counts come from callgrind collecting only inside the NP* functions; bench/run takes
 * the difference of two operation counts, so start-up and first-call work drop out. Written
 * against the documented layout only, like any C caller. */
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
typedef uint32_t (*add3_fn)(void *, NETRESOURCEW *, wchar_t *, wchar_t *, uint32_t);
typedef uint32_t (*cancel_fn)(wchar_t *, int32_t);
typedef uint32_t (*chars_fn)(wchar_t *, wchar_t *, uint32_t *);
typedef uint32_t (*universal_fn)(wchar_t *, uint32_t, void *, uint32_t *);

static void *need(void *lib, const char *name)
{
    void *f = dlsym(lib, name);
    if (f == NULL) {
        fprintf(stderr, "missing export %s\n", name);
        exit(2);
    }
    return f;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: %s <library.so> <scenario> <operations>\n", argv[0]);
        return 2;
    }
    void *lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (lib == NULL) {
        fprintf(stderr, "%s\n", dlerror());
        return 2;
    }
    const char *s = argv[2];
    const long operations = strtol(argv[3], NULL, 10);
    static wchar_t local[] = L"P:", remote[] = L"\\\\bench\\share", path[] = L"P:\\dir\\file.txt";
    NETRESOURCEW resource = {0, 1, 0, 0, local, remote, NULL, NULL};
    static wchar_t password[] = L"pw";
    wchar_t chars[64];
    uint64_t bytes[32];
    caps_fn caps;
    add3_fn add3;
    cancel_fn cancel;
    chars_fn get_connection, get_user;
    universal_fn universal;
    void *p;
#define LOAD(var, name) (p = need(lib, name), memcpy(&var, &p, sizeof var))
    LOAD(caps, "NPGetCaps");
    LOAD(add3, "NPAddConnection3");
    LOAD(cancel, "NPCancelConnection");
    LOAD(get_connection, "NPGetConnection");
    LOAD(get_user, "NPGetUser");
    LOAD(universal, "NPGetUniversalName");
    for (long i = 0; i < operations; ++i) {
        uint32_t answer = 0, expected = 0, size = 0;
        if (strcmp(s, "np-caps") == 0) {
            answer = caps(6);
            expected = 0xF;
        } else if (strcmp(s, "np-add3") == 0) {
            answer = add3(NULL, &resource, password, NULL, 0);
        } else if (strcmp(s, "np-cancel") == 0) {
            answer = cancel(local, 0);
        } else if (strcmp(s, "np-get-connection") == 0) {
            size = 64;
            answer = get_connection(local, chars, &size);
        } else if (strcmp(s, "np-get-connection-short") == 0) {
            size = 4;
            answer = get_connection(local, chars, &size);
            expected = 234;
        } else if (strcmp(s, "np-universal-name") == 0) {
            size = sizeof bytes;
            answer = universal(path, 2, bytes, &size);
        } else if (strcmp(s, "np-get-user") == 0) {
            size = 64;
            answer = get_user(NULL, chars, &size);
        } else {
            fprintf(stderr, "unknown scenario %s\n", s);
            return 2;
        }
        if (answer != expected) {
            fprintf(stderr, "%s: answered %u, expected %u\n", s, answer, expected);
            return 1;
        }
    }
    return 0;
}
