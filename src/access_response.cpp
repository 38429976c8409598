// The answer to a person's access request (Privacy Act 2020, IPP 6), from
// every case they are a member of: what is held about them and nothing
// about anyone else (store.hpp, case_store::access_response()).
#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <sstream>

#include "access_response.hpp"
#include "nz_text.hpp"

#include "sfcore/report.hpp"

namespace sfcore::detail {

namespace {

const char* const s53 = "Privacy Act 2020 s 53: it is also about another individual, whose affairs are not disclosed";
const char* const s49 = "Privacy Act 2020 s 49: disclosing it could put an individual at risk";

// One case's part of the answer, about member m.
class case_part {
public:
    case_part(const case_file& c, member_id m, const agency_directory& d, access_response& out)
        : c_(c), m_(m), d_(d), out_(out), others_(names_of_others()) {}

    void build() {
        for (const auto& v : c_.member_history(m_)) {
            std::string text = v.member.name + ", " + label(v.member.role);
            if (v.member.born) text += ", born " + to_iso(*v.member.born);
            if (!v.reason.empty()) text += own(v.seq, " (changed: " + v.reason + ")");
            item(v.seq, v.when, "details", text);
        }
        for (const auto& s : c_.correction_statements(m_))
            item(s.seq, at(s.seq), "statement of correction",
                 "your " + s.declined.detail + " was not corrected" + own(s.seq, " (" + s.declined.reason + ")") +
                     own(s.seq, "; your statement: " + s.declined.statement));
        for (const event& e : c_.journal()) entry(e);
        for (const auto& r : c_.access_requests())
            if (r.request.member == m_) {
                std::string text = "received " + to_iso(r.request.received);
                if (r.extended_to) text += ", extended to " + to_iso(*r.extended_to) + own(r.seq, " (" + r.extension_reason + ")");
                text += r.answered_on ? ", answered " + to_iso(*r.answered_on) : ", not yet answered";
                item(r.seq, at(r.seq), "access request", text);
            }
    }

private:
    instant at(std::uint64_t seq) const { return c_.journal()[seq - 1].when; }
    std::string cat(category what) const { return c_.disclosure().categories().label(what); }
    std::string to(const recipient& r) const { return recipient_name(r, d_); }
    bool others(const std::vector<member_id>& subjects) const {
        return std::any_of(subjects.begin(), subjects.end(), [this](member_id s) { return s != m_; });
    }
    bool about(const std::vector<member_id>& subjects) const {
        return std::find(subjects.begin(), subjects.end(), m_) != subjects.end();
    }
    void item(std::uint64_t seq, instant when, const char* heading, std::string text) {
        out_.items.push_back({c_.id(), seq, when, heading, std::move(text)});
    }
    // An entry's withholding on a ground, once however often the entry's parts are withheld.
    void withhold(std::uint64_t seq, const char* ground) {
        if (withheld_.insert({seq, ground}).second) out_.withheld.push_back({c_.id(), seq, ground});
    }

    // The words of every other member's names, past and present, that are not
    // also words of the person's own (a family shares a surname), lowercased.
    std::vector<std::string> names_of_others() const {
        std::vector<std::string> mine, out;
        for (const auto& v : c_.member_history(m_)) words(v.member.name, mine);
        for (const auto& other : c_.members())
            if (other.id != m_)
                for (const auto& v : c_.member_history(other.id)) words(v.member.name, out);
        out.erase(std::remove_if(out.begin(), out.end(),
                                 [&](const std::string& w) { return std::find(mine.begin(), mine.end(), w) != mine.end(); }),
                  out.end());
        return out;
    }
    static bool word_byte(char ch) {
        const auto u = static_cast<unsigned char>(ch);
        return u >= 0x80 || std::isalnum(u) != 0;
    }
    static void words(const std::string& name, std::vector<std::string>& out) {
        const std::string s = ascii_lower(name);
        for (std::size_t i = 0; i < s.size();) {
            std::size_t j = i;
            while (j < s.size() && word_byte(s[j])) ++j;
            if (j - i >= 2) out.push_back(s.substr(i, j - i));
            i = j == i ? i + 1 : j;
        }
    }
    // Free text written into the person's records, unless it names another member
    // of the case: then it is withheld (s 53) and the entry's withholding recorded.
    std::string own(std::uint64_t seq, std::string text) {
        if (!names_another(text)) return text;
        withhold(seq, s53);
        return {};
    }
    bool names_another(const std::string& text) const {
        const std::string s = ascii_lower(text);
        for (const auto& w : others_)
            for (auto at = s.find(w); at != std::string::npos; at = s.find(w, at + 1))
                if ((at == 0 || !word_byte(s[at - 1])) && (at + w.size() == s.size() || !word_byte(s[at + w.size()]))) return true;
        return false;
    }

    void entry(const event& e) {
        std::visit(
            [&](const auto& p) {
                using T = std::decay_t<decltype(p)>;
                if constexpr (std::is_same_v<T, consent_recorded>) {
                    if (p.member != m_) return;
                    std::string text = "signed " + to_iso(p.signed_on) + " (form " + p.form_version + ")";
                    if (p.given_by && *p.given_by != m_) text += ", given for you by a family member";
                    if (!p.child_views.empty()) text += own(e.seq, "; your views: " + p.child_views);
                    item(e.seq, e.when, "consent to take part", text);
                } else if constexpr (std::is_same_v<T, consent_withdrawn>) {
                    if (p.member == m_)
                        item(e.seq, e.when, "consent to take part", "withdrawn" + (p.note.empty() ? "" : own(e.seq, ": " + p.note)));
                } else if constexpr (std::is_same_v<T, sharing_consent_given>) {
                    if (p.subject != m_) return;
                    std::vector<std::string> whom, what, why;
                    for (const auto& r : p.scope.recipients) whom.push_back(to(r));
                    for (std::size_t i = 0; i < c_.disclosure().categories().size(); ++i)
                        if (p.scope.categories & bit(static_cast<category>(i))) what.push_back(cat(static_cast<category>(i)));
                    for (const auto& row : purpose_table)
                        if (p.scope.purposes & bit(row.value)) why.push_back(label(row.value));
                    std::string text = "consent " + std::to_string(p.id) + ": " + join(what) + " with " + join(whom) + ", for " +
                                       join(why) + ", " + to_iso(p.scope.from) + " to " + to_iso(p.scope.until) + ", signed " +
                                       to_iso(p.signed_on);
                    if (p.given_by != m_) text += ", given for you by a family member";
                    if (!p.child_views.empty()) text += own(e.seq, "; your views: " + p.child_views);
                    item(e.seq, e.when, "consent to share", text);
                } else if constexpr (std::is_same_v<T, sharing_consent_withdrawn>) {
                    if (p.subject != m_) return;
                    std::string text = "withdrawn";
                    if (p.recipient) text += " for " + to(*p.recipient);
                    if (p.what) text += " for " + cat(*p.what);
                    if (!p.note.empty()) text += own(e.seq, ": " + p.note);
                    item(e.seq, e.when, "consent to share", text);
                } else if constexpr (std::is_same_v<T, meeting_held>) {
                    if (std::find(p.attendance.begin(), p.attendance.end(), party::of(m_)) == p.attendance.end()) return;
                    const meeting& held = c_.meetings()[p.meeting.value() - 1];
                    item(e.seq, e.when, "meeting", std::string("you attended the ") + label(held.kind) + " meeting of " +
                                                       to_iso(nz_date(held.start)));
                } else if constexpr (std::is_same_v<T, plan_agreed> || std::is_same_v<T, plan_revised>) {
                    plan_entry(e, p.plan, std::is_same_v<T, plan_agreed> ? "plan agreed" : "plan revised");
                } else if constexpr (std::is_same_v<T, action_updated>) {
                    const auto owner = owners_.find(p.action.value());
                    if (owner == owners_.end() || owner->second != party::of(m_)) return;
                    item(e.seq, e.when, "your action",
                         "action " + std::to_string(p.action.value()) + " now " + label(p.status) +
                             (p.note.empty() ? "" : own(e.seq, ": " + p.note)));
                } else if constexpr (std::is_same_v<T, notice_given>) {
                    if (p.member == m_) item(e.seq, e.when, "notice", std::string("you were given the notice of sharing for ") + label(p.why));
                } else if constexpr (std::is_same_v<T, confidential_marked>) {
                    if (p.subject == m_)
                        item(e.seq, e.when, "confidential", cat(p.what) + (p.confidential ? " marked confidential" : ": the mark lifted"));
                } else if constexpr (std::is_same_v<T, disclosure_decided>) {
                    if (!about(p.subjects)) return;
                    const std::string text = cat(p.what) + " about you, asked for by " + to(p.discloser) + " for " + to(p.recipient) +
                                             " (" + label(p.why) + "): " +
                                             (p.permit ? "shared on consent " + std::to_string(p.consent) : "refused (" + std::string(label(p.rule)) + ")");
                    item(e.seq, e.when, p.permit ? "shared" : "not shared", text);
                    if (others(p.subjects)) withhold(e.seq, s53);
                } else if constexpr (std::is_same_v<T, view_shown>) {
                    bool any = false, with_others = false;
                    std::vector<std::string> what;
                    for (const auto& i : p.shown)
                        if (about(i.subjects)) {
                            any = true;
                            with_others = with_others || others(i.subjects);
                            what.push_back(cat(i.what));
                        }
                    if (!any) return;
                    item(e.seq, e.when, "viewed",
                         join(what) + " about you shown to " + to(p.recipient) + " (" + label(p.why) + "), by " + e.who);
                    if (with_others) withhold(e.seq, s53);
                } else if constexpr (std::is_same_v<T, shared_without_consent>) {
                    if (!about(p.subjects)) return;
                    if (!p.family_told) {
                        withhold(e.seq, s49);
                        return;
                    }
                    std::string text = cat(p.what) + " about you shared with " + to(p.recipient) + " by " + to(p.discloser) +
                                       " without consent, under " + label(p.basis);
                    if (others(p.subjects)) withhold(e.seq, s53);
                    else text += ": " + p.description;
                    item(e.seq, e.when, "shared without consent", text);
                } else if constexpr (std::is_same_v<T, request_declined>) {
                    if (!about(p.subjects)) return;
                    item(e.seq, e.when, "request declined",
                         cat(p.what) + " about you, asked for by " + to(p.requester) + " under " + label(p.basis) + ": declined");
                    if (others(p.subjects)) withhold(e.seq, s53);
                }
            },
            e.payload);
    }

    // A plan's actions the person does, and a Children's Team plan's views when it is theirs.
    void plan_entry(const event& e, const plan& p, const char* how) {
        const std::string which = how + std::string(" (version ") + std::to_string(p.version) + ")";
        if (p.child == m_ && !p.child_views.empty()) item(e.seq, e.when, "your plan", which + own(e.seq, ": your views: " + p.child_views));
        for (const action& a : p.actions) {
            owners_[a.id.value()] = a.owner;
            if (a.owner != party::of(m_)) continue;
            // Its words (what is done, the need it meets) are given or withheld together.
            const bool words = !names_another(a.description) && !names_another(a.need);
            if (!words) withhold(e.seq, s53);
            std::string text = which + ": action " + std::to_string(a.id.value()) + " is yours";
            if (words) text += ", " + a.description;
            if (a.due) text += ", due " + to_iso(*a.due);
            text += ", " + std::string(label(a.status));
            if (words && !a.need.empty()) text += ", for: " + a.need;
            item(e.seq, e.when, "your action", text);
        }
    }

    const case_file& c_;
    member_id m_;
    const agency_directory& d_;
    access_response& out_;
    std::vector<std::string> others_;  // see names_of_others()
    std::set<std::pair<std::uint64_t, std::string>> withheld_;  // this case's withholdings so far: (entry, ground)
    std::map<std::uint32_t, std::optional<party>> owners_;  // who does each action, as the plans so far gave it
};

} // namespace

void add_access_part(const case_file& c, member_id m, const agency_directory& directory, access_response& out) {
    case_part(c, m, directory, out).build();
}

std::string access_markdown(const access_response& r) {
    std::ostringstream md;
    md << "# Your information\n\nWhat is held about you (" << r.key << ") in " << r.cases.size()
       << (r.cases.size() == 1 ? " case" : " cases") << ".\n";
    for (const auto& pc : r.cases) {
        md << "\n## Case " << pc.id.value() << " (" << label(pc.programme) << ", " << label(pc.state) << ", referred "
           << to_iso(nz_date(pc.referred)) << ")\n\n";
        for (const auto& i : r.items)
            if (i.in_case == pc.id)
                md << "- " << to_iso(nz_date(i.when)) << ", " << i.heading << ": " << i.text << "\n";
    }
    if (!r.withheld.empty()) {
        md << "\n## Withheld\n\nSome information was withheld:\n\n";
        for (const auto& w : r.withheld) md << "- case " << w.in_case.value() << ", entry " << w.seq << ": " << w.ground << "\n";
    }
    return md.str();
}

} // namespace sfcore::detail
