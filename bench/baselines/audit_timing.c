/* The timing half of the audit example written by hand, the usual way: the pre call starts a clock in a
 * malloc'd context, the post call reads it, records the elapsed time and the result, and frees it.
 * The sink is two volatile variables, so the work is the same as bench/notifyees/audit_timing.cpp
 * and no log write hides the difference. No checks - the code the library is measured against. */
#include <stdlib.h>
#include <time.h>

#include "notify_types.h"

struct timing {
    struct timespec started;
};

static volatile long long sink_elapsed_ns;
static volatile DWORD sink_result;

static DWORD before(LPNOTIFYINFO info)
{
    struct timing *t = (struct timing *)malloc(sizeof *t);
    clock_gettime(CLOCK_MONOTONIC, &t->started);
    info->lpContext = t;
    return WN_SUCCESS;
}

static DWORD after(LPNOTIFYINFO info)
{
    struct timing *t = (struct timing *)info->lpContext;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    sink_elapsed_ns = (long long)(now.tv_sec - t->started.tv_sec) * 1000000000LL + (now.tv_nsec - t->started.tv_nsec);
    sink_result = info->dwOperationStatus;
    free(t);
    return WN_SUCCESS;
}

BASELINE_EXPORT DWORD APIENTRY AddConnectNotify(LPNOTIFYINFO info, LPNOTIFYADD add)
{
    (void)add;
    return info->dwNotifyStatus == NOTIFY_PRE ? before(info) : after(info);
}

BASELINE_EXPORT DWORD APIENTRY CancelConnectNotify(LPNOTIFYINFO info, LPNOTIFYCANCEL cancel)
{
    (void)cancel;
    return info->dwNotifyStatus == NOTIFY_PRE ? before(info) : after(info);
}
