/**
 * @file disclosure.hpp
 * @brief Consent-gated disclosure: nothing about a person reaches anyone they
 * did not agree to, unless a named law allows it and that is recorded.
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
 *    covers its workers, or a named individual, which covers only them), the
 *    category, the purpose and a period containing the date, and must not
 *    have been withdrawn by then. The refusal names how far the closest
 *    consent got: recipient, category, purpose, period, withdrawn.
 *
 * **Combination.** Information about a person is governed by that person's
 * consent; information about several people needs every one of them: the
 * first subject (in request order) who is refused decides the refusal
 * (deny overrides). No consent means deny.
 *
 * **Time travel.** Every record carries the instant it was made, so a
 * decision can be asked for any past instant and is answered from history.
 */
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sfcore/agency.hpp"
#include "sfcore/audit.hpp"
#include "sfcore/case.hpp"
#include "sfcore/enums.hpp"
#include "sfcore/model.hpp"

namespace sfcore {

/** @brief A set of categories: bit i is category i (callers' categories included, up to 64). @since 0.1.0 */
using category_set = std::uint64_t;
/** @brief A set of purposes: bit i is purpose i. @since 0.1.0 */
using purpose_set = std::uint8_t;

/** @brief The set holding one category. @since 0.1.0 */
constexpr category_set bit(category c) noexcept { return category_set{1} << static_cast<unsigned>(c); }
/** @brief The set holding one purpose. @since 0.1.0 */
constexpr purpose_set bit(purpose p) noexcept { return static_cast<purpose_set>(1u << static_cast<unsigned>(p)); }
/** @brief Every purpose. @since 0.1.0 */
inline constexpr purpose_set all_purposes = static_cast<purpose_set>((1u << std::size(purpose_table)) - 1);

/**
 * @brief The categories an issue area makes necessary to share (identity and
 * contact details are always necessary).
 * @since 0.1.0
 */
category_set default_necessity(issue_area area) noexcept;

/**
 * @brief The information categories in use: the built-in list
 * (sfcore::category_table, ids 0–12, never renumbered) and the ones a
 * caller adds, numbered after them, up to 64 in all.
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

    /** @brief True when @p c is in the registry. @since 0.1.0 */
    bool contains(category c) const noexcept { return static_cast<std::size_t>(c) < names_.size(); }
    /** @brief How many categories there are. @since 0.1.0 */
    std::size_t size() const noexcept { return names_.size(); }
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

/** @brief What a consent covers. @since 0.1.0 */
struct consent_scope {
    std::vector<party> recipients;  ///< Whole agencies or named practitioners (not family members).
    category_set categories = 0;    ///< The kinds of information.
    purpose_set purposes = 0;       ///< The purposes.
    sfcore::date from;              ///< First day covered (New Zealand date).
    sfcore::date until;             ///< Last day covered.
};

/** @brief A written consent to share a person's information. @since 0.1.0 */
struct disclosure_consent {
    std::uint32_t id = 0;          ///< Assigned by the ledger.
    member_id subject;             ///< Whose information.
    member_id given_by;            ///< The subject, or a parent or caregiver for a child.
    consent_scope scope;           ///< What it covers.
    sfcore::date signed_on;        ///< When the form was signed.
    std::string form_version;      ///< The form's version.
    std::string child_views;       ///< A child's own views, when a parent consents for them.
    std::string recorded_by;       ///< Who recorded it.
    instant recorded_at;           ///< When it was recorded: it counts from then.
};

/** @brief A withdrawal: whole (no recipient, no category) or partial. @since 0.1.0 */
struct consent_withdrawal {
    member_id subject;                ///< Whose consent.
    std::optional<party> recipient;   ///< Only this recipient (an agency covers its workers).
    std::optional<category> what;     ///< Only this category.
    std::string recorded_by;          ///< Who recorded it.
    instant at;                       ///< It takes effect at this instant.
};

/** @brief A request to disclose. @since 0.1.0 */
struct disclosure_request {
    party discloser;                 ///< Who would disclose (an agency or practitioner).
    std::vector<member_id> subjects; ///< Whom the information is about.
    category what = category::identity_contact;  ///< What kind of information.
    party recipient;                 ///< Who would receive it.
    sfcore::purpose why = purpose::meeting;       ///< For what.
    instant at;                      ///< When.
};

/**
 * @brief A decision: permit or deny, the rule that decided, and for whom.
 * A refusal is a value. explain() gives the plain-language reason.
 * @since 0.1.0
 */
struct decision {
    bool permit = false;                        ///< Disclosure is allowed.
    decision_rule rule = decision_rule::no_consent;  ///< The rule that decided.
    member_id subject;                          ///< The subject the rule was applied to (the refusing one).
    std::uint32_t consent = 0;                  ///< The consent that permitted it (0 when denied).
    /** @brief True when permitted. @since 0.1.0 */
    explicit operator bool() const noexcept { return permit; }
};

/** @brief Equality of decisions. @since 0.1.0 */
inline bool operator==(const decision& a, const decision& b) noexcept {
    return a.permit == b.permit && a.rule == b.rule && a.subject == b.subject && a.consent == b.consent;
}

/** @brief A record of sharing without consent. @since 0.1.0 */
struct sharing_record {
    std::vector<member_id> subjects;    ///< Whom it is about.
    category what = category::identity_contact;  ///< What kind of information.
    std::string description;            ///< What exactly was shared.
    party discloser;                    ///< Who shared it.
    party recipient;                    ///< To whom.
    instant at;                         ///< When.
    legal_basis basis = legal_basis::ot_s66;  ///< Under which law.
    s66c_purpose s66c = s66c_purpose::none;   ///< For s66C: which of its six purposes.
    std::string requested_by;           ///< For s66: who asked (chief executive, coordinator or constable).
    std::string purpose;                ///< Why, in words.
    std::string approver;               ///< Who approved it (delegated authority).
    std::string necessity;              ///< Why it was necessary and proportionate.
    bool child_consulted = false;       ///< The child (or their representative) was consulted or told.
    bool family_told = false;           ///< The family was told.
    std::string not_told_reason;        ///< If either was not, why.
};

/** @brief The result of recording a sharing or a declined request: recorded, or refused as incomplete. @since 0.1.0 */
struct record_result {
    bool recorded = false;               ///< It was recorded.
    std::vector<std::string> missing;    ///< What the record lacks, when refused.
    /** @brief True when recorded. @since 0.1.0 */
    explicit operator bool() const noexcept { return recorded; }
};

/** @brief A request for information that was declined (Oranga Tamariki Act s66I/s66J). @since 0.1.0 */
struct declined_request {
    party requester;                    ///< Who asked.
    std::vector<member_id> subjects;    ///< About whom.
    category what = category::identity_contact;  ///< What kind of information.
    legal_basis basis = legal_basis::ot_s66;     ///< The basis the request relied on.
    std::vector<std::string> reasons;   ///< The grounds for declining (s66J requires reasons).
    std::string decided_by;             ///< Who declined it.
    instant at;                         ///< When.
};

/** @brief A piece of a family's information held by an agency, for filtered views. @since 0.1.0 */
struct info_item {
    std::vector<member_id> subjects;   ///< Whom it is about.
    category what = category::identity_contact;  ///< What kind of information.
    std::string content;               ///< The information.
};

/** @brief One line of a disclosure notice. @since 0.1.0 */
struct notice_line {
    party recipient;                   ///< Who may receive it.
    std::vector<category> categories;  ///< What they may receive.
};

/** @brief What may be shared about one member, told to the family beforehand. @since 0.1.0 */
struct disclosure_notice {
    member_id member;                  ///< Whom it is about.
    sfcore::purpose why;               ///< For which purpose.
    std::vector<notice_line> lines;    ///< Who may receive what.
    std::vector<category> confidential;  ///< What the family marked confidential.
    std::string text;                  ///< The notice in plain language.
};

/** @brief Settings of the consent rules. @since 0.1.0 */
struct consent_settings {
    int young_person_consent_age = 16;  ///< From this age a young person consents for themselves.
    int adult_age = 18;                 ///< From this age a person is an adult.
};

/**
 * @brief One family's consents, confidential items, necessity and statutory
 * sharing, with the decisions made on them and the audit log.
 *
 * Every change carries its instant and is kept: nothing is deleted, so
 * decisions can be asked for any past instant. Changes must come in time
 * order. A ledger must not be changed from two threads at once; const
 * members may be called from many threads at once.
 * @since 0.1.0
 */
class disclosure_ledger {
public:
    /**
     * @brief A ledger for a case's family.
     * @param c the case (its members: who may consent for whom).
     * @param directory the agencies and practitioners recipients may be.
     * @param settings the consent ages.
     * @param categories the information categories in use.
     * @since 0.1.0
     */
    disclosure_ledger(const case_file& c, const agency_directory& directory, consent_settings settings = {},
                      category_registry categories = {});

    /** @brief Take in members and practitioners added to the case or directory since. @since 0.1.0 */
    void sync(const case_file& c, const agency_directory& directory);

    /**
     * @brief Record a written consent.
     * @return its id.
     * @throws sfcore::error errc::invalid_consent (who may give it, missing
     *         child's views, empty scope, a family member as recipient, a
     *         period that ends before it starts), errc::not_found, errc::invalid_utf8,
     *         errc::out_of_range, errc::invalid_argument (out of time order).
     * @since 0.1.0
     */
    std::uint32_t give(disclosure_consent consent);

    /**
     * @brief Withdraw consent, wholly or in part, from an instant.
     * @throws sfcore::error errc::not_found, errc::invalid_argument (out of time order).
     * @since 0.1.0
     */
    void withdraw(const consent_withdrawal& w);

    /**
     * @brief The family marks (or unmarks) a member's information of a category as confidential.
     * @throws sfcore::error errc::not_found, errc::invalid_argument.
     * @since 0.1.0
     */
    void mark_confidential(member_id subject, category what, bool confidential, std::string_view by, instant at);

    /**
     * @brief Set the issue areas of the family's key issues, from an instant.
     * @throws sfcore::error errc::invalid_argument.
     * @since 0.1.0
     */
    void set_issue_areas(const std::vector<issue_area>& areas, std::string_view by, instant at);

    /**
     * @brief The family widens (true) or narrows (false) what is necessary by one category, from an instant.
     * @throws sfcore::error errc::invalid_argument.
     * @since 0.1.0
     */
    void adjust_necessity(category what, bool widen, std::string_view by, instant at);

    /**
     * @brief Decide a request and record the decision in the audit log.
     * @param r the request.
     * @param actor who asked (the host's user id).
     * @throws sfcore::error errc::invalid_request or errc::not_found for a malformed request.
     * @since 0.1.0
     */
    decision decide(const disclosure_request& r, std::string_view actor);

    /**
     * @brief Decide many requests and record each decision, in order: the same
     * decisions and the same audit log as decide() on each in turn, faster.
     * A large batch uses a second thread that decides and words each request
     * while the calling thread chains the entries into the audit log; the
     * call returns when both are done.
     * @param requests @p count pointers to requests.
     * @param count how many.
     * @param actor who asked (the host's user id).
     * @param[out] out room for @p count decisions.
     * @return @p count.
     * @throws sfcore::error as decide(), for the first request that fails: the
     *         decisions before it are recorded (as by decide() in a loop), none after it.
     * @since 0.1.0
     */
    std::size_t decide_many(const disclosure_request* const* requests, std::size_t count, std::string_view actor,
                            decision* out);

    /**
     * @brief As decide_many(const disclosure_request* const*, std::size_t, std::string_view, decision*).
     * @return the decisions, in request order.
     * @since 0.1.0
     */
    std::vector<decision> decide_many(const std::vector<disclosure_request>& requests, std::string_view actor);

    /**
     * @brief Decide a request without recording it (to preview). decide() is the one to use before disclosing.
     * @throws sfcore::error as decide().
     * @since 0.1.0
     */
    decision check(const disclosure_request& r) const {
        decision d;
        return prepared_answer(r, d) ? d : check_in_full(r);
    }

    /**
     * @brief As check(), for a request about one person, without building a
     * disclosure_request (no allocation when a prepared table answers).
     * @throws sfcore::error as decide().
     * @since 0.1.0
     */
    decision check(const party& discloser, member_id subject, category what, const party& recipient, purpose why,
                   instant at) const {
        decision d;
        return prepared_answer(subject, what, recipient, why, at, d)
                   ? d
                   : check_in_full(disclosure_request{discloser, {subject}, what, recipient, why, at});
    }
    /** @brief The plain-language reason for a decision. @since 0.1.0 */
    std::string explain(const decision& d) const;

    /**
     * @brief Record a sharing without consent. An incomplete record is refused, and nothing is recorded.
     * @throws sfcore::error errc::not_found, errc::invalid_utf8 for bad input.
     * @since 0.1.0
     */
    record_result share_without_consent(const sharing_record& r, std::string_view actor);

    /**
     * @brief Record a declined request, with its reasons. A request without reasons is refused.
     * @throws sfcore::error errc::not_found, errc::invalid_utf8 for bad input.
     * @since 0.1.0
     */
    record_result decline(const declined_request& r, std::string_view actor);

    /**
     * @brief What a recipient may see of a family's information for a purpose at
     * an instant: only the permitted items, in order; nothing says what was
     * left out. The view is recorded in the audit log.
     * @throws sfcore::error as decide().
     * @since 0.1.0
     */
    std::vector<info_item> view(const std::vector<info_item>& items, const party& recipient, purpose why, instant at,
                                std::string_view actor);

    /**
     * @brief The disclosure notice for a member: who may receive which of their
     * information for a purpose at an instant, in plain language.
     * @throws sfcore::error errc::not_found.
     * @since 0.1.0
     */
    disclosure_notice notice(member_id m, purpose why, instant at) const;

    /**
     * @brief Compile the decision table for one New Zealand day, so that
     * check() and decide() answer for instants of that day after the last
     * change from the table, without walking the history (no allocation).
     * The table holds one 4-byte answer for every (member, recipient some
     * consent names, purpose, category), plus one row for recipients no
     * consent names: a request about one person is one lookup.
     * Every change makes the table stale; call prepare() again when the
     * changes are done (compiling costs in proportion to the consents and to
     * the size of the table, so it is never done behind a decision). Instants outside the prepared
     * day, before the last change, or after a change are answered from
     * history, with the same result.
     * @since 0.1.0
     */
    void prepare(const sfcore::date& day);

    /** @brief True when a decision at @p at would be answered from the prepared table. @since 0.1.0 */
    bool prepared_for(instant at) const noexcept { return table_.ready && at >= table_.from && at <= table_.until; }

    /** @brief The information categories in use. @since 0.1.0 */
    const category_registry& categories() const noexcept { return categories_; }

    /** @brief Every consent, in the order given. @since 0.1.0 */
    const std::vector<disclosure_consent>& consents() const noexcept { return consents_; }
    /** @brief Every withdrawal. @since 0.1.0 */
    const std::vector<consent_withdrawal>& withdrawals() const noexcept { return withdrawals_; }
    /** @brief Every sharing without consent. @since 0.1.0 */
    const std::vector<sharing_record>& sharings() const noexcept { return sharings_; }
    /** @brief Every declined request. @since 0.1.0 */
    const std::vector<declined_request>& declined() const noexcept { return declined_; }
    /** @brief The audit log. @since 0.1.0 */
    const audit_log& audit() const noexcept { return audit_; }
    /** @brief The categories necessary at an instant. @since 0.1.0 */
    category_set necessary_at(instant at) const;
    /** @brief The categories of a member marked confidential at an instant. @since 0.1.0 */
    category_set confidential_at(member_id m, instant at) const;

private:
    friend struct detail::archive_access;
    friend class shared_ledger;
    // The audit entry of a decision check() made (decide() is check() and this).
    void record_decision(const disclosure_request& r, const decision& d, std::string_view actor);
    // The canonical audit text of a decision.
    std::string decision_text(const disclosure_request& r, const decision& d) const;
    struct subject_info {
        member_id id;
        std::string name;
        member_role role;
        std::optional<sfcore::date> born;
    };
    struct mark {
        instant at;
        member_id subject;
        category what;
        bool confidential;
    };
    struct necessity_change {
        instant at;
        category_set necessary;
    };

    // The decision table for one day after the last change: for each
    // (subject, recipient slot), the categories that reach each stage of the
    // rule, and the standing consents in id order.
    struct purpose_cell {                       // one (subject, recipient, purpose): 32 bytes
        category_set standing = 0;              // categories of standing consents
        category_set in_period = 0;             // … of consents whose period holds the day
        category_set with_purpose = 0;          // … of consents naming the purpose
        std::uint32_t first = 0, count = 0;     // its standing consents in table.entries
    };
    struct cell {
        bool covered = false;                   // some consent names (or covers) the recipient
        category_set named = 0;                 // … with these categories
        std::array<purpose_cell, std::size(purpose_table)> by_purpose{};
    };
    struct entry {
        std::uint32_t id;
        category_set categories;
    };
    struct compiled_table {
        bool ready = false;
        instant from, until;
        std::size_t slots = 0;
        std::size_t agencies = 0;               // slots below this are agencies, the rest practitioners
        std::size_t subjects = 0;
        std::size_t cats = 0;                   // categories known when prepared
        std::size_t rows = 0;                   // 1 (no consent names the recipient) + the recipients some consent names
        std::size_t subject_stride = 0;         // answers per subject: rows × purposes × cats
        std::vector<std::uint32_t> slot_base;   // per slot: its row's offset in a subject's answers
        // The answer to every (subject, row, purpose, category) of the day:
        // (the permitting consent's id << 5) | the rule.
        std::vector<std::uint32_t> answers;
    };
    // The per-cell stages, while a table is compiled.
    struct staging {
        std::vector<cell> cells;
        std::vector<entry> entries;
        std::vector<category_set> confidential;
        std::vector<std::uint8_t> has_consent;
        category_set necessary = 0;
    };

    const subject_info& subject(member_id m) const;
    std::size_t slot_of(const party& p) const noexcept;
    party party_of_slot(std::size_t slot) const noexcept;
    // The prepared day: a valid request about one person is one lookup. A
    // request that fails any check here takes the full path, which names the error.
    bool prepared_answer(const disclosure_request& r, decision& d) const noexcept {
        return r.subjects.size() == 1 && prepared_answer(r.subjects[0], r.what, r.recipient, r.why, r.at, d);
    }
    bool prepared_answer(member_id subject, category what, const party& recipient, purpose why, const instant& at,
                         decision& d) const noexcept {
        const compiled_table& t = table_;
        // ptime compares raw tick counts, where -infinity is the least and
        // not-a-date-time and +infinity the greatest; until is a real
        // instant, so no special instant falls inside [from, until].
        if (!t.ready || at < t.from || at > t.until) return false;
        const std::size_t s = subject.value() - std::size_t{1};
        const auto c = static_cast<std::size_t>(what), p = static_cast<std::size_t>(why);
        const std::size_t id = recipient.id - std::size_t{1};
        std::size_t slot = t.slots;
        if (recipient.kind == party_kind::agency && id < t.agencies) slot = id;
        else if (recipient.kind == party_kind::practitioner && id < t.slots - t.agencies) slot = t.agencies + id;
        if (s >= t.subjects || c >= t.cats || p >= std::size(purpose_table) || slot >= t.slots) return false;
        d = lookup(subject, slot, what, why);
        return true;
    }
    decision lookup(member_id s, std::size_t slot, category what, purpose why) const noexcept {
        const compiled_table& t = table_;
        const std::uint32_t a = t.answers[(s.value() - std::size_t{1}) * t.subject_stride + t.slot_base[slot] +
                                          static_cast<std::size_t>(why) * t.cats + static_cast<std::size_t>(what)];
        decision d;
        d.rule = static_cast<decision_rule>(a & 31u);
        d.permit = d.rule == decision_rule::consent;
        d.subject = s;
        d.consent = a >> 5;
        return d;
    }
    decision check_in_full(const disclosure_request& r) const;
    static std::uint32_t answer(const staging& g, std::size_t si, const cell& k, std::size_t p, category_set c) noexcept;
    bool known(const party& p) const noexcept;
    bool covers(const party& granted, const party& asked) const;
    void check_request(const disclosure_request& r) const;
    decision decide_one(member_id s, const disclosure_request& r) const;
    void check_order(instant at) const;
    std::string party_name(const party& p) const;

    void check_category(category c) const;

    consent_settings settings_;
    category_registry categories_;
    std::vector<subject_info> subjects_;
    std::vector<agency_id> practitioner_agency_;   // index: practitioner id - 1
    std::vector<std::string> agency_names_;        // index: agency id - 1
    std::vector<std::string> practitioner_names_;  // index: practitioner id - 1
    std::vector<disclosure_consent> consents_;
    std::vector<consent_withdrawal> withdrawals_;
    std::vector<mark> marks_;
    std::vector<necessity_change> necessity_;
    std::vector<sharing_record> sharings_;
    std::vector<declined_request> declined_;
    audit_log audit_;
    instant last_change_;
    compiled_table table_;
};

} // namespace sfcore
