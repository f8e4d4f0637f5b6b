/* examples/audit_log written by hand, the usual way: a malloc'd start time as the context, names
 * narrowed into stack buffers, one fprintf + fflush under a mutex to the file named by
 * MPRNOTIFY_AUDIT_LOG (else stderr), the same line format. No checks beyond what the work needs. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "notify_types.h"

struct timing {
    struct timespec started;
};

static FILE *log_file;
static pthread_once_t log_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t log_mutex = PTHREAD_MUTEX_INITIALIZER;

static void open_log(void)
{
    const char *path = getenv("MPRNOTIFY_AUDIT_LOG");
    log_file = path != NULL ? fopen(path, "a") : NULL;
}

static const char *status_name(DWORD status)
{
    switch (status) {
    case 0: return "WN_SUCCESS";
    case 5: return "WN_ACCESS_DENIED";
    case 6: return "WN_BAD_HANDLE";
    case 8: return "WN_OUT_OF_MEMORY";
    case 31: return "WN_DEVICE_ERROR";
    case 50: return "WN_NOT_SUPPORTED";
    case 59: return "WN_NET_ERROR";
    case 66: return "WN_BAD_DEV_TYPE";
    case 67: return "WN_BAD_NETNAME";
    case 85: return "WN_ALREADY_CONNECTED";
    case 86: return "WN_BAD_PASSWORD";
    case 87: return "WN_BAD_VALUE";
    case 170: return "WN_FUNCTION_BUSY";
    case 234: return "WN_MORE_DATA";
    case 259: return "WN_NO_MORE_ENTRIES";
    case 487: return "WN_BAD_POINTER";
    case 1200: return "WN_BAD_LOCALNAME";
    case 1201: return "WN_CONNECTION_CLOSED";
    case 1204: return "WN_BAD_PROVIDER";
    case 1208: return "WN_EXTENDED_ERROR";
    case 1222: return "WN_NO_NETWORK";
    case 1223: return "WN_CANCEL";
    case 1237: return "WN_RETRY";
    case 2202: return "WN_BAD_USER";
    case 2250: return "WN_NOT_CONNECTED";
    case 2401: return "WN_OPEN_FILES";
    case 2404: return "WN_DEVICE_IN_USE";
    }
    return "";
}

static const char *narrow(const wchar_t *text, char *out, size_t size)
{
    size_t n = 0;
    if (text == NULL) text = L"(none)";
    for (; *text != L'\0' && n + 1 < size; ++text) {
        out[n++] = *text >= 0x20 && *text < 0x7F ? (char)*text : '?';
    }
    out[n] = '\0';
    return out;
}

static DWORD before(LPNOTIFYINFO info)
{
    struct timing *t = (struct timing *)malloc(sizeof *t);
    clock_gettime(CLOCK_MONOTONIC, &t->started);
    info->lpContext = t;
    return WN_SUCCESS;
}

static long long elapsed_us(struct timing *t)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return ((long long)(now.tv_sec - t->started.tv_sec) * 1000000000LL + (now.tv_nsec - t->started.tv_nsec)) / 1000;
}

BASELINE_EXPORT DWORD APIENTRY AddConnectNotify(LPNOTIFYINFO info, LPNOTIFYADD add)
{
    if (info->dwNotifyStatus == NOTIFY_PRE) return before(info);
    struct timing *t = (struct timing *)info->lpContext;
    const long long us = elapsed_us(t);
    char remote[256], local[64];
    pthread_once(&log_once, open_log);
    FILE *out = log_file != NULL ? log_file : stderr;
    pthread_mutex_lock(&log_mutex);
    fprintf(out, "audit: add %s as %s -> %s in %lld us\n", narrow(add->NetResource.lpRemoteName, remote, sizeof remote),
            narrow(add->NetResource.lpLocalName, local, sizeof local), status_name(info->dwOperationStatus), us);
    fflush(out);
    pthread_mutex_unlock(&log_mutex);
    free(t);
    return WN_SUCCESS;
}

BASELINE_EXPORT DWORD APIENTRY CancelConnectNotify(LPNOTIFYINFO info, LPNOTIFYCANCEL cancel)
{
    if (info->dwNotifyStatus == NOTIFY_PRE) return before(info);
    struct timing *t = (struct timing *)info->lpContext;
    const long long us = elapsed_us(t);
    char name[256];
    pthread_once(&log_once, open_log);
    FILE *out = log_file != NULL ? log_file : stderr;
    pthread_mutex_lock(&log_mutex);
    fprintf(out, "audit: cancel %s%s -> %s in %lld us\n", narrow(cancel->lpName, name, sizeof name),
            cancel->fForce ? " (forced)" : "", status_name(info->dwOperationStatus), us);
    fflush(out);
    pthread_mutex_unlock(&log_mutex);
    free(t);
    return WN_SUCCESS;
}
