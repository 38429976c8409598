#include "sfcore/case.hpp"

#include "sfcore/text.hpp"

namespace sfcore {

static_assert(std::variant_size_v<event_payload> == std::size(event_type_table),
              "every event type has exactly one payload alternative, in table order");

referral checked(const referral& r, const agency_directory& directory) {
    referral out;
    out.source = enum_from_int<referral_source>(static_cast<long long>(r.source));
    out.programme = enum_from_int<sfcore::programme>(static_cast<long long>(r.programme));
    if (out.source == referral_source::agency) {
        if (!r.agency) throw error(errc::invalid_argument, "a referral by an agency must name the agency");
        out.agency = directory.at(*r.agency).id;
    } else if (r.agency) {
        throw error(errc::invalid_argument, "a self-referral names no referring agency");
    }
    if (out.source == referral_source::family && !r.practitioner.empty())
        throw error(errc::invalid_argument, "a self-referral names no referring practitioner");
    out.practitioner = checked_utf8(r.practitioner, "practitioner");
    out.received = checked_date(r.received);
    out.family_name = checked_nonblank_utf8(r.family_name, "family name");
    out.reasons.reserve(r.reasons.size());
    for (const auto& reason : r.reasons) out.reasons.push_back(checked_nonblank_utf8(reason, "referral reason"));
    return out;
}

case_file case_file::open(case_id id, const agency_directory& directory, const sfcore::referral& r,
                          std::string_view who, instant when) {
    if (!id) throw error(errc::invalid_argument, "a case id must not be zero");
    event e{checked_instant(when), checked_nonblank_utf8(who, "recorded-by"), referral_received{checked(r, directory)}};
    case_file c;
    c.id_ = id;
    c.apply(e);
    c.journal_.push_back(std::move(e));
    return c;
}

case_file case_file::replay(case_id id, const std::vector<event>& journal) {
    if (!id) throw error(errc::invalid_argument, "a case id must not be zero");
    if (journal.empty() || journal.front().type() != event_type::referral_received)
        throw error(errc::invalid_argument, "a case's journal starts with its referral");
    case_file c;
    c.id_ = id;
    for (const auto& e : journal) {
        c.apply(e);
        c.journal_.push_back(e);
    }
    return c;
}

void case_file::apply(const event& e) {
    std::visit(
        [this](const auto& p) {
            using T = std::decay_t<decltype(p)>;
            if constexpr (std::is_same_v<T, referral_received>) {
                if (!journal_.empty()) throw error(errc::invalid_argument, "a case has exactly one referral");
                referral_ = p.referral;
                state_ = state::referred;
            }
        },
        e.payload);
}

bool operator==(const referral& a, const referral& b) {
    return a.source == b.source && a.agency == b.agency && a.practitioner == b.practitioner &&
           a.received == b.received && a.family_name == b.family_name && a.reasons == b.reasons &&
           a.programme == b.programme;
}

bool operator==(const event& a, const event& b) {
    if (a.when != b.when || a.who != b.who || a.payload.index() != b.payload.index()) return false;
    return std::visit(
        [&b](const auto& pa) {
            using T = std::decay_t<decltype(pa)>;
            const auto& pb = std::get<T>(b.payload);
            if constexpr (std::is_same_v<T, referral_received>) return pa.referral == pb.referral;
        },
        a.payload);
}

bool operator==(const case_file& a, const case_file& b) {
    return a.id_ == b.id_ && a.state_ == b.state_ && a.referral_ == b.referral_ && a.journal_ == b.journal_;
}

} // namespace sfcore
