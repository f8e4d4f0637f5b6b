// mprnotify/detail/notifyee/context_holder.hpp - where a decision keeps its context until the boundary takes it.
//
// std::optional's destructor is noexcept whatever the contained type says, so a context whose
// destructor throws would end the process (std::terminate) when the boundary destroys the
// moved-from context left in the decision. Such contexts get this optional-like holder, whose
// destructor lets the exception through to the boundary, which translates it (failure_site::
// context_destroy). Every other context type keeps std::optional.
#pragma once

#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

namespace mprnotify::detail {

// NOLINTBEGIN(cppcoreguidelines-pro-type-union-access): the union is the storage of an optional
template <class T>
class throwing_destructor_holder {
public:
    throwing_destructor_holder() noexcept {} // NOLINT(modernize-use-equals-default): the union stays empty
    template <class... Args>
    explicit throwing_destructor_holder(std::in_place_t /*unused*/, Args&&... args) : engaged_(true)
    {
        std::construct_at(&value_, std::forward<Args>(args)...); // a throw here: no holder, no destructor
    }
    throwing_destructor_holder(const throwing_destructor_holder& other) requires std::is_copy_constructible_v<T>
    {
        if (other.engaged_) {
            std::construct_at(&value_, other.value_);
            engaged_ = true;
        }
    }
    throwing_destructor_holder(throwing_destructor_holder&& other) noexcept(
        std::is_nothrow_move_constructible_v<T>) requires std::is_move_constructible_v<T>
    {
        if (other.engaged_) {
            std::construct_at(&value_, std::move(other.value_));
            engaged_ = true;
        }
    }
    throwing_destructor_holder&
    operator=(const throwing_destructor_holder& other) requires std::is_copy_constructible_v<T>
    {
        if (this != &other) {
            reset();
            if (other.engaged_) {
                std::construct_at(&value_, other.value_);
                engaged_ = true;
            }
        }
        return *this;
    }
    throwing_destructor_holder&
    operator=(throwing_destructor_holder&& other) noexcept(false) requires std::is_move_constructible_v<T>
    {
        if (this != &other) {
            reset();
            if (other.engaged_) {
                std::construct_at(&value_, std::move(other.value_));
                engaged_ = true;
            }
        }
        return *this;
    }
    ~throwing_destructor_holder() noexcept(false) { reset(); }

    [[nodiscard]] bool has_value() const noexcept { return engaged_; }
    explicit operator bool() const noexcept { return engaged_; }
    T& operator*() noexcept { return value_; }
    const T& operator*() const noexcept { return value_; }
    T* operator->() noexcept { return &value_; }
    const T* operator->() const noexcept { return &value_; }

    /// Destroys the value, if any; the holder is empty afterwards even if the destructor throws.
    void reset() noexcept(false)
    {
        if (std::exchange(engaged_, false)) {
            // Not std::destroy_at: Microsoft's STL declares it noexcept, which would end the process.
            value_.~T();
        }
    }

private:
    union {
        T value_;
    };
    bool engaged_ = false;
};
// NOLINTEND(cppcoreguidelines-pro-type-union-access)

/// std::optional<T>, unless destroying a T may throw.
template <class T>
using context_holder =
    std::conditional_t<std::is_nothrow_destructible_v<T>, std::optional<T>, throwing_destructor_holder<T>>;

} // namespace mprnotify::detail
