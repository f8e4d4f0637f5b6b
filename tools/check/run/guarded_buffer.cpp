// guarded_buffer.cpp - VirtualAlloc'd pages with one PAGE_NOACCESS page at the buffer's edge.
#include "guarded_buffer.hpp"

#include <algorithm>
#include <cstring>

#include <mprnotify/core/platform.hpp>

namespace mprcheck::run {
namespace {

std::size_t page_size()
{
    SYSTEM_INFO info{};
    ::GetSystemInfo(&info);
    return info.dwPageSize;
}

std::size_t round_up(std::size_t value, std::size_t unit) { return (value + unit - 1) / unit * unit; }

} // namespace

guarded_buffer::guarded_buffer(std::size_t size, placement where, std::size_t alignment) : size_(size)
{
    const std::size_t page = page_size();
    const std::size_t data_pages = round_up((std::max)(round_up(size, alignment), std::size_t{1}), page);
    const std::size_t total = data_pages + page;
    region_ = ::VirtualAlloc(nullptr, total, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
    if (region_ == nullptr) {
        return;
    }
    auto* base = static_cast<std::byte*>(region_);
    DWORD previous = 0;
    if (where == placement::end_aligned) {
        std::byte* guard = base + data_pages;
        ::VirtualProtect(guard, page, PAGE_NOACCESS, &previous);
        data_ = guard - round_up(size, alignment);
        slack_ = round_up(size, alignment) - size;
    } else {
        ::VirtualProtect(base, page, PAGE_NOACCESS, &previous);
        data_ = base + page;
        slack_ = data_pages - size;
    }
    fill();
}

guarded_buffer::~guarded_buffer()
{
    if (region_ != nullptr) {
        ::VirtualFree(region_, 0, MEM_RELEASE);
    }
}

void guarded_buffer::fill()
{
    if (data_ != nullptr) {
        std::memset(data_, canary, size_ + slack_);
    }
}

std::size_t guarded_buffer::first_changed(std::size_t from) const noexcept
{
    for (std::size_t i = from; data_ != nullptr && i < size_ + slack_; ++i) {
        if (data_[i] != std::byte{canary}) {
            return i;
        }
    }
    return npos;
}

} // namespace mprcheck::run
