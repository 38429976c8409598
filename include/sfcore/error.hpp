/**
 * @file error.hpp
 * @brief The error model: stable numeric codes in families, and sfcore::error.
 *
 * Every code comes from one table (`sfcore/def/errors.def`), which also feeds
 * the C ABI's `SF_E*` status codes and the Python exception hierarchy.
 * A refusal by a rule (a lifecycle guard, a disclosure rule) is never an
 * error: it is a returned value. Errors are broken contracts, bad input and
 * I/O or format faults.
 */
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace sfcore {

/**
 * @brief Stable error codes. The hundreds digit is the family.
 * @since 0.1.0
 */
enum class errc : int {
    ok = 0, ///< No error.
#define SF_ERROR(sym, num, name, text) name = num,
#include "sfcore/def/errors.def"
#undef SF_ERROR
};

/**
 * @brief Error families: the hundreds digit of an errc.
 * @since 0.1.0
 */
enum class error_family : int {
#define SF_ERROR_FAMILY(hundreds, name, py, pybase, text) name = hundreds,
#include "sfcore/def/families.def"
#undef SF_ERROR_FAMILY
};

/**
 * @brief One row of the error table.
 * @since 0.1.0
 */
struct error_info {
    errc code;              ///< The code.
    const char* c_name;     ///< The C ABI's name, e.g. "SF_EINVAL".
    const char* name;       ///< The C++ name, e.g. "invalid_argument".
    const char* text;       ///< What it means, in plain words.
};

/**
 * @brief One row of the error family table.
 * @since 0.1.0
 */
struct error_family_info {
    error_family family;      ///< The family.
    const char* name;         ///< The C++ name, e.g. "argument".
    const char* python_name;  ///< The Python exception class, e.g. "ArgumentError".
    const char* python_base;  ///< The Python built-in exception it also derives from, e.g. "ValueError".
    const char* text;         ///< What the family covers.
};

/** @brief Every error code, in table order. @since 0.1.0 */
inline constexpr error_info error_table[] = {
#define SF_ERROR(sym, num, name, text) {errc::name, "SF_E" #sym, #name, text},
#include "sfcore/def/errors.def"
#undef SF_ERROR
};

/** @brief Every error family, in table order. @since 0.1.0 */
inline constexpr error_family_info error_family_table[] = {
#define SF_ERROR_FAMILY(hundreds, name, py, pybase, text) {error_family::name, #name, #py, #pybase, text},
#include "sfcore/def/families.def"
#undef SF_ERROR_FAMILY
};

/**
 * @brief The family a code belongs to (its hundreds digit).
 * @param code an error code other than errc::ok.
 * @since 0.1.0
 */
constexpr error_family family_of(errc code) noexcept {
    return static_cast<error_family>(static_cast<int>(code) / 100);
}

/**
 * @brief The table row of a code.
 * @return the row, or nullptr when @p code is not in the table (errc::ok included).
 * @since 0.1.0
 */
constexpr const error_info* find_error(errc code) noexcept {
    for (const auto& row : error_table)
        if (row.code == code) return &row;
    return nullptr;
}

/**
 * @brief The exception every sfcore function throws.
 *
 * `what()` reads `[sfcore.error.NNN] <meaning>: <detail>`, so a log line
 * names the stable code.
 * @since 0.1.0
 */
class error : public std::runtime_error {
public:
    /**
     * @brief Make an error.
     * @param code the stable code.
     * @param detail what exactly was wrong, for a person to read.
     * @since 0.1.0
     */
    error(errc code, const std::string& detail)
        : std::runtime_error(format(code, detail)), code_(code), detail_(detail) {}

    /** @brief The stable code. @since 0.1.0 */
    errc code() const noexcept { return code_; }

    /** @brief What exactly was wrong, without the code and its meaning. @since 0.2.0 */
    const std::string& detail() const noexcept { return detail_; }

    /** @brief The family of the code. @since 0.1.0 */
    error_family family() const noexcept { return family_of(code_); }

private:
    static std::string format(errc code, const std::string& detail) {
        const error_info* row = find_error(code);
        std::string s = "[sfcore.error." + std::to_string(static_cast<int>(code)) + "] ";
        s += row ? row->text : "unknown error";
        if (!detail.empty()) {
            s += ": ";
            s += detail;
        }
        return s;
    }

    errc code_;
    std::string detail_;
};

} // namespace sfcore
