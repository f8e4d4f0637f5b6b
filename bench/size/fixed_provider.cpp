// The size benchmark's library provider: the README's provider (a drive letter -> \\lab\<name>)
// with its state in a fixed table instead of std::map / std::wstring / std::mutex, so the DLL holds
// only the library's code, the handler's and the C runtime (bench/size/fixed_provider.c is the same
// provider in C). The hooks are noexcept and the two lock calls are declared nothrow for GCC: with
// either missing, GCC assumes a throw is possible and the C++ exception runtime is linked in
// (docs/performance.md, size of the DLL).
#include <mprnotify/provider.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#if defined(__GNUC__) && !defined(__clang__)
extern "C" WINBASEAPI VOID WINAPI AcquireSRWLockExclusive(PSRWLOCK lock) __attribute__((nothrow));
extern "C" WINBASEAPI VOID WINAPI ReleaseSRWLockExclusive(PSRWLOCK lock) __attribute__((nothrow));
#endif

using namespace mprnotify;

namespace {
struct drive {
    std::size_t size = 0; // characters of `remote`; 0: not connected
    std::array<wchar_t, 64> remote{};
};

class hold {
public:
    explicit hold(SRWLOCK& lock) noexcept : lock_(lock) { AcquireSRWLockExclusive(&lock_); }
    hold(const hold&) = delete;
    hold& operator=(const hold&) = delete;
    ~hold() { ReleaseSRWLockExclusive(&lock_); }

private:
    SRWLOCK& lock_;
};
} // namespace

struct fixed_provider {
    static constexpr std::uint32_t net_type = 0x00FB0000;
    SRWLOCK lock = SRWLOCK_INIT;
    std::array<drive, 26> drives{};

    /// The table entry of a drive letter ("P:"), or nullptr for any other name.
    drive* slot(std::wstring_view local) noexcept
    {
        if (local.size() != 2 || local[1] != L':' || local[0] < L'A' || local[0] > L'Z') {
            return nullptr;
        }
        return &drives.at(static_cast<std::size_t>(local[0] - L'A'));
    }

    wn_status connect(const connect_request& request) noexcept
    {
        if (!request.remote_name().starts_with_ignoring_case(L"\\\\lab\\") || request.is_deviceless()) {
            return wn_status::bad_netname;
        }
        const std::wstring_view remote = request.remote_name();
        drive* d = slot(request.local_name().view());
        if (d == nullptr || remote.size() >= d->remote.size()) {
            return wn_status::bad_localname;
        }
        const hold held{lock};
        if (d->size != 0) {
            return wn_status::already_connected;
        }
        remote.copy(d->remote.data(), remote.size());
        d->size = remote.size();
        return wn_status::success;
    }

    wn_status disconnect(const disconnect_request& request) noexcept
    {
        drive* d = slot(request.name());
        const hold held{lock};
        if (d == nullptr || d->size == 0) {
            return wn_status::not_connected;
        }
        d->size = 0;
        return wn_status::success;
    }

    wn_status connection_of(wzstring_view local, name_answer& answer) noexcept
    {
        drive* d = slot(local.view());
        const hold held{lock};
        if (d == nullptr || d->size == 0) {
            return wn_status::not_connected;
        }
        return answer.set(std::wstring_view{d->remote.data(), d->size});
    }
};

MPRNOTIFY_PROVIDER_EXPORT(fixed_provider);
