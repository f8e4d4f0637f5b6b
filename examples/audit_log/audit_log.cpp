// Logs every connection and disconnection with its outcome and how long the provider took.
//
// The pre call starts a clock and hands it over as the operation's context; the post call gets it
// back with the result. Lines go to the file named by MPRNOTIFY_AUDIT_LOG, else to stderr. Names
// are written as UTF-8 with control characters escaped (mprnotify/core/text.hpp), one line per operation.
// Only names are logged: a notifyee runs in every WNet caller and must never log credentials.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <string_view>

#include <mprnotify/mprnotify.hpp>
#include <mprnotify/core/text.hpp>

namespace {

using clock_type = std::chrono::steady_clock;

struct timing {
    clock_type::time_point started = clock_type::now();
};

std::string printable(mprnotify::nullable_wstring text)
{
    return text.has_value() ? mprnotify::printable_utf8(text.view()) : "(none)";
}

/// Opens the log named by MPRNOTIFY_AUDIT_LOG for appending; NULL when unset or not writable.
/// Windows: the wide calls (a path need not fit the ANSI code page; getenv and fopen are C4996).
std::FILE* open_configured_log()
{
#if defined(_WIN32)
    const wchar_t* variable = L"MPRNOTIFY_AUDIT_LOG";
    const DWORD size = ::GetEnvironmentVariableW(variable, nullptr, 0);
    if (size == 0) {
        return nullptr;
    }
    std::wstring path(size, L'\0');
    if (::GetEnvironmentVariableW(variable, path.data(), size) + 1 != size) {
        return nullptr;
    }
    std::FILE* file = nullptr;
    return _wfopen_s(&file, path.c_str(), L"a") == 0 ? file : nullptr;
#else
    const char* path = std::getenv("MPRNOTIFY_AUDIT_LOG");    // NOLINT(concurrency-mt-unsafe)
    return path != nullptr ? std::fopen(path, "a") : nullptr; // NOLINT(cppcoreguidelines-owning-memory)
#endif
}

class audit_log {
public:
    audit_log() : file_(open_configured_log()) {}
    ~audit_log()
    {
        if (file_ != nullptr) {
            std::fclose(file_); // NOLINT(cppcoreguidelines-owning-memory)
        }
    }
    audit_log(const audit_log&) = delete;
    audit_log& operator=(const audit_log&) = delete;

    mprnotify::decision<timing> before_add(const mprnotify::add_connection&) { return mprnotify::call_after(timing{}); }
    mprnotify::decision<timing> before_cancel(const mprnotify::cancel_connection&)
    {
        return mprnotify::call_after(timing{});
    }

    void after_add(const mprnotify::add_connection& add, mprnotify::wn_status result, timing t)
    {
        write("add " + printable(add.remote_name()) + " as " + printable(add.local_name()), result, t);
    }
    void after_cancel(const mprnotify::cancel_connection& cancel, mprnotify::wn_status result, timing t)
    {
        write("cancel " + printable(cancel.name()) + (cancel.force() ? " (forced)" : ""), result, t);
    }

    void on_error(const mprnotify::failure& f) noexcept
    {
        const std::string_view site = mprnotify::name(f.site);
        std::fprintf(out(), "audit: %.*s failed: %.*s\n", static_cast<int>(site.size()), site.data(),
                     static_cast<int>(f.message.size()), f.message.data());
    }

private:
    void write(const std::string& what, mprnotify::wn_status result, timing t)
    {
        const auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(clock_type::now() - t.started);
        const std::string_view status = mprnotify::name(result);
        const std::lock_guard lock{mutex_}; // calls arrive on many threads at once
        std::fprintf(out(), "audit: %s -> %.*s in %lld us\n", what.c_str(), static_cast<int>(status.size()),
                     status.data(), static_cast<long long>(elapsed.count()));
        std::fflush(out());
    }
    std::FILE* out() const noexcept { return file_ != nullptr ? file_ : stderr; }

    std::FILE* file_ = nullptr;
    std::mutex mutex_;
};

} // namespace

MPRNOTIFY_EXPORT(audit_log);
