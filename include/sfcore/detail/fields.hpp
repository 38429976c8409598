// SFCORE_FIELDS: a model type's fields, listed once, inside the type.
//
// The canonical encoding that the hash chain and the store use, and the
// archives, walk a type's fields in the order its SFCORE_FIELDS line lists
// them (src/walker.hpp finds the line's fields_of() by argument-dependent
// lookup). Equality is each type's defaulted operator== over all its
// members, so a member left off the line is compared and not saved: the
// archive and journal round-trip tests then fail. A type with no fields
// lists none: SFCORE_FIELDS(T).
#pragma once

#include <tuple>

#define SFCORE_FIELDS(T, ...)                                                                  \
    friend auto fields_of([[maybe_unused]] T& x) { return std::tie(__VA_ARGS__); }             \
    friend auto fields_of([[maybe_unused]] const T& x) { return std::tie(__VA_ARGS__); }
