// A buffer whose last byte is followed by a page that cannot be read or written: a write one byte
// past the buffer crashes the test instead of passing unnoticed.
#pragma once

#include <cstddef>

#if defined(_WIN32)
#  include <windows.h>
#else
#  include <sys/mman.h>
#  include <unistd.h>
#endif

namespace test_support {

class guarded_tail {
public:
    explicit guarded_tail(std::size_t bytes) : bytes_(bytes)
    {
        const std::size_t page = page_size();
        pages_ = (bytes + page - 1) / page + 1;
#if defined(_WIN32)
        base_ = static_cast<unsigned char*>(
            ::VirtualAlloc(nullptr, pages_ * page, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE));
        DWORD old = 0;
        ::VirtualProtect(base_ + (pages_ - 1) * page, page, PAGE_NOACCESS, &old);
#else
        void* memory = ::mmap(nullptr, pages_ * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        base_ = memory == MAP_FAILED ? nullptr : static_cast<unsigned char*>(memory);
        if (base_ != nullptr) {
            ::mprotect(base_ + (pages_ - 1) * page, page, PROT_NONE);
        }
#endif
    }
    ~guarded_tail()
    {
#if defined(_WIN32)
        ::VirtualFree(base_, 0, MEM_RELEASE);
#else
        if (base_ != nullptr) {
            ::munmap(base_, pages_ * page_size());
        }
#endif
    }
    guarded_tail(const guarded_tail&) = delete;
    guarded_tail& operator=(const guarded_tail&) = delete;

    /// The buffer: `bytes` long, ending right before the inaccessible page.
    [[nodiscard]] void* data() const { return base_ + (pages_ - 1) * page_size() - bytes_; }

private:
    static std::size_t page_size()
    {
#if defined(_WIN32)
        SYSTEM_INFO info;
        ::GetSystemInfo(&info);
        return info.dwPageSize;
#else
        return static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
#endif
    }
    std::size_t bytes_;
    std::size_t pages_ = 0;
    unsigned char* base_ = nullptr;
};

} // namespace test_support
