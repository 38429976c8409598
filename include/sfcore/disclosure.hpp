/**
 * @file disclosure.hpp
 * @brief Consent-gated disclosure: nothing about a person reaches anyone they
 * did not agree to, unless a named law allows it and that is recorded.
 *
 * Everything a decision rests on is an entry of the case's one journal
 * (consents to share, withdrawals, confidential marks, necessity, and the
 * member's withdrawal from the process), and the state decisions read is a
 * fold of that journal, kept by the case (sfcore::disclosure_state).
 *
 * **The decision rule.** A request asks to disclose information of one
 * category, about one or more family members (the subjects), to one
 * recipient, for one purpose, at one instant. For each subject, in order:
 * 1. information the family marked **confidential** is never disclosed under
 *    consent (rule `confidential`);
 * 2. under consent only what is **necessary** is disclosed: the category must
 *    relate to the family's key issues (their issue areas, widened or
 *    narrowed by the family); de-identified reporting is exempt (rule
 *    `not_necessary`);
 * 3. the subject's own **consent** (or, for a child below the consent age, a
 *    parent's or caregiver's) must name the recipient (a whole agency, which
 *    covers its practitioners, or a named practitioner, which covers only
 *    them), the category, the purpose and a period containing the date, and
 *    must not have been withdrawn by then — a withdrawal from the process
 *    withdraws every consent to share of that member. The refusal names how
 *    far the closest consent got: recipient, category, purpose, period,
 *    withdrawn.
 *
 * **Combination.** Information about a person is governed by that person's
 * consent; information about several people needs every one of them: the
 * first subject (in request order) who is refused decides the refusal
 * (deny overrides). No consent means deny. Of several consents that permit,
 * the earliest (lowest id) is named.
 *
 * **Time.** Every journal entry carries its instant, so a decision can be
 * asked about any instant, past or future, and is answered from the fold's
 * index without walking the history.
 *
 * **Need to know.** A decision carries the full reason (the rule, the
 * subject, the consent) for the coordinator and the journal; what a
 * requester is told (requester_reason()) says only whether disclosure is
 * permitted and the decision's reference — never another person's consent,
 * a confidential mark, or which subject refused.
 */
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// GCC 12 at -O3 misreads boost::container's memmove of a small_vector's
// inline elements as reading or writing past them (-Wstringop-overread,
// -Wstringop-overflow: false positives): kept quiet for that header alone.
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 11
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-overread"
#pragma GCC diagnostic ignored "-Wstringop-overflow"
#include <boost/container/small_vector.hpp>
#pragma GCC diagnostic pop
#else
#include <boost/container/small_vector.hpp>
#endif

#include "sfcore/enums.hpp"
#include "sfcore/events.hpp"
#include "sfcore/model.hpp"

namespace sfcore {

class case_file;
namespace detail {
struct event_rules;
} // namespace detail

/**
 * @brief The categories an issue area makes necessary to share (identity and
 * contact details are always necessary).
 * @since 0.1.0
 */
category_set default_necessity(issue_area area) noexcept;

/**
 * @brief The information categories of a case: the built-in list
 * (sfcore::category_table, ids 0–12, never renumbered) and the case's own,
 * registered by event_type::category_registered and numbered after them, up
 * to 64 in all.
 * @since 0.1.0
 */
class category_registry {
public:
    /** @brief The most categories a registry holds (a category_set has 64 bits). @since 0.1.0 */
    static constexpr std::size_t capacity = 64;

    /** @brief The built-in categories. @since 0.1.0 */
    category_registry();

    /**
     * @brief Add a category.
     * @param name its identifier: lowercase letters, digits and '_', not taken.
     * @param label its plain-language label (UTF-8, not blank).
     * @return its id.
     * @throws sfcore::error errc::invalid_argument (name), errc::already_exists, errc::out_of_range (full).
     * @since 0.1.0
     */
    category add(std::string_view name, std::string_view label);

    /**
     * @brief Check that add() would accept a category, without adding it.
     * @throws sfcore::error as add().
     * @since 0.2.0
     */
    void check_new(std::string_view name, std::string_view label) const;

    /** @brief True when @p c is in the registry. @since 0.1.0 */
    bool contains(category c) const noexcept { return static_cast<std::size_t>(c) < names_.size(); }
    /** @brief How many categories there are. @since 0.1.0 */
    std::size_t size() const noexcept { return names_.size(); }
    /** @brief Every category the registry holds, as a set. @since 0.2.0 */
    category_set all() const noexcept {
        return names_.size() >= 64 ? ~category_set{0} : (category_set{1} << names_.size()) - 1;
    }
    /**
     * @brief A category's identifier.
     * @throws sfcore::error errc::invalid_argument for an unknown category.
     * @since 0.1.0
     */
    const std::string& name(category c) const;
    /**
     * @brief A category's label.
     * @throws sfcore::error errc::invalid_argument for an unknown category.
     * @since 0.1.0
     */
    const std::string& label(category c) const;
    /** @brief The category with an identifier, if any. @since 0.1.0 */
    std::optional<category> find(std::string_view name) const noexcept;

private:
    std::vector<std::string> names_, labels_;
};

/** @brief A request to disclose. @since 0.1.0 */
struct disclosure_request {
    sfcore::recipient discloser;                 ///< Who would disclose (an agency, or a named practitioner of it).
    std::vector<member_id> subjects;             ///< Whom the information is about.
    category what = category::identity_contact;  ///< What kind of information.
    sfcore::recipient recipient;                 ///< Who would receive it.
    sfcore::purpose why = purpose::meeting;      ///< For what.
    instant at;                                  ///< The instant the request is about.
};

/**
 * @brief A decision: permit or deny, the rule that decided, for whom, and the
 * journal entry that records it. A refusal is a value.
 * @since 0.1.0
 */
struct decision {
    bool permit = false;                             ///< Disclosure is allowed.
    decision_rule rule = decision_rule::no_consent;  ///< The rule that decided.
    member_id subject;                               ///< The subject the rule was applied to (the refusing one).
    std::uint32_t consent = 0;                       ///< The consent that permitted it (0 when denied).
    std::uint64_t seq = 0;                           ///< The journal entry recording it (0: not recorded, as by check()).
    /** @brief True when permitted. @since 0.1.0 */
    explicit operator bool() const noexcept { return permit; }
};

/** @brief Equality of decisions. @since 0.1.0 */
inline bool operator==(const decision& a, const decision& b) noexcept {
    return a.permit == b.permit && a.rule == b.rule && a.subject == b.subject && a.consent == b.consent &&
           a.seq == b.seq;
}

/**
 * @brief What a requester is told of a decision: whether disclosure is
 * permitted, and its reference (case and entry) to quote to the coordinator.
 * The text is the same for every refusal, whatever the rule or the subject,
 * so it tells the requester nothing about anyone's consent.
 * @since 0.2.0
 */
std::string requester_reason(case_id id, const decision& d);

/** @brief A piece of a family's information held by an agency, for filtered views. @since 0.1.0 */
struct info_item {
    std::vector<member_id> subjects;             ///< Whom it is about.
    category what = category::identity_contact;  ///< What kind of information.
    std::string content;                         ///< The information.
};

/** @brief One line of a disclosure notice. @since 0.1.0 */
struct notice_line {
    sfcore::recipient recipient;       ///< Who may receive it.
    std::vector<category> categories;  ///< What they may receive.
};

/** @brief What may be shared about one member, told to the family beforehand. @since 0.1.0 */
struct disclosure_notice {
    member_id member;                    ///< Whom it is about.
    sfcore::purpose why = purpose::meeting;  ///< For which purpose.
    std::vector<notice_line> lines;      ///< Who may receive what.
    std::vector<category> confidential;  ///< What the family marked confidential.
    std::vector<std::uint64_t> shared_without_consent;  ///< Entries of sharings without consent about the member the family was told of.
    std::string text;                    ///< The notice in plain language, for the member.
};

/** @brief A consent to share, as the fold keeps it. @since 0.2.0 */
struct sharing_consent {
    sharing_consent_given given;  ///< The consent as given (with its id).
    std::string recorded_by;      ///< Who recorded it.
    instant at;                   ///< From when it counts (its entry's instant).
    std::uint64_t seq = 0;        ///< Its journal entry.
};

/** @brief A withdrawal of consent to share, as the fold keeps it. @since 0.2.0 */
struct sharing_withdrawal {
    member_id subject;                           ///< Whose consent.
    std::optional<sfcore::recipient> recipient;  ///< Only this recipient.
    std::optional<category> what;                ///< Only this category.
    bool from_process = false;                   ///< The member withdrew from the process (event_type::consent_withdrawn): every consent.
    std::string recorded_by;                     ///< Who recorded it.
    instant at;                                  ///< It takes effect at this instant.
    std::uint64_t seq = 0;                       ///< Its journal entry.
};

/**
 * @brief The disclosure state of a case: the fold of its journal's
 * disclosure entries, with an index that answers a decision about any
 * instant by lookups (no walk of the history).
 *
 * A case_file keeps one and updates it as entries are appended; it is never
 * made or changed by hand. Every const member may be called from many
 * threads at once.
 * @since 0.2.0
 */
class disclosure_state {
public:
    /** @brief The case's information categories. @since 0.2.0 */
    const category_registry& categories() const noexcept { return categories_; }
    /** @brief From which ages people consent for themselves. @since 0.2.0 */
    const consent_ages_set& ages() const noexcept { return ages_; }
    /** @brief Every consent to share, in the order given (consent id i is element i-1). @since 0.2.0 */
    const std::vector<sharing_consent>& consents() const noexcept { return consents_; }
    /** @brief Every withdrawal, in order (withdrawals from the process included). @since 0.2.0 */
    const std::vector<sharing_withdrawal>& withdrawals() const noexcept { return withdrawals_; }
    /** @brief The categories necessary at an instant. @since 0.1.0 */
    category_set necessary_at(instant at) const noexcept;
    /** @brief The categories of a member marked confidential at an instant. @since 0.1.0 */
    category_set confidential_at(member_id m, instant at) const noexcept;
    /**
     * @brief The decision for one subject, by the rule above, at an instant.
     * The arguments are not checked (case_file::check() checks them).
     * @since 0.2.0
     */
    decision decide_one(member_id subject, category what, const sfcore::recipient& to, purpose why,
                        instant at) const noexcept;

private:
    /// @cond INTERNAL
    friend class case_file;
    friend struct detail::event_rules;
    disclosure_state();

    // Instants as microseconds since the Unix epoch.
    using micros = std::int64_t;
    static constexpr micros never = std::numeric_limits<micros>::max();
    static micros micros_of(const instant& t) noexcept;
    static micros day_start(const sfcore::date& d);  // 00:00 New Zealand time
    // An answer: (the permitting consent's id << 5) | the rule.
    static constexpr std::uint32_t answer_of(decision_rule r, std::uint32_t consent = 0) noexcept {
        return consent << 5 | static_cast<std::uint32_t>(r);
    }

    // One (subject, recipient row, purpose, category) — a cell — has its
    // answer as a function of time, from the first consent that names all
    // four: a timeline. Changes only ever take effect at or after the latest
    // entry's instant, so the segments before it never change and a change
    // rewrites only the tail. Cells with the same grants share one timeline
    // (a consent naming 3 recipients × 7 categories × 4 purposes makes one,
    // not 84); a timeline is never changed once a cell points to it: a change
    // makes a new one (copy on write), once for all the cells that shared the old.
    struct segment {
        micros from;
        std::uint32_t answer;
    };
    struct grant {  // a consent as it bears on one cell
        std::uint32_t consent;
        micros start, end;  // its period: [start of the first day, start of the day after the last)
        micros withdrawn;   // when it was withdrawn here (never: not withdrawn)
    };
    struct timeline {
        boost::container::small_vector<segment, 3> segments;  // a consent's cell: before, within and after its period
        boost::container::small_vector<grant, 1> live;  // grants that may still change the answer
        std::uint32_t answer_at(micros t) const noexcept;
        void rebuild_from(micros t);
    };
    // One change to many cells: each timeline it was applied to, and the one it made.
    struct derivation {
        std::uint32_t from;  // timeline + 1 (0: a cell no consent named before)
        micros withdrawn;    // the change's parameter (a grant's withdrawal at its start)
        std::uint32_t to;    // timeline + 1
    };
    using derivations = boost::container::small_vector<derivation, 4>;
    // One recipient a consent (or a withdrawal) of a subject names.
    struct row {
        sfcore::recipient who;
        micros first_named = never;          // the first consent covering it
        std::vector<micros> first_category;  // … naming it with each category
        std::uint32_t width = 0;             // categories per purpose in cell_of
        std::vector<std::uint32_t> cell_of;  // [purpose * width + category]: timeline index + 1, 0 for none
    };
    struct history {  // a mask over time: the last element holds from its instant on
        std::vector<std::pair<micros, category_set>> steps;
        category_set at(micros t) const noexcept;
        void set(micros t, category_set mask);
    };
    struct subject_index {
        micros first_consent = never;
        std::vector<std::uint16_t> agency_row;        // by agency id: row + 1
        std::vector<std::uint16_t> practitioner_row;  // by practitioner id: row + 1
        std::vector<row> rows;
        std::vector<timeline> timelines;  // the cells' timelines (see cell_of)
        history confidential;
        std::vector<std::uint32_t> withdrawals;       // its withdrawals, indices into withdrawals_
        const row* row_for(const sfcore::recipient& r) const noexcept;
    };

    // The fold: each entry's rules (src/events/) call these once, in journal order.
    void give(const sharing_consent_given& g, const event& e);
    void withdraw(sharing_withdrawal w);
    void mark(member_id m, category what, bool confidential, micros t);
    void set_issue_areas(const std::vector<issue_area>& areas, micros t);  // what is necessary: the areas' defaults
    void adjust_necessity(category what, bool widen, micros t);

    subject_index& subject_at(member_id m);
    std::size_t row_of(subject_index& s, const sfcore::recipient& r);
    std::vector<std::size_t> rows_covered(subject_index& s, const sfcore::recipient& r);
    template <class Change>
    static std::uint32_t derive(subject_index& s, derivations& done, std::uint32_t from, micros withdrawn, Change&& change);
    void add_grant(subject_index& s, std::size_t row, const sharing_consent_given& g, micros at, derivations& done);
    bool cell_slot_width(row& r, std::size_t n) const;
    micros withdrawn_at_start(const subject_index& s, const row& r, category c, micros at) const noexcept;

    category_registry categories_;
    consent_ages_set ages_;
    std::vector<sharing_consent> consents_;
    std::vector<sharing_withdrawal> withdrawals_;
    std::vector<subject_index> subjects_;  // by member id - 1
    history necessity_;
    /// @endcond
};

} // namespace sfcore
