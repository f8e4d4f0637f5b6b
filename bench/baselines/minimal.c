/* The minimal example written by hand, the usual way: nothing may be mapped as drive X:.
 * No checks beyond what the decision needs - the code the library is measured against. */
#include <wchar.h>

#include "notify_types.h"

BASELINE_EXPORT DWORD APIENTRY AddConnectNotify(LPNOTIFYINFO info, LPNOTIFYADD add)
{
    if (info->dwNotifyStatus == NOTIFY_PRE && wcscmp(add->NetResource.lpLocalName, L"X:") == 0) {
        return WN_ACCESS_DENIED;
    }
    return WN_SUCCESS;
}

BASELINE_EXPORT DWORD APIENTRY CancelConnectNotify(LPNOTIFYINFO info, LPNOTIFYCANCEL cancel)
{
    (void)info;
    (void)cancel;
    return WN_SUCCESS;
}
