/* notifyee.c - a connection notifyee in plain C that keeps every rule `mprnotify-check --run` checks.
 *
 * It times each connection added or cancelled: the call before stores the start in a slot and hands
 * the slot's token to MPR in lpContext, the call after reads it back. Built once as written and once
 * per -DDEFECT_<NAME>, each of which brings back one defect of hand-written notifyees
 * (tests/check_run/meson.build). Exported by plain name through notifyee.def. */
#ifndef UNICODE
#  define UNICODE
#endif
#include <windows.h>
#include <npapi.h>
#include <stdlib.h>

#include "last_error.h"

#define MAX_PENDING 16

static volatile LONG completed;          /* operations seen through to the call after */
static volatile LONG milliseconds_total; /* their summed duration */

#ifdef DEFECT_BAD_CONTEXT
/* The defect: lpContext is taken for the heap block this DLL allocated; a value it never handed
 * out, or one already consumed, is read and freed all the same. */
typedef struct pending {
    DWORD started;
} pending;

static void begin(NOTIFYINFO* info)
{
    pending* p = malloc(sizeof *p);
    if (p != NULL) {
        p->started = GetTickCount();
    }
    info->lpContext = p;
}

static void finish(const NOTIFYINFO* info)
{
    pending* p = info->lpContext;
    if (p != NULL) {
        InterlockedIncrement(&completed);
        InterlockedExchangeAdd(&milliseconds_total, (LONG)(GetTickCount() - p->started));
        free(p);
    }
}
#else
/* Tokens are odd numbers that count up, compared with the pending slots' and never dereferenced:
 * a foreign, consumed or garbage lpContext matches no slot and is ignored. */
static SRWLOCK lock = SRWLOCK_INIT;
static struct {
    ULONG_PTR token; /* 0: free */
    DWORD started;
} pending[MAX_PENDING];
static ULONG_PTR last_token = 0x4E4F0001u;

static void begin(NOTIFYINFO* info)
{
    info->lpContext = NULL;
    AcquireSRWLockExclusive(&lock);
    for (size_t i = 0; i < MAX_PENDING; ++i) {
        if (pending[i].token == 0) {
            last_token += 2;
            pending[i].token = last_token;
            pending[i].started = GetTickCount();
            info->lpContext = (LPVOID)last_token;
            break;
        }
    }
    ReleaseSRWLockExclusive(&lock); /* all slots taken: no context, the call after just counts nothing */
}

static void finish(const NOTIFYINFO* info)
{
    AcquireSRWLockExclusive(&lock);
    for (size_t i = 0; info->lpContext != NULL && i < MAX_PENDING; ++i) {
        if (pending[i].token == (ULONG_PTR)info->lpContext) {
            InterlockedIncrement(&completed);
            InterlockedExchangeAdd(&milliseconds_total, (LONG)(GetTickCount() - pending[i].started));
            pending[i].token = 0;
            break;
        }
    }
    ReleaseSRWLockExclusive(&lock);
}
#endif

/* Both functions: the structures checked, then the call before begins and the call after finishes. */
static DWORD notified(NOTIFYINFO* info, const void* operation)
{
#ifdef DEFECT_NULL_DEREF
    if (operation == NULL) {
        info->lpContext = NULL; /* the defect: lpNotifyInfo itself is never checked */
        return answer(WN_BAD_POINTER);
    }
#else
    if (info == NULL || operation == NULL) {
        return answer(WN_BAD_POINTER); /* nothing else is read */
    }
#endif
    if (info->dwNotifyStatus == NOTIFY_PRE) {
        begin(info);
    } else if (info->dwNotifyStatus == NOTIFY_POST) {
        finish(info);
    } /* any other phase: nothing to do, lpContext untouched */
    return answer(WN_SUCCESS);
}

DWORD APIENTRY AddConnectNotify(LPNOTIFYINFO info, LPNOTIFYADD add) { return notified(info, add); }

DWORD APIENTRY CancelConnectNotify(LPNOTIFYINFO info, LPNOTIFYCANCEL cancel) { return notified(info, cancel); }
