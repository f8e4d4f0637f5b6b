/* The declarations a hand-written notifyee works with: npapi.h on Windows, the documented layout
 * with fixed-width types elsewhere (the same field order the library's platform.hpp declares). */
#ifndef BENCH_NOTIFY_TYPES_H
#define BENCH_NOTIFY_TYPES_H

#if defined(_WIN32)
#  define WIN32_LEAN_AND_MEAN
#  define UNICODE /* NOTIFYADD holds the TCHAR NETRESOURCE: make it the wide one */
#  include <windows.h>
#  include <winnetwk.h>
#  include <npapi.h>
#  define BASELINE_EXPORT __declspec(dllexport)
#else
#  include <stdint.h>
#  include <wchar.h>
typedef uint32_t DWORD;
typedef struct { DWORD dwNotifyStatus, dwOperationStatus; void *lpContext; } NOTIFYINFO, *LPNOTIFYINFO;
typedef struct { DWORD dwScope, dwType, dwDisplayType, dwUsage;
                 wchar_t *lpLocalName, *lpRemoteName, *lpComment, *lpProvider; } NETRESOURCEW;
typedef struct { void *hwndOwner; NETRESOURCEW NetResource; DWORD dwAddFlags; } NOTIFYADD, *LPNOTIFYADD;
typedef struct { wchar_t *lpName, *lpProvider; DWORD dwFlags; int32_t fForce; } NOTIFYCANCEL, *LPNOTIFYCANCEL;
#  define APIENTRY
#  define NOTIFY_PRE 1
#  define NOTIFY_POST 2
#  define WN_SUCCESS 0
#  define WN_ACCESS_DENIED 5
#  define BASELINE_EXPORT __attribute__((visibility("default")))
#endif

#endif
