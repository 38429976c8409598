/**
 * @file version.hpp
 * @brief The library version, from the one project version in CMakeLists.txt.
 */
#pragma once

#include "sfcore/version.h"

namespace sfcore {

/** @brief Major version: changes when the API or ABI breaks. @since 0.1.0 */
inline constexpr int version_major = SF_VERSION_MAJOR;
/** @brief Minor version: new features, nothing broken. @since 0.1.0 */
inline constexpr int version_minor = SF_VERSION_MINOR;
/** @brief Patch version: fixes only. @since 0.1.0 */
inline constexpr int version_patch = SF_VERSION_PATCH;
/** @brief major * 10000 + minor * 100 + patch. @since 0.1.0 */
inline constexpr int version_number = SF_VERSION_NUMBER;
/** @brief "major.minor.patch". @since 0.1.0 */
inline constexpr const char* version_string = SF_VERSION_STRING;

} // namespace sfcore
