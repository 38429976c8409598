/**
 * @file
 * @brief The analysts' tables: cases, members, events, meetings, actions,
 * decisions, sharings, declined requests and views, as typed columns made a
 * case at a time; de-identified unless asked otherwise.
 *
 * A de-identified table has no names (the family's, a member's; a member who
 * owns an action is "member N"), no dates of birth or exact ages (an age band
 * instead), none of the family's own words (action descriptions, meeting
 * venues, a sharing's description, purpose, necessity and reason for not
 * telling, a declined request's reasons), and each case's id replaced by a
 * stable pseudonym (case_pseudonym()). An identified table is asked for by
 * someone for a purpose, and each case it reads records an identified_extract
 * entry first: case_file::record_identified_extract(), or make_table() over a
 * store, which does so.
 */
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sfcore/calendar.hpp"
#include "sfcore/case.hpp"

namespace sfcore {

/** @brief What a column of an analysts' table holds. @since 0.3.0 */
enum class column_kind : std::uint8_t {
    integer,  ///< A whole number.
    boolean,  ///< 0 or 1.
    text,     ///< UTF-8 text (in table_column::texts).
    day,      ///< A date, as days since 1970-01-01.
    moment,   ///< An instant, as seconds since 1970-01-01T00:00:00Z.
};

/** @brief One column of an analysts' table: a value per row. @since 0.3.0 */
struct table_column {
    std::string name;                          ///< Its name ("case_id", "state"…).
    column_kind kind = column_kind::integer;   ///< What it holds.
    bool personal = false;                     ///< Names, dates of birth, the family's words: only in an identified table.
    std::vector<std::int64_t> values;          ///< A number per row (every kind but text; 0 where missing).
    std::vector<std::string> texts;            ///< A text per row (kind text; empty where missing).
    std::vector<std::uint8_t> missing;         ///< 1 where the row has no value.
    bool any_missing = false;                  ///< Whether any row has no value.
    /** @brief Field-by-field equality. @since 0.3.0 */
    friend bool operator==(const table_column&, const table_column&) = default;
};

/** @brief An analysts' table: its name and its columns. @since 0.3.0 */
struct analysis_table {
    std::string name;                   ///< One of analysis_table_names().
    std::vector<table_column> columns;  ///< In order; a de-identified table has no personal column.

    /** @brief The number of rows. @since 0.3.0 */
    std::size_t rows() const noexcept { return columns.empty() ? 0 : columns.front().missing.size(); }

    /**
     * @brief The table as CSV (RFC 4180): a header line of the column names,
     * then a line per row, each ending CRLF. Days are YYYY-MM-DD, moments
     * YYYY-MM-DDTHH:MM:SSZ, booleans true or false, a missing value is an
     * empty field, and a text with a comma, a quote or a line break is quoted.
     * @since 0.3.0
     */
    std::string csv() const;
    /** @brief Field-by-field equality. @since 0.3.0 */
    friend bool operator==(const analysis_table&, const analysis_table&) = default;
};

/** @brief How a table is made. @since 0.3.0 */
struct table_options {
    const holiday_calendar* calendar = nullptr;  ///< Working days are counted in it (nullptr: the national calendar).
    std::optional<sfcore::timeframes> timeframes;  ///< The timeframes to judge by (none: each case's own).
    std::optional<std::string> identified_by;    ///< Who asks for an identified table (none: the table is de-identified).
    std::optional<std::string> purpose;          ///< Why they ask (with identified_by, and only then).
    std::vector<std::uint8_t> pseudonym_key;     ///< A de-identified table's pseudonym key, at least 16 bytes (empty: process_pseudonym_key()).
};

/** @brief The tables' names, in order: cases, members, events, meetings, actions, decisions, sharings, declined, views. @since 0.3.0 */
const std::vector<std::string>& analysis_table_names();

/**
 * @brief The pseudonym a de-identified table gives a case: 48 bits of
 * HMAC-SHA-256 of its id under @p key.
 * @since 0.3.0
 */
std::int64_t case_pseudonym(case_id id, const std::vector<std::uint8_t>& key);

/**
 * @brief The pseudonym key of a table made with none: 32 random bytes made
 * once per process, so one process's tables agree on their pseudonyms.
 * @since 0.3.0
 */
const std::vector<std::uint8_t>& process_pseudonym_key();

/** @brief An age as the band a table gives instead of a date of birth ("0-4", "5-9", …, "65+"). @since 0.3.0 */
std::optional<std::string> age_band(std::optional<int> age);

/**
 * @brief Makes one analysts' table a case at a time.
 *
 * add() reads the cases it is given and records nothing; for an identified
 * table, extract() records each case's identified_extract entry first (or
 * use make_table() over a store).
 * @since 0.3.0
 */
class table_builder {
public:
    /**
     * @brief A builder of the table @p name.
     * @throws sfcore::error errc::invalid_argument for an unknown table; a
     *         purpose without identified_by, or identified_by without a
     *         purpose, or either blank or not UTF-8; a pseudonym key shorter
     *         than 16 bytes, or one given with identified_by.
     * @since 0.3.0
     */
    table_builder(std::string_view name, const agency_directory& directory, table_options options = {});
    /** @brief Releases the rows. @since 0.3.0 */
    ~table_builder();
    /** @brief Moves a builder. @since 0.3.0 */
    table_builder(table_builder&&) noexcept;
    /** @brief Moves a builder. @since 0.3.0 */
    table_builder& operator=(table_builder&&) noexcept;

    /** @brief Add a case's rows. @since 0.3.0 */
    void add(const case_file& c);
    /**
     * @brief Add a case's rows after recording in it, for an identified
     * table, the identified_extract entry the table needs (who and why from
     * the options); a de-identified table records nothing.
     * @throws sfcore::error as case_file::record_identified_extract(); the
     *         rows are not added then.
     * @since 0.3.0
     */
    void extract(case_file& c);
    /** @brief The table so far (a de-identified table without its personal columns). @since 0.3.0 */
    analysis_table table() const;
    /**
     * @brief The table, moved out rather than copied: the builder is spent
     * (only destroying it or assigning to it is allowed after).
     * @since 0.3.0
     */
    analysis_table take();
    /** @brief Whether the table is identified (options.identified_by given). @since 0.3.0 */
    bool identified() const noexcept;
    /** @brief Its options, as checked. @since 0.3.0 */
    const table_options& options() const noexcept;

private:
    struct rows;
    std::unique_ptr<rows> rows_;
    table_options options_;
};

} // namespace sfcore
