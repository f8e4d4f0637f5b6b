// Reads a fuzzer's input front to back as small integers; zeros once it runs out.
//
// Sequential on purpose (unlike FuzzedDataProvider, which takes integers from the end), so the
// seed corpus can be written by hand (fuzz/make-seeds) and read as a list of steps.
#pragma once

#include <cstddef>
#include <cstdint>

namespace fuzz {

class byte_reader {
public:
    byte_reader(const std::uint8_t* data, std::size_t size) noexcept : data_(data), size_(size) {}

    [[nodiscard]] bool empty() const noexcept { return position_ >= size_; }

    std::uint8_t u8() noexcept { return position_ < size_ ? data_[position_++] : 0; }
    // Little-endian; each part is read in its own statement (operands of | are unsequenced).
    std::uint16_t u16() noexcept
    {
        const unsigned low = u8();
        return static_cast<std::uint16_t>(low | (unsigned{u8()} << 8U));
    }
    std::uint32_t u32() noexcept
    {
        const std::uint32_t low = u16();
        return low | (std::uint32_t{u16()} << 16U);
    }
    std::uint64_t u64() noexcept
    {
        const std::uint64_t low = u32();
        return low | (std::uint64_t{u32()} << 32U);
    }

private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t position_ = 0;
};

} // namespace fuzz
