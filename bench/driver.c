/* Calls one notifyee's exported functions for a number of operations, as MPR would.
 *
 *     driver <library.so> <scenario> <operations>
 *
 * One operation is a pre call and, when the pre call hands back a context, the post call for it.
 * The driver checks every answer (a benchmark of a broken notifyee measures nothing), so it exits
 * non-zero when a notifyee answers differently from what the scenario expects.
 * Instruction counts come from callgrind collecting only inside AddConnectNotify and
 * CancelConnectNotify (--toggle-collect), for two operation counts: bench/run takes the
 * difference, so start-up and first-call work (lazy binding, the handler's construction) drop out.
 * Written against the documented structure layout only, like any C caller. */
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "baselines/notify_types.h" /* the documented layout, shared with the C baselines */

typedef uint32_t (*add_fn)(NOTIFYINFO *, NOTIFYADD *);
typedef uint32_t (*cancel_fn)(NOTIFYINFO *, NOTIFYCANCEL *);

enum expect_post { NO_POST, POST };

struct scenario {
    const char *name;
    int is_add;              /* AddConnectNotify, else CancelConnectNotify */
    const wchar_t *local;    /* NETRESOURCE.lpLocalName / NOTIFYCANCEL.lpName */
    uint32_t pre_answer;     /* what the pre call must return */
    enum expect_post post;   /* whether the pre call must hand back a context */
};

static const struct scenario scenarios[] = {
    {"add-veto", 1, L"X:", WN_ACCESS_DENIED, NO_POST},
    {"add-proceed", 1, L"Z:", WN_SUCCESS, NO_POST},
    {"cancel-nohook", 0, L"Z:", WN_SUCCESS, NO_POST},
    {"add-context", 1, L"Z:", WN_SUCCESS, POST},
    {"cancel-context", 0, L"Z:", WN_SUCCESS, POST},
};

static wchar_t remote_name[] = L"\\\\server\\share";
static wchar_t provider_name[] = L"Microsoft Windows Network";

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: %s <library.so> <scenario> <operations>\n", argv[0]);
        return 2;
    }
    const struct scenario *s = NULL;
    for (size_t i = 0; i < sizeof scenarios / sizeof scenarios[0]; ++i) {
        if (strcmp(argv[2], scenarios[i].name) == 0) s = &scenarios[i];
    }
    const long operations = strtol(argv[3], NULL, 10);
    if (s == NULL || operations <= 0) {
        fprintf(stderr, "unknown scenario or bad count\n");
        return 2;
    }
    void *lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (lib == NULL) {
        fprintf(stderr, "%s\n", dlerror());
        return 2;
    }
    void *add_symbol = dlsym(lib, "AddConnectNotify"), *cancel_symbol = dlsym(lib, "CancelConnectNotify");
    if (add_symbol == NULL || cancel_symbol == NULL) {
        fprintf(stderr, "%s: missing export\n", argv[1]);
        return 2;
    }
    add_fn add;
    cancel_fn cancel;
    memcpy(&add, &add_symbol, sizeof add); /* POSIX: a symbol's address converts to a function pointer */
    memcpy(&cancel, &cancel_symbol, sizeof cancel);

    wchar_t local_name[8];
    wcscpy(local_name, s->local);
    NOTIFYADD a;
    NOTIFYCANCEL c;
    memset(&a, 0, sizeof a);
    memset(&c, 0, sizeof c);
    a.NetResource.dwType = 1;
    a.NetResource.lpLocalName = local_name;
    a.NetResource.lpRemoteName = remote_name;
    a.dwAddFlags = 0x1;
    c.lpName = local_name;

    for (long i = 0; i < operations; ++i) {
        NOTIFYINFO info = {NOTIFY_PRE, WN_SUCCESS, NULL};
        c.lpProvider = NULL; /* undefined on pre */
        const uint32_t pre = s->is_add ? add(&info, &a) : cancel(&info, &c);
        if (pre != s->pre_answer || (info.lpContext != NULL) != (s->post == POST)) {
            fprintf(stderr, "%s %s: pre answered %u with context %p\n", argv[1], s->name, pre, info.lpContext);
            return 1;
        }
        if (info.lpContext == NULL) continue; /* no post call, as MPR does */
        info.dwNotifyStatus = NOTIFY_POST;
        info.dwOperationStatus = WN_SUCCESS;
        c.lpProvider = provider_name;
        const uint32_t post = s->is_add ? add(&info, &a) : cancel(&info, &c);
        if (post != WN_SUCCESS) {
            fprintf(stderr, "%s %s: post answered %u\n", argv[1], s->name, post);
            return 1;
        }
    }
    dlclose(lib);
    return 0;
}
