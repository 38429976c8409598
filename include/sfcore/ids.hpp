/**
 * @file ids.hpp
 * @brief Strong id types: an agency id is never mistaken for a member id.
 */
#pragma once

#include <cstdint>
#include <functional>
#include <type_traits>

namespace sfcore {

/**
 * @brief An integer id that only compares with ids of the same kind.
 * @tparam Tag a distinct type per kind of id.
 * @tparam Rep the integer behind it.
 * @since 0.1.0
 */
template <class Tag, class Rep = std::uint32_t>
class strong_id {
public:
    /** @brief The integer type behind the id. @since 0.1.0 */
    using rep = Rep;
    /** @brief The zero id, which no entity ever has. @since 0.1.0 */
    constexpr strong_id() noexcept = default;
    /** @brief Wrap an integer. @since 0.1.0 */
    constexpr explicit strong_id(Rep v) noexcept : value_(v) {}
    /** @brief The integer. @since 0.1.0 */
    constexpr Rep value() const noexcept { return value_; }
    /** @brief True for any id but zero. @since 0.1.0 */
    constexpr explicit operator bool() const noexcept { return value_ != 0; }
    /** @brief Equality. @since 0.1.0 */
    friend constexpr bool operator==(strong_id a, strong_id b) noexcept { return a.value_ == b.value_; }
    /** @brief Inequality. @since 0.1.0 */
    friend constexpr bool operator!=(strong_id a, strong_id b) noexcept { return a.value_ != b.value_; }
    /** @brief Ordering, for sorted containers. @since 0.1.0 */
    friend constexpr bool operator<(strong_id a, strong_id b) noexcept { return a.value_ < b.value_; }

private:
    Rep value_ = 0;
};

namespace detail {
// True for a strong_id: the encodings, the JSON form and the Python classes
// made from field lines read and write one as its integer.
template <class T>
struct is_strong_id : std::false_type {};
template <class Tag, class Rep>
struct is_strong_id<strong_id<Tag, Rep>> : std::true_type {};
} // namespace detail

/** @brief An agency in the directory. @since 0.1.0 */
using agency_id = strong_id<struct agency_tag>;
/** @brief A practitioner (a worker of an agency) in the directory. @since 0.1.0 */
using practitioner_id = strong_id<struct practitioner_tag>;
/** @brief A family member, numbered within a case. @since 0.1.0 */
using member_id = strong_id<struct member_tag>;
/** @brief A meeting, numbered within a case. @since 0.1.0 */
using meeting_id = strong_id<struct meeting_tag>;
/** @brief An action of a plan, numbered within a case. @since 0.1.0 */
using action_id = strong_id<struct action_tag>;
/** @brief A programme's site (Intensive Intervention) or team (Children's Teams) in the directory. @since 0.2.0 */
using site_id = strong_id<struct site_tag>;
/** @brief A Local Management Group in the directory. @since 0.2.0 */
using local_group_id = strong_id<struct local_group_tag>;
/** @brief A case (one family's journey through a programme). @since 0.1.0 */
using case_id = strong_id<struct case_tag, std::uint64_t>;

} // namespace sfcore

/// @cond INTERNAL
/// @since 0.1.0
// Hash support, so ids can key unordered containers.
template <class Tag, class Rep>
struct std::hash<sfcore::strong_id<Tag, Rep>> {
    /** @brief The hash of the integer. @since 0.1.0 */
    std::size_t operator()(sfcore::strong_id<Tag, Rep> id) const noexcept { return std::hash<Rep>{}(id.value()); }
};
/// @endcond
/// @since 0.1.0
