// An event's payload as JSON (sfcore/json.hpp): made from each payload type's
// field line, so it round-trips every event type without naming one, and
// refuses what is not a payload with an error that names the field.
#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "sfcore/json.hpp"

using namespace sfcore;
using namespace fixtures;

namespace {

template <class... T>
bool every_name_is_a_member(std::variant<T...>*) {
    return ((detail::field_names<T>().size() == std::tuple_size_v<decltype(fields_of(std::declval<T&>()))>) && ...);
}

} // namespace

TEST_CASE("a payload type's field names are its field line's, one per field", "[json]") {
    CHECK(every_name_is_a_member(static_cast<event_payload*>(nullptr)));
    CHECK(detail::field_names<consent_recorded>() ==
          std::vector<std::string>{"member", "signed_on", "form_version", "given_by", "child_views"});
    CHECK(detail::field_names<preparation_started>().empty());
    CHECK(detail::split_field_line(" x.a ,x.b_2") == std::vector<std::string>{"a", "b_2"});
}

TEST_CASE("every event type's payload round-trips through JSON", "[json]") {
    world w;
    const case_file c = w.drive_to(state::plan_active);
    for (const auto& row : event_type_table) {
        CAPTURE(row.name);
        const event_payload p = w.payload_for(row.value, c);
        REQUIRE(p.index() == static_cast<std::size_t>(row.value));
        const std::string text = payload_to_json(p);
        CAPTURE(text);
        CHECK(payload_from_json(row.value, text) == p);
    }
}

TEST_CASE("every entry of a full journal round-trips through JSON, access records too", "[json]") {
    world w;
    const case_file c = full_case(w);
    for (const event& e : c.journal()) {
        const std::string text = payload_to_json(e.payload);
        CAPTURE(e.seq, text);
        CHECK(payload_from_json(e.type(), text) == e.payload);
    }
}

TEST_CASE("a payload's JSON names its fields and writes each kind of value", "[json]") {
    consent_recorded k{member_id{2}, make_date(2026, 3, 2), "v3", member_id{1}, "kei te pai"};
    CHECK(payload_to_json(k) ==
          R"({"child_views":"kei te pai","form_version":"v3","given_by":1,"member":2,"signed_on":"2026-03-02"})");
    k.given_by.reset();
    CHECK(payload_to_json(k).find(R"("given_by":null)") != std::string::npos);
    member_updated u{member_id{1}, std::nullopt, member_role::young_person, std::nullopt, "spelling"};
    CHECK(payload_to_json(u).find(R"("role":"young_person")") != std::string::npos);
    meeting m;
    m.start = instant(make_date(2026, 3, 9), boost::posix_time::hours(10) + boost::posix_time::microseconds(250));
    m.venue = "marae";
    const std::string text = payload_to_json(meeting_scheduled{m});
    CAPTURE(text);
    CHECK(text.find(R"("start":"2026-03-09T10:00:00.000250Z")") != std::string::npos);
    CHECK(std::get<meeting_scheduled>(payload_from_json(event_type::meeting_scheduled, text)).meeting == m);
}

TEST_CASE("a field left out keeps its default, and the case's rules judge the payload", "[json]") {
    CHECK(payload_from_json(event_type::preparation_started, "{}") == event_payload{preparation_started{}});
    CHECK(payload_from_json(event_type::timeframes_set, R"({"review_latest_days": 50})") ==
          event_payload{timeframes_set{15, 28, 50}});
    CHECK(payload_from_json(event_type::consent_withdrawn, R"({"member": 1})") ==
          event_payload{consent_withdrawn{member_id{1}, ""}});
    world w;
    case_file c = w.drive_to(state::referred);
    const std::size_t before = c.journal().size();
    // A declined referral needs its reason: the case refuses the payload as it would any other.
    CHECK(code_of([&] { w.rec(c, payload_from_json(event_type::referral_declined, "{}")); }) == errc::invalid_argument);
    CHECK(c.journal().size() == before);
}

TEST_CASE("recording from JSON appends the entry the payload itself would", "[json]") {
    world w1, w2;
    case_file a = w1.drive_to(state::awaiting_consent), b = w2.drive_to(state::awaiting_consent);
    const consent_recorded k{member_id{1}, make_date(2026, 3, 2), "v3", std::nullopt, ""};
    REQUIRE(w1.rec(a, k));
    REQUIRE(w2.rec(b, payload_from_json(event_type::consent_recorded,
                                         R"({"member": 1, "signed_on": "2026-03-02", "form_version": "v3"})")));
    const event &x = a.journal().back(), &y = b.journal().back();
    CHECK(x.payload == y.payload);
    CHECK(x.when == y.when);
    CHECK(x.seq == y.seq);
    CHECK(a.state() == b.state());
}

TEST_CASE("JSON that is not a payload is an error naming the field, and nothing is made", "[json]") {
    const auto fails = [](event_type t, std::string_view text) {
        try {
            (void)payload_from_json(t, text);
        } catch (const error& e) {
            return std::pair<errc, std::string>{e.code(), e.what()};
        }
        return std::pair<errc, std::string>{errc::ok, ""};
    };
    const auto has = [](const std::pair<errc, std::string>& r, errc code, std::string_view text) {
        CAPTURE(r.second);
        return r.first == code && r.second.find(text) != std::string::npos;
    };
    CHECK(has(fails(event_type::escalated, "not json"), errc::invalid_argument, "not JSON"));
    CHECK(has(fails(event_type::escalated, R"(["note"])"), errc::invalid_argument, "expected an object of the fields note"));
    CHECK(has(fails(event_type::escalated, R"({"notes": "x"})"), errc::invalid_argument, R"(no field "notes" (the fields are note))"));
    CHECK(has(fails(event_type::escalated, R"({"note": 5})"), errc::invalid_argument, "note: expected a text"));
    CHECK(has(fails(event_type::escalated, R"({"note": "a", "note": "b"})"), errc::invalid_argument, R"("note" twice)"));
    CHECK(has(fails(event_type::escalated, "{\"note\": \"\xff\"}"), errc::invalid_utf8, "UTF-8"));
    CHECK(has(fails(event_type::consent_withdrawn, R"({"member": 4294967296})"), errc::out_of_range, "member: a number out of range"));
    CHECK(has(fails(event_type::consent_withdrawn, R"({"member": -1})"), errc::out_of_range, "member"));
    CHECK(has(fails(event_type::consent_withdrawn, R"({"member": 1.5})"), errc::invalid_argument, "member: expected a whole number"));
    CHECK(has(fails(event_type::referral_accepted, R"({"by_panel": 1})"), errc::invalid_argument, "by_panel: expected true or false"));
    CHECK(has(fails(event_type::closure_started, R"({"reason": "bored"})"), errc::invalid_argument, R"(unknown exit reason "bored")"));
    CHECK(has(fails(event_type::consent_recorded, R"({"signed_on": "2026-02-30"})"), errc::out_of_range, "signed_on: not a real date"));
    CHECK(has(fails(event_type::consent_recorded, R"({"signed_on": "1899-12-31"})"), errc::out_of_range, "signed_on"));
    CHECK(has(fails(event_type::consent_recorded, R"({"signed_on": "2026-3-2"})"), errc::invalid_argument, "YYYY-MM-DD"));
    CHECK(has(fails(event_type::meeting_scheduled, R"({"meeting": {"start": "2026-03-09T10:00:00"}})"), errc::invalid_argument,
              "meeting.start: expected an instant"));
    CHECK(has(fails(event_type::meeting_scheduled, R"({"meeting": {"start": "2026-03-09T24:00:00Z"}})"), errc::out_of_range,
              "meeting.start"));
    CHECK(has(fails(event_type::plan_agreed, R"({"plan": {"actions": [{}, {"due": 7}]}})"), errc::invalid_argument,
              "plan.actions[1].due: expected a date"));
    CHECK(has(fails(event_type::sharing_consent_given, R"({"scope": {"recipients": [{"agency": 2}, {"agency": "MSD"}]}})"),
              errc::invalid_argument, "scope.recipients[1].agency: expected a whole number"));
    CHECK(fails(static_cast<event_type>(200), "{}").first == errc::invalid_argument);
}

TEST_CASE("an instant's fraction of a second is read to the microsecond", "[json]") {
    const auto start = [](std::string_view at) {
        const std::string text = std::string(R"({"meeting": {"start": ")") + std::string(at) + "\"}}";
        return std::get<meeting_scheduled>(payload_from_json(event_type::meeting_scheduled, text)).meeting.start;
    };
    const instant ten(make_date(2026, 3, 9), boost::posix_time::hours(10));
    CHECK(start("2026-03-09T10:00:00Z") == ten);
    CHECK(start("2026-03-09T10:00:00.5Z") == ten + boost::posix_time::milliseconds(500));
    CHECK(start("2026-03-09T10:00:00.000001Z") == ten + boost::posix_time::microseconds(1));
    CHECK(code_of([&] { start("2026-03-09T10:00:00.0000001Z"); }) == errc::invalid_argument);
    CHECK(code_of([&] { start("2026-03-09T10:00:00.Z"); }) == errc::invalid_argument);
}

TEST_CASE("deeply nested JSON is an error, never a crash", "[json]") {
    const std::string open(100000, '['), close(100000, ']');
    CHECK(code_of([&] { (void)payload_from_json(event_type::escalated, open); }) == errc::invalid_argument);
    CHECK(code_of([&] { (void)payload_from_json(event_type::escalated, "{\"note\": " + open + close + "}"); }) ==
          errc::invalid_argument);
}

TEST_CASE("the payloads the fuzzer starts from are payloads", "[json]") {
    for (const auto& [type, file] : {std::pair{event_type::consent_recorded, "consent_recorded.json"},
                                     std::pair{event_type::plan_agreed, "plan_agreed.json"},
                                     std::pair{event_type::meeting_scheduled, "meeting_scheduled.json"}}) {
        const bytes b = read_file(std::string(SFCORE_FUZZ_REGRESSIONS_DIR) + "/../payloads/" + file);
        CAPTURE(file);
        const event_payload p = payload_from_json(type, std::string_view(reinterpret_cast<const char*>(b.data()), b.size()));
        CHECK(payload_from_json(type, payload_to_json(p)) == p);
    }
}
