/* last_error.h - how the provider and the notifyee return their answers: as the return value only,
 * or, built with -DDEFECT_LAST_ERROR, also as the thread's last error (the defect the last-error
 * checks of `mprnotify-check --run` must name). Include after <windows.h>. */
#ifndef CHECK_RUN_LAST_ERROR_H
#define CHECK_RUN_LAST_ERROR_H

#ifdef DEFECT_LAST_ERROR
/* The defect: the answer is also left as the thread's last error, which belongs to MPR's caller. */
static DWORD answer(DWORD status)
{
    SetLastError(status);
    return status;
}
#else
static DWORD answer(DWORD status) { return status; }
#endif

#endif
