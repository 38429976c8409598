/**
 * @file model.hpp
 * @brief The things a case is made of: family members, parties and
 * recipients, meetings, actions and plans, and sets of categories and purposes.
 */
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sfcore/detail/fields.hpp"
#include "sfcore/enums.hpp"
#include "sfcore/ids.hpp"
#include "sfcore/referral.hpp"
#include "sfcore/time.hpp"

namespace sfcore {

/** @brief A member of the family/whānau. @since 0.1.0 */
struct member {
    member_id id;                            ///< Its number in the case (assigned when added).
    std::string name;                        ///< Name (UTF-8; macrons kept).
    member_role role = member_role::parent_caregiver;  ///< Role in the family.
    std::optional<sfcore::date> born;        ///< Date of birth, where known.
    bool participating = true;               ///< Takes part in the process (and so consents).

    /**
     * @brief Age in whole years on a date.
     * @return the age, or nothing when the date of birth is not known.
     * @since 0.1.0
     */
    std::optional<int> age_on(const sfcore::date& d) const;
    SFCORE_VALUE(member, x.id, x.name, x.role, x.born, x.participating)
};

/**
 * @brief Someone who can be invited, attend, or own an action: a family
 * member, a whole agency, or a named practitioner.
 * @since 0.1.0
 */
struct party {
    party_kind kind = party_kind::member;  ///< Which kind of id `id` is.
    std::uint32_t id = 0;                  ///< A member_id, agency_id or practitioner_id value.

    /** @brief A family member. @since 0.1.0 */
    static party of(member_id m) noexcept { return {party_kind::member, m.value()}; }
    /** @brief A whole agency. @since 0.1.0 */
    static party of(agency_id a) noexcept { return {party_kind::agency, a.value()}; }
    /** @brief A named practitioner. @since 0.1.0 */
    static party of(practitioner_id p) noexcept { return {party_kind::practitioner, p.value()}; }
    /** @brief Equality. @since 0.1.0 */
    friend bool operator==(const party& a, const party& b) noexcept { return a.kind == b.kind && a.id == b.id; }
    /** @brief Inequality. @since 0.1.0 */
    friend bool operator!=(const party& a, const party& b) noexcept { return !(a == b); }
    SFCORE_FIELDS(party, x.kind, x.id)
};

/**
 * @brief Who information is disclosed to, or by: an agency as a whole, or a
 * named practitioner of it. A consent to an agency covers its practitioners;
 * a consent to a named practitioner covers only them ("the agencies named
 * on this form, not just individual workers" — the family chooses which).
 * @since 0.2.0
 */
struct recipient {
    agency_id agency;              ///< The agency.
    practitioner_id practitioner;  ///< A named worker of it, or zero for the agency as a whole.

    /** @brief An agency as a whole. @since 0.2.0 */
    static recipient of(agency_id a) noexcept { return {a, practitioner_id{}}; }
    /** @brief A named practitioner of an agency. @since 0.2.0 */
    static recipient of(agency_id a, practitioner_id p) noexcept { return {a, p}; }
    /** @brief True when this recipient, as named in a consent, covers @p asked. @since 0.2.0 */
    constexpr bool covers(const recipient& asked) const noexcept {
        return agency == asked.agency && (!practitioner || practitioner == asked.practitioner);
    }
    /** @brief Equality. @since 0.2.0 */
    friend constexpr bool operator==(const recipient& a, const recipient& b) noexcept {
        return a.agency == b.agency && a.practitioner == b.practitioner;
    }
    /** @brief Inequality. @since 0.2.0 */
    friend constexpr bool operator!=(const recipient& a, const recipient& b) noexcept { return !(a == b); }
    SFCORE_FIELDS(recipient, x.agency, x.practitioner)
};

/** @brief A set of information categories: bit i is category i (a case's own categories included, up to 64). @since 0.1.0 */
using category_set = std::uint64_t;
/** @brief A set of purposes: bit i is purpose i. @since 0.1.0 */
using purpose_set = std::uint8_t;

/** @brief The set holding one category. @since 0.1.0 */
constexpr category_set bit(category c) noexcept { return category_set{1} << static_cast<unsigned>(c); }
/** @brief The set holding one purpose. @since 0.1.0 */
constexpr purpose_set bit(purpose p) noexcept { return static_cast<purpose_set>(1u << static_cast<unsigned>(p)); }
/** @brief Every purpose. @since 0.1.0 */
inline constexpr purpose_set all_purposes = static_cast<purpose_set>((1u << std::size(purpose_table)) - 1);

/** @brief A meeting: the initial interagency meeting or a review. @since 0.1.0 */
struct meeting {
    meeting_id id;                          ///< Its number in the case (assigned when scheduled).
    meeting_kind kind = meeting_kind::initial;  ///< Initial or review.
    instant start;                          ///< When it starts (UTC; see nz_local_time()).
    std::string venue;                      ///< Where, as the family chose (UTF-8).
    std::vector<party> invitees;            ///< Who is invited; each approved by the family.
    std::string facilitator;                ///< An independent facilitator, if any (UTF-8).
    std::string interpreter;                ///< The language of an interpreter, if one is arranged.
    std::vector<std::string> support_people;  ///< The family's support people (UTF-8).
    bool karakia = false;                   ///< Opens with karakia.
    bool mihi = false;                      ///< Opens with mihi.
    bool held = false;                      ///< Has been held.
    std::vector<party> attendance;          ///< Who attended (once held).
    SFCORE_VALUE(meeting, x.id, x.kind, x.start, x.venue, x.invitees, x.facilitator, x.interpreter, x.support_people, x.karakia, x.mihi, x.held, x.attendance)
};

/** @brief One action of a plan: who does what, by when. @since 0.1.0 */
struct action {
    action_id id;                           ///< Its number in the case (assigned when first agreed).
    std::string description;                ///< What will be done (UTF-8).
    std::optional<party> owner;             ///< Who does it: an agency, a practitioner or a family member.
    std::optional<sfcore::date> due;        ///< By when.
    action_status status = action_status::open;  ///< How it stands.
    support_type support = support_type::none;   ///< The kind of support it is.
    std::string need;                       ///< The family's need or priority it addresses (their words).
    /** @brief The outcome areas it serves (each at most once). @since 0.2.0 */
    std::vector<outcome_area> outcomes;
    SFCORE_VALUE(action, x.id, x.description, x.owner, x.due, x.status, x.support, x.need, x.outcomes)
};

/**
 * @brief The targets a case works to (the defaults are the programme's): a
 * case holds its own, set by event_type::timeframes_set.
 * @since 0.1.0
 */
struct timeframes {
    int initial_meeting_working_days = 15;  ///< Initial meeting within this many working days of the referral.
    int review_earliest_days = 28;          ///< A review is held no sooner than this after the last meeting…
    int review_latest_days = 42;            ///< …and no later than this.
};

/** @brief An action plan, one version of it. @since 0.1.0 */
struct plan {
    std::uint32_t version = 0;              ///< 1 for the first agreed plan, then +1 per revision (per plan).
    std::optional<member_id> child;         ///< The child, for a Children's Team plan; empty for a family plan.
    std::optional<agency_id> lead_agency;   ///< Coordinates the agencies' work.
    std::optional<practitioner_id> key_contact;  ///< Keeps in touch with the family between meetings.
    std::vector<action> actions;            ///< The actions.
    std::string child_views;                ///< The child's own views (Children's Teams).
    std::string revision_reason;            ///< Why it was revised (change of circumstances); empty for version 1.
    sfcore::date agreed;                    ///< The date it was agreed or revised (from the event).
    SFCORE_VALUE(plan, x.version, x.child, x.lead_agency, x.key_contact, x.actions, x.child_views, x.revision_reason, x.agreed)
};

/**
 * @brief A local New Zealand date and time (Pacific/Auckland, by the time zone
 * database: its offset and daylight-saving rules of each period since 1900) as an instant.
 * @throws sfcore::error errc::out_of_range for a time that does not exist
 *         (the hour skipped when daylight saving starts) or is ambiguous
 *         (the hour repeated when it ends), or a bad date or time.
 * @since 0.1.0
 */
instant nz_time(const sfcore::date& d, int hour, int minute);

/**
 * @brief The New Zealand local date and time of an instant, and its UTC offset in minutes.
 * @since 0.1.0
 */
struct nz_local {
    sfcore::date date;     ///< Local date.
    int hour = 0;          ///< Local hour, 0–23.
    int minute = 0;        ///< Local minute.
    int utc_offset = 0;    ///< Minutes ahead of UTC: 720 (NZST) or 780 (NZDT) today; 690 or 750 before 1946.
};

/** @brief The New Zealand local time of an instant. @since 0.1.0 */
nz_local nz_local_time(const instant& t);

/** @brief The New Zealand local date of an instant. @since 0.1.0 */
inline sfcore::date nz_date(const instant& t) { return nz_local_time(t).date; }

} // namespace sfcore

namespace sfcore {

} // namespace sfcore
