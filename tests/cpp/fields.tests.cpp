// Each model type lists its fields once (its SFCORE_FIELDS line), and equality, the archives
// and the hash chain all walk those lists — so a field left out of a list
// would be neither compared, saved nor hashed, and every round trip would
// still pass. This checks each list against the type itself, by the compiler:
// the number of members a type is made of (counted by brace initialisation,
// which knows nothing of the lists) must be the number of fields its list names.
#include <catch2/catch.hpp>

#include <utility>

#include "sfcore/sfcore.hpp"

using namespace sfcore;

namespace {

// Converts to any member type.
struct any_member {
    template <class T>
    operator T() const noexcept;  // never defined: only its type is asked for, in decltype
};

template <class T, class Seq, class = void>
struct brace_constructible : std::false_type {};
template <class T, std::size_t... I>
struct brace_constructible<T, std::index_sequence<I...>, std::void_t<decltype(T{(void(I), any_member{})...})>>
    : std::true_type {};

// How many members an aggregate is made of: the most initialisers it takes.
template <class T, std::size_t N = 0>
constexpr std::size_t members_of() {
    if constexpr (N > 40) return N;
    else if constexpr (brace_constructible<T, std::make_index_sequence<N + 1>>::value) return members_of<T, N + 1>();
    else return N;
}

template <class T>
constexpr std::size_t listed_fields() {
    // fields_of is the type's own (a hidden friend), found by argument-dependent lookup.
    return std::tuple_size_v<decltype(fields_of(std::declval<T&>()))>;
}

template <class... T>
struct types {};

// Every type with a field list besides the journal's payloads, which are
// taken from event_payload itself (so a new event is checked without being
// named here).
using listed = types<referral, member, party, meeting, action, plan, recipient, consent_scope, shown_item, event,
                     participation_consent, case_roles, agency, practitioner>;

template <class... T>
constexpr types<T...> as_types(std::variant<T...>*) {
    return {};
}
using payloads = decltype(as_types(static_cast<event_payload*>(nullptr)));

template <class T>
bool agrees(std::string& report) {
    constexpr std::size_t made = members_of<T>(), named = listed_fields<T>();
    if (made == named) return true;
    report += std::string(typeid(T).name()) + ": " + std::to_string(made) + " members, " + std::to_string(named) +
              " listed; ";
    return false;
}

template <class... T>
std::size_t check_all(types<T...>, std::string& report) {
    return (static_cast<std::size_t>(agrees<T>(report)) + ...);
}

template <class... T>
constexpr std::size_t count(types<T...>) {
    return sizeof...(T);
}

} // namespace

TEST_CASE("each type's field list names every member of the type", "[fields][archive]") {
    std::string report;
    const std::size_t agreeing = check_all(listed{}, report) + check_all(payloads{}, report);
    INFO(report);
    CHECK(agreeing == count(listed{}) + count(payloads{}));
    CHECK(count(payloads{}) == std::size(event_type_table));
}

TEST_CASE("the member count sees a member that is missing from a list", "[fields]") {
    struct three {
        int a;
        std::string b;
        std::optional<date> c;
    };
    struct with_defaults {
        int a = 1;
        std::vector<int> b;
    };
    CHECK(members_of<three>() == 3);
    CHECK(members_of<with_defaults>() == 2);
    CHECK(members_of<shared_without_consent>() == 15);
    CHECK(members_of<event>() == 6);
}
