// An x86 notifyee whose hooks throw on request, for the 32-bit run (run_dlls.cpp): exceptions must
// be caught inside the DLL and turned into the policy's answer, with the thread's last error kept.
//   add T:  before_add throws std::runtime_error     -> fail_open: WN_SUCCESS, no context
//   add W:  before_add throws wn_error(BAD_LOCALNAME) -> WN_BAD_LOCALNAME, a deliberate answer
//   add U:  before_add asks for the post; after_add throws -> the post answers WN_SUCCESS
//   any other add: a post with the drive as context; cancel: before_cancel throws std::bad_alloc
// Every hook and on_error append their name to the variable MPRNOTIFY_X86_TRAIL, so the run sees
// which ran, and each changes the last error first.
#include <mprnotify/mprnotify.hpp>

#include <new>
#include <stdexcept>
#include <string>

namespace {

void trail(const std::wstring& entry)
{
    ::SetLastError(0x3000 + static_cast<DWORD>(entry.size()));
    wchar_t old_trail[512] = {};
    const DWORD length = ::GetEnvironmentVariableW(L"MPRNOTIFY_X86_TRAIL", old_trail, 512);
    std::wstring text = length < 512 ? std::wstring{old_trail, length} : std::wstring{};
    text += entry;
    text += L' ';
    ::SetEnvironmentVariableW(L"MPRNOTIFY_X86_TRAIL", text.c_str());
}

struct throws_on_request {
    mprnotify::decision<std::wstring> before_add(const mprnotify::add_connection& add)
    {
        const std::wstring drive{add.local_name().view()};
        trail(L"before_add:" + drive);
        if (drive == L"T:") {
            throw std::runtime_error("before_add throws");
        }
        if (drive == L"W:") {
            throw mprnotify::wn_error(mprnotify::wn_status::bad_localname);
        }
        return mprnotify::call_after(drive);
    }
    void after_add(const mprnotify::add_connection&, mprnotify::wn_status, std::wstring drive)
    {
        trail(L"after_add:" + drive);
        if (drive == L"U:") {
            throw std::runtime_error("after_add throws");
        }
    }
    mprnotify::decision<> before_cancel(const mprnotify::cancel_connection&)
    {
        trail(L"before_cancel");
        throw std::bad_alloc();
    }
    void on_error(const mprnotify::failure&) noexcept { trail(L"on_error"); }
};

} // namespace

MPRNOTIFY_EXPORT(throws_on_request);
