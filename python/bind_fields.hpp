// A payload class made from its type's field line (SFCORE_FIELDS): a
// keyword-only constructor with one argument per field, a read/write
// attribute per field and a repr naming them all. An event with no class
// of its own written in the bind_*.cpp files gets one of these, named from
// its row of events.def (member_updated → MemberUpdated), so a new event
// reaches Python without binding code.
//
// An argument is required when its field has no value that could stand for
// "not given": an id, a party, a date, an instant, or a model value (a
// member, a meeting, a plan). Every other field defaults to its value in the
// payload's default (an empty text or list, None, zero, the first
// enumerator), which the case's rules then judge like any other payload.
#pragma once

#include <deque>
#include <tuple>
#include <type_traits>
#include <utility>

#include "bind.hpp"

namespace sfcore_py {

namespace fields_detail {

template <class F>
constexpr bool required = sfcore::detail::is_strong_id<F>::value || std::is_same_v<F, sfcore::party> ||
                          std::is_same_v<F, sfcore::date> || std::is_same_v<F, sfcore::instant> ||
                          sfcore::detail::has_fields<F>::value;

template <class P, std::size_t I>
using field_t = std::remove_cv_t<std::remove_reference_t<std::tuple_element_t<I, decltype(fields_of(std::declval<P&>()))>>>;

// What Python hands in for a field: a flag takes True or False only.
template <class F>
using argument_t = std::conditional_t<std::is_same_v<F, bool>, strict_bool, F>;

template <class P, std::size_t I>
auto argument(const std::vector<std::string>& names) {
    using F = field_t<P, I>;
    if constexpr (required<F>) {
        return py::arg(names[I].c_str());
    } else {
        static const P defaults{};
        return py::arg(names[I].c_str()) = std::get<I>(fields_of(defaults));
    }
}

template <class P, std::size_t... I>
void constructor(py::class_<P>& c, std::index_sequence<I...>) {
    if constexpr (sizeof...(I) == 0) {
        c.def(py::init<>());
    } else {
        const auto& names = sfcore::detail::field_names<P>();
        c.def(py::init([](argument_t<field_t<P, I>>... v) {
                  P x{};
                  auto f = fields_of(x);
                  ((std::get<I>(f) = static_cast<field_t<P, I>>(std::move(v))), ...);
                  return x;
              }),
              py::kw_only(), argument<P, I>(names)...);
    }
}

template <class P, std::size_t I>
void attribute(py::class_<P>& c) {
    using F = field_t<P, I>;
    const char* name = sfcore::detail::field_names<P>()[I].c_str();
    if constexpr (std::is_same_v<F, bool>)
        c.def_property(
            name, [](const P& x) { return std::get<I>(fields_of(x)); },
            [](P& x, strict_bool v) { std::get<I>(fields_of(x)) = v; });
    else
        c.def_property(
            name, [](P& x) -> F& { return std::get<I>(fields_of(x)); },
            [](P& x, F v) { std::get<I>(fields_of(x)) = std::move(v); });
}

template <class P, std::size_t... I>
void attributes(py::class_<P>& c, std::index_sequence<I...>) {
    (attribute<P, I>(c), ...);
}

} // namespace fields_detail

/// Bind a payload class from its field line: constructor, attributes, repr, equality and copying.
template <class P>
py::class_<P> fields_class(py::module_& m, const char* name, const char* doc) {
    auto c = payload_class<P>(m, name, doc);
    constexpr std::size_t n = std::tuple_size_v<decltype(fields_of(std::declval<P&>()))>;
    fields_detail::constructor(c, std::make_index_sequence<n>{});
    fields_detail::attributes(c, std::make_index_sequence<n>{});
    std::vector<const char*> names;
    for (const auto& f : sfcore::detail::field_names<P>()) names.push_back(f.c_str());
    c.def("__repr__", repr_fields(name, std::move(names)));
    return c;
}

/// A payload class, from its field line, for each row of events.def that has none yet.
void bind_remaining_payloads(py::module_& m);

} // namespace sfcore_py
