// The decision paths the documentation says allocate nothing, checked by
// counting every call of operator new (replaced for this test program) while
// they run; and an audited decision whose allocations fail, one after another.
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <new>
#include <random>

#include "fixtures.hpp"

namespace {
// Counted only while a measurement is on, on the thread that turned it on.
thread_local bool counting = false;
thread_local std::size_t allocations = 0;
thread_local std::size_t fail_at = 0;  // while counting, the allocation that fails (1, 2, …); 0: none

void* counted(std::size_t n) {
    if (counting && ++allocations == fail_at) return nullptr;
    return std::malloc(n ? n : 1);
}
} // namespace

// The replacements pair malloc with free; GCC cannot see that operator new is
// replaced too, and takes the pairing for a mismatch.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif

void* operator new(std::size_t n) {
    if (void* p = counted(n)) return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t n) {
    if (void* p = counted(n)) return p;
    throw std::bad_alloc();
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return counted(n); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return counted(n); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

using namespace sfcore;

namespace {

// How many allocations f() makes.
template <class F>
std::size_t allocations_of(F&& f) {
    allocations = 0;
    counting = true;
    f();
    counting = false;
    return allocations;
}

} // namespace

TEST_CASE("a decision about one person allocates nothing, at any instant", "[allocation][disclosure]") {
    fixtures::world w;
    case_file c = w.drive_to(state::plan_active);
    REQUIRE(w.rec(c, issue_areas_set{{issue_area::housing, issue_area::education}}));
    REQUIRE(w.rec(c, w.adult_consent(recipient::of(agencies::MSD))));
    REQUIRE(w.rec(c, w.adult_consent(recipient::of(agencies::MOE, w.teacher))));
    REQUIRE(w.rec(c, confidential_marked{member_id{1}, category::education, true}));
    REQUIRE(w.rec(c, sharing_consent_withdrawn{member_id{1}, recipient::of(agencies::MSD), std::nullopt, ""}));
    const recipient to[] = {recipient::of(agencies::MSD), recipient::of(agencies::MOE, w.teacher),
                            recipient::of(agencies::POLICE), recipient::of(agencies::MOE)};
    std::mt19937 rng(5);
    int permits = 0, refusals = 0;
    const std::size_t n = allocations_of([&] {
        for (int i = 0; i < 20000; ++i) {
            // Now, in the past and in the future; every member; a spread of categories and recipients.
            const instant at = w.clock + boost::posix_time::hours(static_cast<long>(rng() % 2000) - 1000);
            const decision d = c.check(w.dir, recipient::of(agencies::MOE), member_id{1 + static_cast<std::uint32_t>(rng() % 2)},
                                       static_cast<category>(rng() % 13), to[rng() % 4],
                                       rng() % 2 ? purpose::meeting : purpose::plan_delivery, at);
            (d.permit ? permits : refusals)++;
        }
    });
    CHECK(n == 0);
    CHECK(permits > 0);  // the loop decided both ways: every path was taken
    CHECK(refusals > 0);
}

TEST_CASE("a decision on a request that names several people allocates nothing", "[allocation][disclosure]") {
    fixtures::world w;
    case_file c = w.drive_to(state::plan_active);
    REQUIRE(w.rec(c, issue_areas_set{{issue_area::housing}}));
    REQUIRE(w.rec(c, w.adult_consent(recipient::of(agencies::MSD))));
    disclosure_request r = w.request(member_id{1}, category::housing, recipient::of(agencies::MSD));
    r.subjects.push_back(member_id{2});
    std::size_t n = allocations_of([&] {
        for (int i = 0; i < 1000; ++i) {
            const decision d = c.check(w.dir, r);
            if (d.permit) FAIL("the child has not consented");
        }
    });
    CHECK(n == 0);
    // The counter counts: a decision that is recorded allocates its journal entry.
    n = allocations_of([&] { (void)c.decide(w.dir, r, "worker"); });
    CHECK(n > 0);
}

TEST_CASE("an audited decision whose allocation fails records nothing: no entry is left without its hash", "[allocation][disclosure]") {
    for (const at_rest keep : {at_rest::plain, at_rest::encrypted}) {
        INFO((keep == at_rest::encrypted ? "encrypted" : "plain"));
        fixtures::world w;
        w.keep = keep;
        case_file c = w.drive_to(state::plan_active);
        REQUIRE(w.rec(c, issue_areas_set{{issue_area::housing}}));
        REQUIRE(w.rec(c, w.adult_consent(recipient::of(agencies::MSD))));
        disclosure_request r = w.request(member_id{1}, category::housing, recipient::of(agencies::MSD));
        r.subjects.push_back(member_id{2});  // a subject list of two: the entry allocates it
        // Fail the first allocation of a decision, then the second, and so on, until one succeeds.
        std::size_t failed = 0;
        for (std::size_t n = 1;; ++n) {
            const std::size_t before = c.journal().size();
            const journal_head head = c.head();
            bool thrown = false;
            allocations = 0;
            fail_at = n;
            counting = true;
            try {
                (void)c.decide(w.dir, r, "msd-worker");
            } catch (const std::bad_alloc&) {
                thrown = true;
            }
            counting = false;
            fail_at = 0;
            if (!thrown) {
                CHECK(c.journal().size() == before + 1);
                break;
            }
            ++failed;
            CHECK(c.journal().size() == before);  // nothing half-made is left in the journal
            CHECK(c.head() == head);
            REQUIRE(c.verify());
            REQUIRE(n < 64);
        }
        CHECK(failed > 0);  // some allocation of the decision did fail
        // The case goes on: a decision after the failures is recorded and chained.
        (void)c.decide(w.dir, r, "msd-worker");
        CHECK(c.verify());
        CHECK(c.journal().back().type() == event_type::disclosure_decided);
    }
}
