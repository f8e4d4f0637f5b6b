// mprnotify/core/secret.hpp - a password or user name MPR passed, as a type that does not leak.
//
// `secret` views MPR's own characters (no copy): a NUL-terminated string (NPAddConnection3), or
// a counted one that is not terminated (a UNICODE_STRING of MSV1_0_INTERACTIVE_LOGON). It cannot
// be streamed, formatted, compared or converted: the only way to the text is an explicit
// reveal(). It keeps NULL (use the default credentials) apart from L"" (no password), as
// NPAddConnection3's page defines them. `secret_string` is an owning copy, made only by
// secret::copy(); its destructor and clear() wipe every character with volatile stores the
// optimiser cannot drop (SecureZeroMemory's guarantee).
//
// The library never wipes MPR's buffer: MPR hands the same pointer to the next provider when this
// one declines the name, and the caller owns it. The library makes no copy of a credential; copies
// the handler makes with copy() are wiped when they die.
#pragma once

#include <cstddef>
#include <cwchar>
#include <string_view>
#include <utility>

namespace mprnotify {

namespace detail {

/// Overwrites `count` characters with zeros through a volatile pointer: every store happens.
inline void secure_wipe(wchar_t* text, std::size_t count) noexcept
{
    volatile wchar_t* p = text;
    for (std::size_t i = 0; i < count; ++i) {
        p[i] = L'\0'; // NOLINT(cppcoreguidelines-pro-bounds-pointer-arithmetic)
    }
}

template <class T>
inline constexpr bool never = false;

} // namespace detail

class secret_string;

/// A credential MPR passed: present (maybe empty) or absent. Valid only during the call.
class secret {
public:
    constexpr secret() noexcept = default;
    constexpr explicit secret(const wchar_t* text) noexcept : text_(text) {}
    /// `length` characters at `text`, not NUL-terminated (the boundary has checked they are there).
    constexpr secret(const wchar_t* text, std::size_t length) noexcept : text_(text), size_(length) {}

    /// True when MPR passed a string (possibly empty); false for NULL: use the default credentials.
    [[nodiscard]] constexpr bool given() const noexcept { return text_ != nullptr; }
    /// True when MPR passed L"": explicitly no password.
    [[nodiscard]] constexpr bool empty() const noexcept
    {
        return text_ != nullptr && (size_ == terminated ? text_[0] == L'\0' : size_ == 0);
    }
    /// "given" or "absent": the only description of a secret fit for a log.
    [[nodiscard]] constexpr std::string_view presence() const noexcept { return given() ? "given" : "absent"; }

    /// The characters, for the code that authenticates with them; empty when absent.
    [[nodiscard]] std::wstring_view reveal() const noexcept
    {
        if (text_ == nullptr) {
            return {};
        }
        return size_ == terminated ? std::wstring_view{text_} : std::wstring_view{text_, size_};
    }

    /// An owning copy that wipes itself; absent stays absent. Throws std::bad_alloc.
    [[nodiscard]] secret_string copy() const;

    // No implicit way to the text: no conversion, no comparison, no stream or format support.
    template <class T>
    operator T() const = delete; // NOLINT(google-explicit-constructor)
    friend bool operator==(const secret&, const secret&) = delete;
    template <class Stream>
    friend Stream& operator<<(Stream& out, const secret& /*unused*/)
    {
        static_assert(detail::never<Stream>, "mprnotify: a secret cannot be streamed, formatted or logged; write "
                                             "presence() (\"given\"/\"absent\"), or reveal() where the text is used");
        return out;
    }

private:
    static constexpr std::size_t terminated = static_cast<std::size_t>(-1);
    const wchar_t* text_ = nullptr;
    std::size_t size_ = terminated; // characters, or `terminated`: up to the NUL
};

/// An owned credential: wiped on destruction, on clear(), and on being moved from.
class secret_string {
public:
    secret_string() noexcept = default;
    secret_string(const secret_string&) = delete;
    secret_string& operator=(const secret_string&) = delete;
    secret_string(secret_string&& other) noexcept
        : chars_(std::exchange(other.chars_, nullptr)), size_(std::exchange(other.size_, 0)),
          given_(std::exchange(other.given_, false))
    {
    }
    secret_string& operator=(secret_string&& other) noexcept
    {
        if (this != &other) {
            clear();
            chars_ = std::exchange(other.chars_, nullptr);
            size_ = std::exchange(other.size_, 0);
            given_ = std::exchange(other.given_, false);
        }
        return *this;
    }
    ~secret_string() { clear(); }

    [[nodiscard]] bool given() const noexcept { return given_; }
    [[nodiscard]] std::string_view presence() const noexcept { return given_ ? "given" : "absent"; }
    [[nodiscard]] std::wstring_view reveal() const noexcept { return {chars_ != nullptr ? chars_ : L"", size_}; }

    /// Wipes the characters and frees them; the secret is absent afterwards.
    void clear() noexcept
    {
        if (chars_ != nullptr) {
            detail::secure_wipe(chars_, size_ + 1);
            delete[] chars_; // NOLINT(cppcoreguidelines-owning-memory): chars_ owns the array it was given by copy()
            chars_ = nullptr;
        }
        size_ = 0;
        given_ = false;
    }

    template <class T>
    operator T() const = delete; // NOLINT(google-explicit-constructor)
    friend bool operator==(const secret_string&, const secret_string&) = delete;
    template <class Stream>
    friend Stream& operator<<(Stream& out, const secret_string& /*unused*/)
    {
        static_assert(detail::never<Stream>, "mprnotify: a secret cannot be streamed, formatted or logged; write "
                                             "presence() (\"given\"/\"absent\"), or reveal() where the text is used");
        return out;
    }

private:
    friend class secret;
    // A plain owning pointer rather than std::unique_ptr: <memory> would cost every provider's
    // translation unit its parse time (docs/performance.md, compile time), for one new[] and delete[].
    wchar_t* chars_ = nullptr;
    std::size_t size_ = 0;
    bool given_ = false;
};

inline secret_string secret::copy() const
{
    secret_string owned;
    if (text_ == nullptr) {
        return owned;
    }
    const std::wstring_view text = reveal();
    owned.chars_ = new wchar_t[text.size() + 1](); // NOLINT(cppcoreguidelines-owning-memory): zero-filled, owned
    text.copy(owned.chars_, text.size());
    owned.size_ = text.size();
    owned.given_ = true;
    return owned;
}

} // namespace mprnotify
