/* wnet_connect - WNetAddConnection2W on one remote name without a local device, through the
 * system's mpr.dll (Wine's, under Wine), which hands it to the providers in ProviderOrder.
 * Prints and exits with the WNet result. usage: wnet_connect \\server\share */
#ifndef UNICODE
#  define UNICODE
#endif
#include <windows.h>
#include <winnetwk.h>
#include <stdio.h>

int wmain(int argc, wchar_t** argv)
{
    NETRESOURCEW resource;
    DWORD result;
    if (argc != 2) {
        fputs("usage: wnet_connect \\\\server\\share\n", stderr);
        return 87;
    }
    ZeroMemory(&resource, sizeof resource);
    resource.dwType = RESOURCETYPE_DISK;
    resource.lpRemoteName = argv[1];
    result = WNetAddConnection2W(&resource, NULL, NULL, 0);
    printf("WNetAddConnection2W: %lu\n", (unsigned long)result);
    return (int)result;
}
