// One tamper-evident journal per case: every entry hashed in full, bound to
// its case, anchored by a head the host keeps, sealed by a key it holds;
// decisions explained from the journal, and reasons that tell a requester
// nothing about anyone else.
#include <catch2/catch.hpp>

#include <cstring>
#include <set>

#include "../../src/archive_detail.hpp"
#include "../../src/case_access.hpp"
#include "fixtures.hpp"
#include "sfcore/fhir.hpp"

using namespace sfcore;
using fixtures::code_of;

namespace {

std::vector<event> entries_of(const case_file& c) { return {c.journal().begin(), c.journal().end()}; }

sealing_key key(const char* id, std::uint8_t fill) { return {id, std::vector<std::uint8_t>(32, fill)}; }

} // namespace

TEST_CASE("every byte of every entry is covered by the chain", "[journal]") {
    fixtures::world w;
    fixtures::fixed_clock clock;
    const case_file c = fixtures::full_case(w);
    REQUIRE(c.verify());
    const std::vector<event> journal = entries_of(c);
    std::size_t changed = 0, refused = 0;
    for (std::size_t i = 0; i < journal.size(); ++i) {
        const bytes original = detail::encode_entry(journal[i]);
        for (std::size_t b = 0; b + 32 < original.size(); ++b) {
            bytes bad = original;
            bad[b] ^= 0x01;
            event e;
            try {
                e = detail::decode_entry(bad.data(), bad.size());
            } catch (const error&) {
                ++refused;  // the bytes no longer decode: a clear error
                continue;
            }
            ++changed;
            std::vector<event> tampered = journal;
            tampered[i] = e;
            const errc code = code_of([&] { case_file::replay(c.id(), tampered); });
            if (code != errc::integrity) FAIL("entry " << i + 1 << ", byte " << b << ": " << static_cast<int>(code));
        }
    }
    CHECK(changed > 1000);
    CHECK(refused > 0);
}

TEST_CASE("entries numbered out of order do not replay, even with their chain recomputed", "[journal]") {
    fixtures::world w;
    const case_file c = fixtures::full_case(w);
    std::vector<event> renumbered = entries_of(c);
    renumbered[3].seq = 7;  // a number skipped, as if entries were cut out and the chain made again
    digest prev = journal_genesis(c.id());
    for (auto& e : renumbered) {
        e.hash = detail::entry_hash(prev, e);
        prev = e.hash;
    }
    const errc code = code_of([&] { case_file::replay(c.id(), renumbered); });
    CHECK(code == errc::integrity);
}

TEST_CASE("free text cannot forge a field: separators in one field encode apart from the next field", "[journal]") {
    fixtures::world w;
    // The 0.1 audit text joined fields with '|': an approver named "Principal|recipient=..." forged a recipient.
    shared_without_consent honest = w.s66_sharing(), forged = w.s66_sharing();
    honest.approver = "Principal";
    honest.necessity = "recipient=New Zealand Police|necessity=none";
    forged.approver = "Principal|recipient=New Zealand Police";
    forged.necessity = "necessity=none";
    const instant at = w.tick();
    const event a{at, "principal", honest}, b{at, "principal", forged};
    CHECK(detail::encode_entry(a) != detail::encode_entry(b));
    CHECK(detail::entry_hash(digest{}, a) != detail::entry_hash(digest{}, b));
    // Each decodes to exactly the fields it was made from.
    const bytes bytes_a = detail::encode_entry(a);
    const event back = detail::decode_entry(bytes_a.data(), bytes_a.size());
    CHECK(std::get<shared_without_consent>(back.payload).approver == "Principal");
    // An instant's microseconds are hashed: two entries a microsecond apart differ.
    const event later{at + boost::posix_time::microseconds(1), "principal", honest};
    CHECK(detail::entry_hash(digest{}, a) != detail::entry_hash(digest{}, later));
}

TEST_CASE("a journal belongs to its case: another case's id does not verify", "[journal]") {
    fixtures::world w;
    const case_file c = fixtures::full_case(w);
    CHECK(case_file::replay(c.id(), entries_of(c)) == c);
    CHECK(code_of([&] { case_file::replay(case_id{2}, entries_of(c)); }) == errc::integrity);
    // Entries moved from one case into another break the chain where they land.
    fixtures::world w2;
    const case_file other = w2.drive_to(state::plan_active);
    std::vector<event> mixed = entries_of(other);
    const auto theirs = entries_of(c);
    mixed.insert(mixed.end(), theirs.begin() + static_cast<long>(mixed.size()), theirs.end());
    CHECK(code_of([&] { case_file::replay(c.id(), mixed); }) == errc::integrity);
}

TEST_CASE("a kept head finds truncation, rollback and a rewritten journal", "[journal]") {
    fixtures::world w;
    case_file c = w.drive_to(state::plan_active);
    const journal_head kept = c.head();
    CHECK(kept.seq == c.journal().size());
    CHECK(c.verify(&kept));
    CHECK(c.verify(&kept).reason.empty());
    // Appending keeps the anchor valid; dropping entries (a valid prefix) does not.
    w.rec(c, action_updated{action_id{1}, action_status::done, ""});
    CHECK(c.verify(&kept));
    std::vector<event> cut = entries_of(c);
    cut.resize(kept.seq - 2);
    const case_file truncated = case_file::replay(c.id(), cut);  // verifies on its own…
    CHECK(truncated.verify());
    const journal_verification v = truncated.verify(&kept);  // …but not against the head the host kept
    CHECK_FALSE(v);
    CHECK(v.reason.find("removed or rolled back") != std::string::npos);
    // A journal rewritten from the start (every hash recomputed) is a valid journal of another history.
    fixtures::world w2;
    case_file rewritten = w2.drive_to(state::plan_active);
    w2.rec(rewritten, action_updated{action_id{2}, action_status::done, ""});
    REQUIRE(rewritten.journal().size() == c.journal().size());
    CHECK(rewritten.verify());
    CHECK_FALSE(rewritten.verify(&kept));
    // The empty anchor is the case's genesis.
    const journal_head genesis{0, journal_genesis(c.id())};
    CHECK(c.verify(&genesis));
}

TEST_CASE("the recorded instant comes from the library's clock, never goes backwards, and is hashed to the microsecond", "[journal]") {
    struct backwards {
        static instant now(void* n) {
            auto& k = *static_cast<std::int64_t*>(n);
            return instant(make_date(2026, 6, 1)) - boost::posix_time::microseconds(++k);  // a clock going back
        }
    };
    std::int64_t ticks = 0;
    set_clock(&backwards::now, &ticks);
    fixtures::world w;
    case_file c = w.drive_to(state::preparing);
    set_clock(nullptr);
    for (std::size_t i = 1; i < c.journal().size(); ++i) CHECK(c.journal()[i].recorded >= c.journal()[i - 1].recorded);
    CHECK(c.journal().front().recorded.time_of_day().fractional_seconds() != 0);
    std::vector<event> bumped = entries_of(c);
    bumped[3].recorded += boost::posix_time::microseconds(1);
    CHECK(code_of([&] { case_file::replay(c.id(), bumped); }) == errc::integrity);
    // The system clock is the default: an entry is stamped with now.
    const instant before = clock_now();
    w.rec(c, priorities_set{{"housing"}, {}, {}});
    CHECK(c.journal().back().recorded >= before);
}

TEST_CASE("asking about any instant, past or future, never blocks a change", "[journal][disclosure]") {
    fixtures::world w;
    case_file c = w.drive_to(state::plan_active);
    REQUIRE(w.rec(c, issue_areas_set{{issue_area::housing}}));
    REQUIRE(w.rec(c, w.adult_consent(recipient::of(agencies::MSD))));
    disclosure_request r = w.request(member_id{1}, category::housing, recipient::of(agencies::MSD));
    r.at = w.clock + boost::posix_time::hours(24 * 7);  // next week
    CHECK(c.decide(w.dir, r, "msd-worker").permit);
    r.at = w.clock - boost::posix_time::hours(24 * 365);  // last year
    CHECK(c.decide(w.dir, r, "msd-worker").rule == decision_rule::not_necessary);
    // The family withdraws today: accepted, and next week's answer changes with it.
    REQUIRE(w.rec(c, sharing_consent_withdrawn{member_id{1}, std::nullopt, std::nullopt, ""}));
    r.at = w.clock + boost::posix_time::hours(24 * 7);
    CHECK(c.decide(w.dir, r, "msd-worker").rule == decision_rule::withdrawn);
    CHECK(case_file::replay(c.id(), entries_of(c)) == c);
}

TEST_CASE("explain() answers from the journal by the decision's reference", "[journal][disclosure]") {
    fixtures::world w;
    case_file c = w.drive_to(state::plan_active);
    REQUIRE(w.rec(c, issue_areas_set{{issue_area::housing}}));
    const outcome given = w.rec(c, w.adult_consent(recipient::of(agencies::MSD)));
    const decision yes = c.decide(w.dir, w.request(member_id{1}, category::housing, recipient::of(agencies::MSD)), "x");
    const decision no = c.decide(w.dir, w.request(member_id{2}, category::housing, recipient::of(agencies::MSD)), "x");
    REQUIRE(yes.seq == c.journal().size() - 1);
    CHECK(c.explain(yes.seq) == "permitted: member 1 consented to share this with this recipient, for this purpose (consent 1)");
    CHECK(c.explain(no.seq) == "refused for member 2: the person has given no consent to share their information");
    // Only a decision the journal holds can be explained: not a consent's entry, not an entry that does not exist.
    CHECK(code_of([&] { c.explain(given.seq); }) == errc::not_found);
    CHECK(code_of([&] { c.explain(999); }) == errc::not_found);
    CHECK(code_of([&] { c.explain(0); }) == errc::not_found);
    // check() records nothing, so its decision has no reference.
    CHECK(c.check(w.dir, w.request(member_id{1}, category::housing, recipient::of(agencies::MSD))).seq == 0);
    // A decision about several people names every one who consented.
    member koro{{}, "Koro", member_role::other_whanau, make_date(1950, 1, 1), true};
    REQUIRE(w.rec(c, member_added{koro}));
    REQUIRE(w.rec(c, w.adult_consent(recipient::of(agencies::MSD), member_id{3})));
    disclosure_request both = w.request(member_id{1}, category::housing, recipient::of(agencies::MSD));
    both.subjects.push_back(member_id{3});
    const decision together = c.decide(w.dir, both, "x");
    REQUIRE(together.permit);
    CHECK(c.explain(together.seq) ==
          "permitted: members 1 and 3 each consented to share this with this recipient, for this purpose (member 1 under consent 1)");
}

TEST_CASE("a requester is told only whether disclosure is permitted, and a reference", "[journal][disclosure]") {
    fixtures::world w;
    case_file c = w.drive_to(state::plan_active);
    member rangi{{}, "Rangi Te Rangi", member_role::young_person, make_date(2009, 6, 1), true};
    REQUIRE(w.rec(c, member_added{rangi}));
    REQUIRE(w.rec(c, issue_areas_set{{issue_area::housing, issue_area::mental_health}}));
    REQUIRE(w.rec(c, w.adult_consent(recipient::of(agencies::MSD))));
    REQUIRE(w.rec(c, w.adult_consent(recipient::of(agencies::MOE, w.teacher), member_id{3})));
    REQUIRE(w.rec(c, confidential_marked{member_id{1}, category::housing, true}));
    REQUIRE(w.rec(c, sharing_consent_withdrawn{member_id{3}, std::nullopt, std::nullopt, ""}));
    const recipient police = recipient::of(agencies::POLICE);
    // Refusals by every rule, about different people and groups of people.
    std::vector<decision> refusals;
    for (const auto& r : {w.request(member_id{1}, category::housing, police),                 // no consent names the police
                          w.request(member_id{1}, category::housing, recipient::of(agencies::MSD)),  // confidential
                          w.request(member_id{3}, category::housing, recipient::of(agencies::MOE, w.teacher)),  // withdrawn
                          w.request(member_id{2}, category::housing, police),                 // the child: no consent
                          w.request(member_id{1}, category::mental_health, recipient::of(agencies::MSD))}) {
        refusals.push_back(c.decide(w.dir, r, "police-officer"));
        REQUIRE_FALSE(refusals.back().permit);
    }
    disclosure_request group = w.request(member_id{1}, category::housing, police);
    group.subjects = {member_id{3}, member_id{1}, member_id{2}};
    refusals.push_back(c.decide(w.dir, group, "police-officer"));
    std::set<decision_rule> rules;
    for (const auto& d : refusals) {
        rules.insert(d.rule);
        const std::string told = requester_reason(c.id(), d);
        CAPTURE(told);
        // The same words for every refusal: only the reference differs.
        CHECK(told == "Disclosure is not permitted (reference 1/" + std::to_string(d.seq) + ").");
        for (const char* secret : {"Hine", "Tama", "Rangi", "confidential", "withdrew", "consent", "member"})
            CHECK(told.find(secret) == std::string::npos);
    }
    CHECK(rules.size() >= 4);
    const decision ok = c.decide(w.dir, w.request(member_id{1}, category::mental_health, recipient::of(agencies::MSD), purpose::deidentified), "x");
    REQUIRE_FALSE(ok.permit);  // mental health is not in the consent
    CHECK(requester_reason(c.id(), decision{true, decision_rule::consent, member_id{1}, 1, 12}) ==
          "Disclosure is permitted (reference 1/12).");
    CHECK(requester_reason(c.id(), decision{}) == "Disclosure is not permitted.");
}

TEST_CASE("reasons and explanations carry ids, never names, dates of birth or a child's words", "[journal]") {
    fixtures::world w;
    case_file c = w.drive_to(state::awaiting_consent);
    member kiri{{}, "Kiri Te Rangi", member_role::parent_caregiver, make_date(1990, 1, 1), true};
    REQUIRE(w.rec(c, member_added{kiri}));
    const outcome o = w.rec(c, preparation_started{});
    REQUIRE_FALSE(o.accepted);
    CHECK(o.reason == "written consent to take part is missing from member 3");
    const outcome bad = w.rec(c, sharing_consent_given{member_id{2}, member_id{2}, {{recipient::of(agencies::MSD)}, bit(category::housing), all_purposes,
                                                                                     make_date(2026, 1, 1), make_date(2026, 12, 31)},
                                                       make_date(2026, 3, 2), "v1", "I don't want the school to know", 0});
    REQUIRE_FALSE(bad.accepted);
    for (const std::string& text : {o.reason, bad.reason}) {
        CAPTURE(text);
        for (const char* secret : {"Kiri", "Tama", "Hine", "1990", "school to know"}) CHECK(text.find(secret) == std::string::npos);
    }
    try {
        c.member_at(member_id{9});
        FAIL("no member 9");
    } catch (const error& e) {
        CHECK(std::string(e.what()).find("member 9") != std::string::npos);
    }
}

TEST_CASE("a sealed archive loads only under its key", "[journal][archive][seal]") {
    fixtures::world w;
    const case_file c = fixtures::full_case(w);
    const sealing_key k1 = key("region-2026", 7), k2 = key("region-2027", 9);
    const bytes sealed = save_archive(c, archive_encoding::binary, &k1);
    const archive_info info = inspect_archive(sealed.data(), sealed.size());
    CHECK(info.sealed);
    CHECK(info.key_id == "region-2026");
    CHECK(load_case(sealed, {k2, k1}) == c);
    CHECK(code_of([&] { load_case(sealed); }) == errc::key_error);       // no key given
    CHECK(code_of([&] { load_case(sealed, {k2}); }) == errc::key_error);  // not its key
    sealing_key wrong = k1;
    wrong.secret[0] ^= 1;
    CHECK(code_of([&] { load_case(sealed, {wrong}); }) == errc::key_error);  // the right id, the wrong secret
    // An unsealed archive is refused where a sealed one is required.
    CHECK(code_of([&] { load_case(save_archive(c), {k1}); }) == errc::key_error);
    // Whoever can write the file but lacks the key cannot make one that loads: a
    // journal of another history, sealed under a key of their own, is refused.
    fixtures::world w2;
    case_file forged = w2.drive_to(state::closed);
    const sealing_key theirs{"region-2026", std::vector<std::uint8_t>(32, 1)};
    CHECK(code_of([&] { load_case(save_archive(forged, archive_encoding::binary, &theirs), {k1}); }) == errc::key_error);
    // Every byte of a sealed archive is covered by its seal.
    for (std::size_t i = 0; i < sealed.size(); i += 7) {
        bytes bad = sealed;
        bad[i] ^= 0x20;
        const errc code = code_of([&] { load_case(bad, {k1}); });
        if (code == errc::ok) FAIL("byte " << i << " was not detected");
    }
    // Keys are checked.
    CHECK(code_of([&] { save_archive(c, archive_encoding::binary, &static_cast<const sealing_key&>(sealing_key{"", std::vector<std::uint8_t>(32)})); }) == errc::key_error);
    CHECK(code_of([&] { save_archive(c, archive_encoding::binary, &static_cast<const sealing_key&>(sealing_key{"short", std::vector<std::uint8_t>(8)})); }) == errc::key_error);
}

TEST_CASE("HMAC-SHA-256 gives the published test vectors", "[journal][seal]") {
    // RFC 4231, test cases 1 and 2.
    const std::vector<std::uint8_t> key1(20, 0x0b);
    CHECK(to_hex(hmac_sha256(key1, "Hi There", 8)) == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    const std::vector<std::uint8_t> key2{'J', 'e', 'f', 'e'};
    const std::string data2 = "what do ya want for nothing?";
    CHECK(to_hex(hmac_sha256(key2, data2.data(), data2.size())) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    // Test case 6: a key longer than a block is hashed first.
    const std::vector<std::uint8_t> key6(131, 0xaa);
    const std::string data6 = "Test Using Larger Than Block-Size Key - Hash Key First";
    CHECK(to_hex(hmac_sha256(key6, data6.data(), data6.size())) == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST_CASE("an identified extract is an access record: recorded by the library, replayed, exported, refused when blank", "[journal][access]") {
    fixtures::world w;
    case_file c = w.drive_to(state::plan_active);
    const std::size_t before = c.journal().size();
    CHECK(code_of([&] { c.record_identified_extract(" ", "members", "an audit"); }) == errc::invalid_argument);
    CHECK(code_of([&] { c.record_identified_extract("analyst-7", "members", ""); }) == errc::invalid_argument);
    CHECK(code_of([&] { c.record_identified_extract("analyst-7", "\xC3(", "an audit"); }) == errc::invalid_utf8);
    CHECK(c.journal().size() == before);
    // A host cannot offer one: only the library records it.
    CHECK(code_of([&] { w.rec(c, identified_extract{"members", "an audit"}); }) == errc::invalid_argument);
    c.record_identified_extract("analyst-7", "members", "the Commissioner's audit");
    REQUIRE(c.journal().size() == before + 1);
    const event& e = c.journal().back();
    CHECK(e.who == "analyst-7");
    CHECK(std::get<identified_extract>(e.payload) == identified_extract{"members", "the Commissioner's audit"});
    CHECK(c.access_log("analyst-7").size() == 1);
    CHECK(c.state() == state::plan_active);
    const case_file again = case_file::replay(c.id(), std::vector<event>(c.journal().begin(), c.journal().end()));
    CHECK(again == c);
    // A blank purpose written into the journal (and the chain made again over it) does not replay.
    std::vector<event> forged(c.journal().begin(), c.journal().end());
    std::get<identified_extract>(forged.back().payload).purpose = "";
    detail::case_access::chain(c.id(), forged);
    CHECK(code_of([&] { case_file::replay(c.id(), forged); }) == errc::integrity);
    // The audit log in FHIR names it, with every member the case had then.
    const std::string audit = fhir_audit_events(c, w.dir);
    CHECK(audit.find("identified members table extracted for analysis") != std::string::npos);
    CHECK(audit.find("the Commissioner's audit") != std::string::npos);
}
