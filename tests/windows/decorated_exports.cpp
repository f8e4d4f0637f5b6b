// What the checks must reject: the exports written by hand with __declspec(dllexport), as a first
// attempt often is. On x86 AddConnectNotify is then exported as AddConnectNotify@8 (MPR looks for
// the plain name and never calls it); CancelConnectNotify is __cdecl, so it returns with a plain
// `ret`; one export too many; and an import of a DLL that is not part of Windows.
#include <windows.h>

extern "C" __declspec(dllimport) int fixture_dependency_value();

extern "C" __declspec(dllexport) DWORD WINAPI AddConnectNotify(void* info, void* add)
{
    return info == add ? 0u : static_cast<DWORD>(fixture_dependency_value());
}

extern "C" __declspec(dllexport) DWORD CancelConnectNotify(void* info, void* cancel)
{
    return info == cancel ? 1u : 0u;
}

extern "C" __declspec(dllexport) DWORD ExtraExport() { return 2; }
