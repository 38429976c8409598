/**
 * @file calendar.hpp
 * @brief New Zealand working days: weekends and national public holidays.
 *
 * The holiday rules live here and nowhere else (Holidays Act 2003 with its
 * 2013 Mondayisation amendment, Te Kāhui o Matariki Public Holiday Act 2022
 * and the Queen Elizabeth II Memorial Day Act 2022):
 * - New Year's Day and 2 January; Christmas Day and Boxing Day: a day that
 *   falls on a weekend is observed on the next weekday that is not already a
 *   holiday (so 25 December on a Saturday is observed on Monday 27th, and
 *   Boxing Day then on Tuesday 28th).
 * - Waitangi Day (6 February) and ANZAC Day (25 April): observed on the next
 *   Monday when they fall on a weekend, from 2014; before 2014 on the day.
 * - Good Friday and Easter Monday (Gregorian Easter).
 * - The Sovereign's Birthday: the first Monday of June.
 * - Matariki: the Friday the Act's schedule sets for each year from 2022 to
 *   2052; for a later year the host sets it with holiday_calendar::set_matariki()
 *   (until then, a date in that year is refused with errc::out_of_range).
 * - Queen Elizabeth II Memorial Day: Monday 26 September 2022 only.
 * - Labour Day: the fourth Monday of October.
 * Earlier years follow the same rules (the Holidays Act's rules date from 2004).
 * Regional anniversary days are not national holidays and are not included;
 * add them with holiday_calendar::add() where a case's region needs them.
 *
 * Which days count as working days depends on the law that sets a time
 * limit: working_day_rule names each definition and the law it is from
 * (`sfcore/def/working_days.def`). The practice timeframes count
 * working_day_rule::public_holidays; the Privacy Act's requests count
 * working_day_rule::privacy_act, which also skips every day from 25 December
 * to 15 January and does not skip the host's own regional days.
 */
#pragma once

#include <map>
#include <string>
#include <vector>

#include "sfcore/enums.hpp"
#include "sfcore/time.hpp"

namespace sfcore {

/** @brief One public holiday as observed. @since 0.1.0 */
struct holiday {
    sfcore::date date;  ///< The day it is observed.
    std::string name;   ///< Its name, e.g. "Waitangi Day (observed)".
};

/**
 * @brief New Zealand's national public holidays and working-day arithmetic.
 *
 * Const members may be called from many threads at once; set_matariki() and
 * add() must not run while another thread uses the calendar.
 * @since 0.1.0
 */
class holiday_calendar {
public:
    /** @brief First year of the built-in Matariki dates. @since 0.1.0 */
    static constexpr int matariki_first_year = 2022;
    /** @brief Last year of the built-in Matariki dates. @since 0.1.0 */
    static constexpr int matariki_last_year = 2052;

    /** @brief A calendar with the national holidays. @since 0.1.0 */
    holiday_calendar() = default;

    /**
     * @brief The holidays observed in a year, in date order.
     * @throws sfcore::error errc::out_of_range for a year outside
     *         1900..2199, or after the known Matariki dates without one set.
     * @since 0.1.0
     */
    std::vector<holiday> holidays(int year) const;

    /**
     * @brief True when @p d is an observed public holiday.
     * @throws sfcore::error as holidays().
     * @since 0.1.0
     */
    bool is_holiday(const sfcore::date& d) const;

    /**
     * @brief True for Monday to Friday when it is not a public holiday.
     * @throws sfcore::error as holidays().
     * @since 0.1.0
     */
    bool is_working_day(const sfcore::date& d) const;

    /**
     * @brief The working day @p n working days after @p from (n ≥ 0; @p from itself is not counted).
     * @throws sfcore::error errc::invalid_argument for n < 0; as holidays().
     * @since 0.1.0
     */
    sfcore::date add_working_days(const sfcore::date& from, int n) const;

    /**
     * @brief Working days after @p from up to and including @p to (0 when to ≤ from).
     * @throws sfcore::error as holidays().
     * @since 0.1.0
     */
    int working_days_between(const sfcore::date& from, const sfcore::date& to) const;

    /**
     * @brief True when @p d is a working day by @p rule.
     * @throws sfcore::error errc::invalid_argument for a rule outside working_day_rule; as holidays().
     * @since 0.2.0
     */
    bool is_working_day(const sfcore::date& d, working_day_rule rule) const;

    /**
     * @brief The day @p n working days by @p rule after @p from (n ≥ 0; @p from itself is not counted).
     * @throws sfcore::error errc::invalid_argument for n < 0 or an unknown rule; as holidays().
     * @since 0.2.0
     */
    sfcore::date add_working_days(const sfcore::date& from, int n, working_day_rule rule) const;

    /**
     * @brief Working days by @p rule after @p from up to and including @p to (0 when to ≤ from).
     * @throws sfcore::error errc::invalid_argument for an unknown rule; as holidays().
     * @since 0.2.0
     */
    int working_days_between(const sfcore::date& from, const sfcore::date& to, working_day_rule rule) const;

    /**
     * @brief Set the Matariki holiday of a year (for years after the Act's schedule, or to correct one).
     * @throws sfcore::error errc::invalid_argument when @p d is not in @p year or not a Friday.
     * @since 0.1.0
     */
    void set_matariki(int year, const sfcore::date& d);

    /**
     * @brief Add a holiday of the caller's (a regional anniversary day, say).
     * @throws sfcore::error errc::out_of_range (date), errc::invalid_utf8, errc::invalid_argument (blank name).
     * @since 0.1.0
     */
    void add(const sfcore::date& d, const std::string& name);

private:
    std::vector<holiday> compute(int year) const;
    bool is_national_holiday(const sfcore::date& day) const;

    std::map<int, sfcore::date> matariki_;
    std::map<sfcore::date, std::string> extra_;
};

/**
 * @brief The law a definition of working day comes from, as text.
 * @throws sfcore::error errc::invalid_argument for a rule outside working_day_rule.
 * @since 0.2.0
 */
const char* source_of(working_day_rule rule);

/**
 * @brief The working days an agency has to answer a request for access to
 * (IPP 6) or correction of (IPP 7) personal information: Privacy Act 2020,
 * Part 4 (ss 40–48), "as soon as is reasonably practicable, and in any case
 * not later than 20 working days" after the day the request is received.
 * @since 0.2.0
 */
inline constexpr int privacy_response_working_days = 20;

/**
 * @brief The last day to answer a Privacy Act request received on @p received:
 * privacy_response_working_days working days after it, by working_day_rule::privacy_act
 * (an extension under s 48 is the host's to record).
 * @throws sfcore::error as holiday_calendar::add_working_days().
 * @since 0.2.0
 */
sfcore::date privacy_response_due(const sfcore::date& received, const holiday_calendar& calendar);

/**
 * @brief Gregorian Easter Sunday of a year.
 * @since 0.1.0
 */
sfcore::date easter_sunday(int year);

} // namespace sfcore
