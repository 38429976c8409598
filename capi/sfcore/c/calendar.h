/**
 * @file sfcore/c/calendar.h
 * @brief New Zealand working days: a calendar of the national public holidays
 * (with the Matariki dates of Te Kāhui o Matariki Public Holiday Act 2022 for
 * 2022–2052), which a host extends with later Matariki dates and regional days.
 * Functions that count working days take a calendar, or NULL for the national one.
 */
#ifndef SFCORE_C_CALENDAR_H
#define SFCORE_C_CALENDAR_H

#include "sfcore/c/base.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief A new calendar of New Zealand's national public holidays.
 * @param[out] out receives the calendar; the caller frees it with sf_calendar_free().
 * @return #SF_OK; #SF_ENULLARG; #SF_ENOMEM.
 * @since 0.2.0
 */
SF_API int sf_calendar_new(sf_calendar **out);

/** @brief Free a calendar. NULL is allowed and does nothing. @since 0.2.0 */
SF_API void sf_calendar_free(sf_calendar *cal);

/**
 * @brief Set the Matariki holiday of a year: a year after the Act's schedule
 * (2052), whose dates are otherwise refused, or a correction to one in it.
 * @param cal the calendar.
 * @param year the year.
 * @param day the holiday, YYYYMMDD: a Friday in that year.
 * @return #SF_OK; #SF_ENULLARG; #SF_EINVAL (not a Friday, or not in that year); #SF_ERANGE.
 * @since 0.2.0
 */
SF_API int sf_calendar_set_matariki(sf_calendar *cal, int year, int32_t day);

/**
 * @brief Add a holiday of the host's own (a regional anniversary day, say).
 * @param cal the calendar.
 * @param day the day, YYYYMMDD.
 * @param name its name: UTF-8, not blank.
 * @return #SF_OK; #SF_ENULLARG; #SF_EUTF8; #SF_EINVAL; #SF_ERANGE.
 * @since 0.2.0
 */
SF_API int sf_calendar_add(sf_calendar *cal, int32_t day, const char *name);

/**
 * @brief Is a day an observed public holiday?
 * @param[out] out receives 1 or 0.
 * @param cal the calendar, or NULL for the national one.
 * @param day YYYYMMDD.
 * @return #SF_OK; #SF_ENULLARG; #SF_ERANGE (a date outside 1900–2199, or a year after 2052 whose Matariki is not set).
 * @since 0.2.0
 */
SF_API int sf_calendar_is_holiday(int *out, const sf_calendar *cal, int32_t day);

/**
 * @brief Is a day a working day (Monday to Friday, not a public holiday)?
 * @param[out] out receives 1 or 0.
 * @param cal the calendar, or NULL for the national one.
 * @param day YYYYMMDD.
 * @return as sf_calendar_is_holiday().
 * @since 0.2.0
 */
SF_API int sf_calendar_is_working_day(int *out, const sf_calendar *cal, int32_t day);

/**
 * @brief The working day @p n working days after @p from (@p from itself not counted).
 * @param[out] out receives the day, YYYYMMDD.
 * @param cal the calendar, or NULL for the national one.
 * @param from YYYYMMDD.
 * @param n working days, 0 or more.
 * @return #SF_OK; #SF_ENULLARG; #SF_EINVAL (n < 0); #SF_ERANGE.
 * @since 0.2.0
 */
SF_API int sf_calendar_add_working_days(int32_t *out, const sf_calendar *cal, int32_t from, int n);

/**
 * @brief The working days after @p from up to and including @p to (0 when to ≤ from).
 * @param[out] out receives the count.
 * @param cal the calendar, or NULL for the national one.
 * @param from YYYYMMDD.
 * @param to YYYYMMDD.
 * @return #SF_OK; #SF_ENULLARG; #SF_ERANGE.
 * @since 0.2.0
 */
SF_API int sf_calendar_working_days_between(int *out, const sf_calendar *cal, int32_t from, int32_t to);

/**
 * @brief sf_calendar_is_working_day() by a definition of working day.
 * @param[out] out receives 1 or 0.
 * @param cal the calendar, or NULL for the national one.
 * @param rule an #sf_working_day_rule.
 * @param day YYYYMMDD.
 * @return #SF_OK; #SF_ENULLARG; #SF_EINVAL (unknown rule); #SF_ERANGE.
 * @since 0.2.0
 */
SF_API int sf_calendar_is_working_day_by(int *out, const sf_calendar *cal, int rule, int32_t day);

/**
 * @brief sf_calendar_add_working_days() by a definition of working day.
 * @param[out] out receives the day, YYYYMMDD.
 * @param cal the calendar, or NULL for the national one.
 * @param rule an #sf_working_day_rule.
 * @param from YYYYMMDD.
 * @param n working days, 0 or more.
 * @return #SF_OK; #SF_ENULLARG; #SF_EINVAL (n < 0, unknown rule); #SF_ERANGE.
 * @since 0.2.0
 */
SF_API int sf_calendar_add_working_days_by(int32_t *out, const sf_calendar *cal, int rule, int32_t from, int n);

/**
 * @brief sf_calendar_working_days_between() by a definition of working day.
 * @param[out] out receives the count.
 * @param cal the calendar, or NULL for the national one.
 * @param rule an #sf_working_day_rule.
 * @param from YYYYMMDD.
 * @param to YYYYMMDD.
 * @return #SF_OK; #SF_ENULLARG; #SF_EINVAL (unknown rule); #SF_ERANGE.
 * @since 0.2.0
 */
SF_API int sf_calendar_working_days_between_by(int *out, const sf_calendar *cal, int rule, int32_t from, int32_t to);

/**
 * @brief The law a definition of working day comes from.
 * @param[out] out receives a static string.
 * @param rule an #sf_working_day_rule.
 * @return #SF_OK; #SF_ENULLARG; #SF_EINVAL (unknown rule).
 * @since 0.2.0
 */
SF_API int sf_working_day_rule_source(const char **out, int rule);

/**
 * @brief The last day to answer a Privacy Act request for access or
 * correction received on a day: 20 working days after it, by
 * the Privacy Act's working days (#sf_working_day_rule; Privacy Act 2020, ss 40–48).
 * @param[out] out receives the day, YYYYMMDD.
 * @param cal the calendar, or NULL for the national one.
 * @param received YYYYMMDD.
 * @return #SF_OK; #SF_ENULLARG; #SF_ERANGE.
 * @since 0.2.0
 */
SF_API int sf_privacy_response_due(int32_t *out, const sf_calendar *cal, int32_t received);

/**
 * @brief The name of the holiday observed on a day ("Matariki", "ANZAC Day (observed)"…).
 * @param[out] out receives the name; the caller frees it with sf_free().
 * @param cal the calendar, or NULL for the national one.
 * @param day YYYYMMDD.
 * @return #SF_OK; #SF_ENULLARG; #SF_ENOTFOUND (not a holiday); #SF_ERANGE.
 * @since 0.2.0
 */
SF_API int sf_calendar_holiday_name(char **out, const sf_calendar *cal, int32_t day);

#ifdef __cplusplus
}
#endif

#endif /* SFCORE_C_CALENDAR_H */
