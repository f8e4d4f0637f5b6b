// A DLL that is not part of Windows, imported by decorated_exports.dll.
extern "C" __declspec(dllexport) int fixture_dependency_value() { return 3; }
