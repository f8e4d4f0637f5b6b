// The audit example's work with the library, written to match bench/baselines/audit_log.c: the
// same clock, the same narrowing into stack buffers, one fprintf + fflush under a mutex to the
// file named by MPRNOTIFY_AUDIT_LOG (else stderr), the same line. examples/audit_log does the same
// with std::string; both are measured.
#include <time.h>

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <mutex>

#include <mprnotify/mprnotify.hpp>

namespace {

struct timing {
    timespec started;
};

timing start() noexcept
{
    timing t{};
    clock_gettime(CLOCK_MONOTONIC, &t.started);
    return t;
}

long long elapsed_us(const timing& t) noexcept
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (static_cast<long long>(now.tv_sec - t.started.tv_sec) * 1000000000LL + (now.tv_nsec - t.started.tv_nsec)) /
           1000;
}

const char* narrow(mprnotify::nullable_wstring text, char* out, std::size_t size) noexcept
{
    std::size_t n = 0;
    for (const wchar_t* c = text.has_value() ? text.c_str() : L"(none)"; *c != L'\0' && n + 1 < size; ++c) {
        out[n++] = *c >= 0x20 && *c < 0x7F ? static_cast<char>(*c) : '?';
    }
    out[n] = '\0';
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

    mprnotify::decision<timing> before_add(const mprnotify::add_connection&) { return mprnotify::call_after(start()); }
    mprnotify::decision<timing> before_cancel(const mprnotify::cancel_connection&)
    {
        return mprnotify::call_after(start());
    }

    void after_add(const mprnotify::add_connection& add, mprnotify::wn_status result, timing t)
    {
        const long long us = elapsed_us(t);
        char remote[256];
        char local[64];
        const std::string_view status = mprnotify::name(result);
        const std::lock_guard lock{mutex_};
        std::fprintf(out(), "audit: add %s as %s -> %.*s in %lld us\n",
                     narrow(add.remote_name(), remote, sizeof remote), narrow(add.local_name(), local, sizeof local),
                     static_cast<int>(status.size()), status.data(), us);
        std::fflush(out());
    }
    void after_cancel(const mprnotify::cancel_connection& cancel, mprnotify::wn_status result, timing t)
    {
        const long long us = elapsed_us(t);
        char name[256];
        const std::string_view status = mprnotify::name(result);
        const std::lock_guard lock{mutex_};
        std::fprintf(out(), "audit: cancel %s%s -> %.*s in %lld us\n", narrow(cancel.name(), name, sizeof name),
                     cancel.force() ? " (forced)" : "", static_cast<int>(status.size()), status.data(), us);
        std::fflush(out());
    }

private:
    std::FILE* out() const noexcept { return file_ != nullptr ? file_ : stderr; }

    std::FILE* file_ = nullptr;
    std::mutex mutex_;
};

} // namespace

MPRNOTIFY_EXPORT(audit_log);
