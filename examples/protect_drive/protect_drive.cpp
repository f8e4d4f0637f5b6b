// Refuses to disconnect a protected drive unless the caller forces it.
//
// The drive comes from the environment variable MPRNOTIFY_PROTECTED_DRIVE (default "P:"), read
// when the handler is created: lazily, on the first notification, never in DllMain.
#include <cstdlib>
#include <cwctype>
#include <string>
#include <string_view>

#include <mprnotify/mprnotify.hpp>

namespace {

std::wstring configured_drive()
{
#if defined(_WIN32) // getenv is C4996 under MSVC; the wide call also reads non-ANSI values
    // Room for a drive name; a value of 8 characters or more is ignored, as an unset one is.
    constexpr DWORD capacity = 8;
    wchar_t value[capacity] = {};
    const DWORD length = ::GetEnvironmentVariableW(L"MPRNOTIFY_PROTECTED_DRIVE", value, capacity);
    return length > 0 && length < capacity ? std::wstring{value, length} : std::wstring{L"P:"};
#else
    const char* value = std::getenv("MPRNOTIFY_PROTECTED_DRIVE"); // NOLINT(concurrency-mt-unsafe)
    const std::string_view drive = value != nullptr && *value != '\0' ? value : "P:";
    return {drive.begin(), drive.end()}; // drive letters are ASCII
#endif
}

bool same_drive(std::wstring_view a, std::wstring_view b)
{
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::towupper(static_cast<std::wint_t>(a[i])) != std::towupper(static_cast<std::wint_t>(b[i]))) {
            return false;
        }
    }
    return true;
}

class protect_drive {
public:
    mprnotify::decision<> before_cancel(const mprnotify::cancel_connection& cancel) const
    {
        if (same_drive(cancel.name().view(), drive_) && !cancel.force()) {
            return mprnotify::veto(mprnotify::wn_status::access_denied);
        }
        return mprnotify::proceed;
    }

private:
    std::wstring drive_ = configured_drive();
};

} // namespace

MPRNOTIFY_EXPORT(protect_drive);
