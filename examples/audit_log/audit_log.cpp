// Logs every connection and disconnection with its outcome and how long the provider took.
//
// The pre call starts a clock and hands it over as the operation's context; the post call gets it
// back with the result. Lines go to the file named by MPRNOTIFY_AUDIT_LOG, else to stderr.
// Only names are logged: a notifyee runs in every WNet caller and must never log credentials.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>

#include <mprnotify/mprnotify.hpp>

namespace {

using clock_type = std::chrono::steady_clock;

struct timing {
    clock_type::time_point started = clock_type::now();
};

std::string narrow(mprnotify::nullable_wstring text)
{
    std::string out;
    for (const wchar_t c : text.value_or(L"(none)")) {
        out.push_back(c >= 0x20 && c < 0x7F ? static_cast<char>(c) : '?');
    }
    return out;
}

class audit_log {
public:
    audit_log()
    {
        const char* path = std::getenv("MPRNOTIFY_AUDIT_LOG");     // NOLINT(concurrency-mt-unsafe)
        file_ = path != nullptr ? std::fopen(path, "a") : nullptr; // NOLINT(cppcoreguidelines-owning-memory)
    }
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
        write("add " + narrow(add.remote_name()) + " as " + narrow(add.local_name()), result, t);
    }
    void after_cancel(const mprnotify::cancel_connection& cancel, mprnotify::wn_status result, timing t)
    {
        write("cancel " + narrow(cancel.name()) + (cancel.force() ? " (forced)" : ""), result, t);
    }

    void on_error(const mprnotify::failure& f) noexcept
    {
        std::fprintf(out(), "audit: %.*s failed: %.*s\n", static_cast<int>(to_string(f.site).size()),
                     to_string(f.site).data(), static_cast<int>(f.message.size()), f.message.data());
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
