/* Browses one provider as MPR would: NPOpenEnum, NPEnumResource until WN_NO_MORE_ENTRIES, NPCloseEnum,
 * a number of times, checking every answer. bench/run counts instructions inside the NP* functions.
 *
 *     np_browse_driver <library.so> enum-all|enum-4 <operations> */
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

typedef uint32_t (*open_fn)(uint32_t, uint32_t, uint32_t, void *, void **);
typedef uint32_t (*enum_fn)(void *, uint32_t *, void *, uint32_t *);
typedef uint32_t (*close_fn)(void *);

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: %s <library.so> enum-all|enum-4 <operations>\n", argv[0]);
        return 2;
    }
    void *lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (lib == NULL) {
        fprintf(stderr, "%s\n", dlerror());
        return 2;
    }
    open_fn open;
    enum_fn next;
    close_fn close;
    void *p = dlsym(lib, "NPOpenEnum");
    memcpy(&open, &p, sizeof p);
    p = dlsym(lib, "NPEnumResource");
    memcpy(&next, &p, sizeof p);
    p = dlsym(lib, "NPCloseEnum");
    memcpy(&close, &p, sizeof p);
    if (open == NULL || next == NULL || close == NULL) {
        fprintf(stderr, "missing an enumeration export\n");
        return 2;
    }
    const uint32_t per_call = strcmp(argv[2], "enum-4") == 0 ? 4 : 0xFFFFFFFFU;
    const long operations = strtol(argv[3], NULL, 10);
    static uint64_t buffer[1024];
    for (long i = 0; i < operations; ++i) {
        void *handle = NULL;
        if (open(2, 0, 0, NULL, &handle) != 0) {
            fprintf(stderr, "NPOpenEnum failed\n");
            return 1;
        }
        uint32_t total = 0, answer;
        for (;;) {
            uint32_t count = per_call, size = sizeof buffer;
            answer = next(handle, &count, buffer, &size);
            if (answer != 0) {
                break;
            }
            /* Both providers do the same work: every entry names its share and the provider. */
            const NETRESOURCEW *entries = (const NETRESOURCEW *)(const void *)buffer;
            for (uint32_t e = 0; e < count; ++e) {
                if (entries[e].lpRemoteName == NULL || entries[e].lpProvider == NULL ||
                    wcscmp(entries[e].lpProvider, L"Bench Network") != 0 || entries[e].lpLocalName != NULL) {
                    fprintf(stderr, "entry %u is not a share of Bench Network\n", total + e);
                    return 1;
                }
            }
            total += count;
        }
        if (answer != 259 || total != 16 || close(handle) != 0) {
            fprintf(stderr, "enumeration: answer %u, %u entries\n", answer, total);
            return 1;
        }
    }
    return 0;
}
