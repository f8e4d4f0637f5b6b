// guarded_buffer.hpp - an output buffer with a PAGE_NOACCESS page right after it (or right before
// it), filled with a canary pattern: a write past the declared size faults at once, and a write into
// the slack between the declared end and the guard shows in the canary. Windows only.
#pragma once

#include <cstddef>
#include <span>

namespace mprcheck::run {

class guarded_buffer {
public:
    enum class placement {
        end_aligned,  ///< the guard page starts right after the buffer (rounded up to `alignment`)
        start_aligned ///< the guard page ends right before the buffer
    };
    static constexpr unsigned char canary = 0xCD; // 0xCDCD is no terminator and no ASCII character

    /// `size` bytes (0 gives a pointer right at the guard page); `alignment` of the start address.
    guarded_buffer(std::size_t size, placement where, std::size_t alignment = 8);
    ~guarded_buffer();
    guarded_buffer(const guarded_buffer&) = delete;
    guarded_buffer& operator=(const guarded_buffer&) = delete;

    [[nodiscard]] bool ok() const noexcept { return data_ != nullptr; }
    [[nodiscard]] std::byte* data() noexcept { return data_; }
    [[nodiscard]] std::size_t size() const noexcept { return size_; }
    [[nodiscard]] std::span<const std::byte> bytes() const noexcept { return {data_, size_}; }

    /// Writes the canary over the buffer and its slack.
    void fill();
    /// The offset (from the buffer start) of the first byte at or after `from` that is not the canary,
    /// over the buffer and its slack up to the guard page; `npos` when every byte is intact.
    [[nodiscard]] std::size_t first_changed(std::size_t from) const noexcept;
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
    /// The bytes accessible after the declared end (the slack before the guard page).
    [[nodiscard]] std::size_t slack() const noexcept { return slack_; }

private:
    void* region_ = nullptr;
    std::byte* data_ = nullptr;
    std::size_t size_ = 0;
    std::size_t slack_ = 0;
};

} // namespace mprcheck::run
