/**
 * @file sfcore.hpp
 * @brief The whole sfcore C++ API.
 *
 * sfcore models New Zealand's Strengthening Families process — referral,
 * written consent to take part, family-directed preparation, the interagency meeting, the
 * action plan, reviews and closure — as a state machine over a journal of
 * events, and decides every sharing of a family's information with
 * consent-gated disclosure rules.
 */
#pragma once

#include "sfcore/agency.hpp"
#include "sfcore/analysis.hpp"
#include "sfcore/archive.hpp"
#include "sfcore/calendar.hpp"
#include "sfcore/case.hpp"
#include "sfcore/disclosure.hpp"
#include "sfcore/enums.hpp"
#include "sfcore/events.hpp"
#include "sfcore/fhir.hpp"
#include "sfcore/error.hpp"
#include "sfcore/identifiers.hpp"
#include "sfcore/ids.hpp"
#include "sfcore/journal.hpp"
#include "sfcore/json.hpp"
#include "sfcore/lifecycle.hpp"
#include "sfcore/model.hpp"
#include "sfcore/referral.hpp"
#include "sfcore/report.hpp"
#include "sfcore/shared.hpp"
#include "sfcore/store.hpp"
#include "sfcore/text.hpp"
#include "sfcore/time.hpp"
#include "sfcore/timeliness.hpp"
#include "sfcore/version.hpp"
