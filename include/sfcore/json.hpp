/**
 * @file json.hpp
 * @brief An event's payload as JSON: its fields by name, made from the
 * payload type's field line, so every event — a new one too — can be
 * recorded and read by a host that speaks JSON (the C ABI's
 * sf_case_record_json() and sf_case_event_fields()).
 *
 * A payload is a JSON object with one member per field, named as in its
 * C++ type (`{"member": 2, "signed_on": "2026-03-02", "form_version": "v3"}`).
 * A field left out keeps its default (an empty text, no value, zero), which
 * the case's rules then judge like any other payload. The values:
 * - a flag: `true` or `false`; a number or an id: a whole number in its range;
 * - an enumerator: its identifier (`"parent_caregiver"`); a category: its number;
 * - a text: a string (UTF-8);
 * - a date: `"YYYY-MM-DD"`; an instant: `"YYYY-MM-DDTHH:MM:SSZ"`, UTC, with
 *   up to six digits of a fraction of a second; either may be `null` where
 *   the field holds no value;
 * - a hash: 64 lowercase hex digits;
 * - an optional value: the value, or `null`; a list: an array;
 * - a party, a meeting, a plan and the other model types: an object of their fields.
 *
 * Every value is checked as the store checks what it reads back: a member
 * that is not a field, a value of the wrong kind, a number out of range, an
 * unknown identifier, text that is not UTF-8 or a date outside 1900–2199 is
 * an error naming the field, and nothing is made.
 */
#pragma once

#include <string>
#include <string_view>

#include "sfcore/events.hpp"

namespace sfcore {

/**
 * @brief The payload of an event of type @p type from its fields as JSON text.
 * @throws sfcore::error errc::invalid_argument for text that is not a JSON
 *   object of the type's fields or a value of the wrong kind or unknown name;
 *   errc::out_of_range for a number, date or instant out of range;
 *   errc::invalid_utf8 for text that is not UTF-8.
 * @since 0.3.0
 */
event_payload payload_from_json(event_type type, std::string_view json);

/**
 * @brief A payload's fields as JSON text (one line), as payload_from_json() reads them.
 * @since 0.3.0
 */
std::string payload_to_json(const event_payload& payload);

} // namespace sfcore
