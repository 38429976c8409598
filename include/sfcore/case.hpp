/**
 * @file case.hpp
 * @brief A case: one family's journey through a programme, kept as a journal of events.
 */
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "sfcore/agency.hpp"
#include "sfcore/enums.hpp"
#include "sfcore/ids.hpp"
#include "sfcore/referral.hpp"
#include "sfcore/time.hpp"

namespace sfcore {

/** @brief Payload of event_type::referral_received. @since 0.1.0 */
struct referral_received {
    sfcore::referral referral;  ///< The referral, as checked.
};

/** @brief What an event carries; the alternative matches its event_type. @since 0.1.0 */
using event_payload = std::variant<referral_received>;

/**
 * @brief One entry of a case's journal: what happened, when, and who recorded it.
 * @since 0.1.0
 */
struct event {
    instant when;           ///< When it was recorded (UTC).
    std::string who;        ///< Who recorded it: the host system's user id (UTF-8).
    event_payload payload;  ///< What happened.

    /** @brief The type of the event, from its payload. */
    event_type type() const noexcept { return static_cast<event_type>(payload.index()); }
};

/**
 * @brief A case: a journal of events and the state that is their fold.
 *
 * A case is created from a referral; every later change is an event
 * appended to its journal. Replaying the journal reproduces the case exactly.
 * A case_file is a value: copy it freely; one object must not be changed
 * from two threads at once.
 * @since 0.1.0
 */
class case_file {
public:
    /**
     * @brief Open a case from a referral.
     * @param id the case's id (not zero).
     * @param directory the agencies the referral may name.
     * @param r the referral.
     * @param who who recorded it (UTF-8, not blank).
     * @param when when it was recorded.
     * @throws sfcore::error as checked(const referral&, const agency_directory&),
     *         and errc::invalid_argument for a zero id.
     */
    static case_file open(case_id id, const agency_directory& directory, const referral& r, std::string_view who,
                          instant when);

    /**
     * @brief Rebuild a case from its journal.
     * @throws sfcore::error errc::invalid_argument when the journal does not
     *         start with a referral or holds an event its state refuses.
     */
    static case_file replay(case_id id, const std::vector<event>& journal);

    /** @brief The case's id. */
    case_id id() const noexcept { return id_; }
    /** @brief Where the case is in its lifecycle. */
    sfcore::state state() const noexcept { return state_; }
    /** @brief The programme the case belongs to. */
    sfcore::programme programme() const noexcept { return referral_.programme; }
    /** @brief The referral that opened the case. */
    const sfcore::referral& referral() const noexcept { return referral_; }
    /** @brief Every event, oldest first. */
    const std::vector<event>& journal() const noexcept { return journal_; }

    /** @brief Same journal and same state. */
    friend bool operator==(const case_file& a, const case_file& b);

private:
    case_file() = default;
    void apply(const event& e);

    case_id id_;
    sfcore::state state_ = state::referred;
    sfcore::referral referral_;
    std::vector<event> journal_;
};

/** @brief Field-by-field equality of referrals. @since 0.1.0 */
bool operator==(const referral& a, const referral& b);
/** @brief Field-by-field equality of events. @since 0.1.0 */
bool operator==(const event& a, const event& b);

} // namespace sfcore
