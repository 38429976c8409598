#!/usr/bin/env python3
"""Mutation testing (make mutants): deliberate one-line mistakes in the rules that matter, each applied
alone to a copy of the tree, rebuilt and tested. A mutant is killed when the tests fail; the run fails when
any mutant survives, and names the survivors.

    scripts/mutants.py [--build DIR] [--sample N] [--only ID,ID] [--list]

The copy and its build live in DIR (build-mutants/ by default) and are kept between runs, so a run
rebuilds only what each mutant touches. --sample N runs N mutants spread over the list (CI runs a sample;
run them all before resolving a change to the rules).
"""

import argparse
import os
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@dataclass
class Mutant:
    id: str
    file: str
    original: str  # occurs exactly once in the file
    mutated: str
    what: str
    tests: str = ""  # a Catch2 test spec for sfcore_tests ("" for the whole C++ suite)
    postgres: bool = False  # run the tests against a throwaway PostgreSQL server (scripts/test-postgres.sh)


# The C++ tests a mutant is judged by: every test but the hidden ones and the slow randomized store tests
# (crashes, file mutations, injected faults), which a mutant of the store names itself.
FAST = "~[.]~[crash]~[mutation]~[faults]~[postgresql]~[postgresql-writers]~[postgresql-faults]"
# The store's tests on PostgreSQL (the shared suite and the server's own), for a mutant of that backend.
POSTGRES = "[store]~[sqlite]~[crash]"

MUTANTS = [
    # ---- decisions ----------------------------------------------------------------------------------
    Mutant("decide-confidential", "src/disclosure.cpp",
           "if (s && (s->confidential.at(t) & cat)) return rule(decision_rule::confidential);",
           "if (false && s && (s->confidential.at(t) & cat)) return rule(decision_rule::confidential);",
           "a confidential mark is ignored", FAST),
    Mutant("decide-necessity", "src/disclosure.cpp",
           "if (why != purpose::deidentified && !(necessity_.at(t) & cat))",
           "if (false && why != purpose::deidentified && !(necessity_.at(t) & cat))",
           "necessity is not checked", FAST),
    Mutant("decide-deidentified", "src/disclosure.cpp",
           "if (why != purpose::deidentified && !(necessity_.at(t) & cat))",
           "if (!(necessity_.at(t) & cat))",
           "de-identified reporting is no longer exempt from necessity", FAST),
    Mutant("decide-first-consent-instant", "src/disclosure.cpp",
           "if (t < s->first_consent) return rule(decision_rule::not_yet_recorded);",
           "if (t <= s->first_consent) return rule(decision_rule::not_yet_recorded);",
           "a consent does not count at its own instant", FAST),
    Mutant("decide-recipient-named-later", "src/disclosure.cpp",
           "if (!r || t < r->first_named) return rule(decision_rule::recipient_not_named);",
           "if (!r) return rule(decision_rule::recipient_not_named);",
           "a recipient named later answers for the time before", FAST),
    Mutant("withdrawal-instant", "src/disclosure.cpp",
           "            if (p < g.withdrawn) {",
           "            if (p <= g.withdrawn) {",
           "a consent still permits at the instant of its withdrawal", FAST),
    Mutant("period-end", "src/disclosure.cpp",
           "            if (p < g.start || p >= g.end) continue;",
           "            if (p < g.start || p > g.end) continue;",
           "a consent permits at the first instant after its period", FAST),
    Mutant("period-last-day", "src/disclosure.cpp",
           "day_start(g.scope.until + boost::gregorian::days(1))",
           "day_start(g.scope.until)",
           "a consent's last day is left out of its period", FAST),
    Mutant("deny-overrides", "src/case_disclosure.cpp",
           "        if (!d.permit) return d;  // deny overrides",
           "        if (!d.permit && i == 0) return d;  // deny overrides",
           "only the first subject's refusal counts", FAST),
    Mutant("named-practitioner-row", "src/disclosure.cpp",
           "if (p && p < practitioner_row.size() && practitioner_row[p]) return &rows[practitioner_row[p] - 1u];",
           "if (false && p && p < practitioner_row.size() && practitioner_row[p]) return &rows[practitioner_row[p] - 1u];",
           "a named practitioner is answered as their agency", FAST),
    Mutant("agency-covers-practitioner", "src/disclosure.cpp",
           "    if (r.practitioner && a < s.agency_row.size() && s.agency_row[a])\n",
           "    if (false && r.practitioner && a < s.agency_row.size() && s.agency_row[a])\n",
           "a consent to an agency no longer covers a practitioner named after it", FAST),
    Mutant("worker-withdrawn-at-the-consents-instant", "src/disclosure.cpp",
           "        if (x.recipient->practitioner || s.row_for(*x.recipient)) rows = rows_covered(s, *x.recipient);",
           "        if (s.row_for(*x.recipient)) rows = rows_covered(s, *x.recipient);",
           "a consent to an agency at the instant of a withdrawal for one of its workers permits that worker", FAST),
    Mutant("withdrawal-same-instant", "src/disclosure.cpp",
           "        if ((!w.recipient || w.recipient->covers(r.who)) && (!w.what || *w.what == c)) return at;",
           "        if (false && (!w.recipient || w.recipient->covers(r.who)) && (!w.what || *w.what == c)) return at;",
           "a withdrawal does not cover a consent recorded at its own instant", FAST),
    Mutant("process-withdrawal", "src/events/members.cpp",
           "    c.disclosure_.withdraw({p.member, std::nullopt, std::nullopt, true, e.who, e.when, e.seq});",
           "",
           "withdrawing from the process leaves the consents to share standing", FAST),
    Mutant("requester-reason-leaks", "src/disclosure.cpp",
           "    out += '.';\n    return out;",
           "    out += std::string(\" (\") + to_string(d.rule) + \").\";\n    return out;",
           "the requester is told the rule that decided", FAST),
    # ---- the journal ----------------------------------------------------------------------------------
    Mutant("chain-unbound", "src/entry.cpp",
           "return sha256().update(prev.data(), prev.size()).update(data, body).finish();",
           "(void)prev; return sha256().update(data, body).finish();",
           "an entry's hash leaves out the hash before it (and so the case's id)", FAST),
    Mutant("chain-last-byte", "src/entry.cpp",
           "const std::size_t body = size >= 32 ? size - 32 : 0;",
           "const std::size_t body = size >= 33 ? size - 33 : 0;",
           "the last byte of an entry before its hash is not hashed", FAST),
    Mutant("replay-numbering", "src/case.cpp",
           "if (e.seq != i + 1) throw error(errc::integrity,",
           "if (false) throw error(errc::integrity,",
           "replay does not check an entry's number", FAST),
    Mutant("verify-kept-head", "src/case.cpp",
           "        if (at != expected->hash)",
           "        if (false && at != expected->hash)",
           "verify() does not compare the kept head's hash", FAST),
    # ---- FHIR ---------------------------------------------------------------------------------------
    Mutant("fhir-practitioner-withdrawal", "src/fhir_map.hpp",
           "                        return w.recipient->covers(r) || r.covers(*w.recipient);",
           "                        return w.recipient->covers(r);",
           "a withdrawal from a named worker is left out of a consent to their agency", "[fhir]"),
    Mutant("fhir-same-instant", "src/fhir_in.cpp",
           "                if (x.w.subject == k.subject && x.w.at == rd.when && narrows(x.w, scope))",
           "                if (x.w.subject == k.subject && x.w.at == rd.when && narrows(x.w, scope) && false)",
           "an import's consent is taken in by a withdrawal recorded at its very instant", "[fhir]"),
    Mutant("fhir-depth", "src/fhir_in.cpp",
           "        if (depth > max_depth) throw error(errc::malformed, \"the JSON is nested deeper than 64 levels\");",
           "        if (depth > max_depth * 1000000) throw error(errc::malformed, \"the JSON is nested deeper than 64 levels\");",
           "FHIR input of any depth is read", "[fhir]"),
    Mutant("encryption-plain-new-case", "src/store.cpp",
           "    if (!secret && s.options.encryption && expected_version == 0)",
           "    if (!secret && s.options.encryption && expected_version == 0 && false)",
           "an encrypting store keeps a plain new case", "[encryption]"),
    Mutant("encryption-key-any-case", "src/crypto.cpp",
           "    put_u64(ad, id.value());",
           "    put_u64(ad, id.value() * 0);",
           "a wrapped case key opens for any case", "[encryption]"),
    Mutant("encryption-archive-readable", "src/archive.cpp",
           "    if (c.encrypted())",
           "    if (c.encrypted() && false)",
           "an encrypted case is archived with its entries readable", "[encryption]"),
    Mutant("disposal-before-due", "src/store_retention.cpp",
           "    if (on < due->due)",
           "    if (false)",
           "a case is disposed of before its retention ends", "[encryption]"),
    Mutant("disposal-keeps-key", "src/store_retention.cpp",
           "    s.stmt(\"UPDATE case_keys SET key_id = '', wrapped = ?2 WHERE case_id = ?1\")->bind(1, key).bind(2, destroyed_key, 1).done();",
           "    s.stmt(\"UPDATE case_keys SET key_id = '' WHERE case_id = ?1\")->bind(1, key).done();",
           "a disposed case's wrapped key stays in the store", "[encryption]"),
    Mutant("persons-index-unchecked", "src/store_impl.hpp",
           "        if (held != expected) return case_name(id) + \": the index of persons does not agree with its journal\";",
           "        if (held != expected && false) return case_name(id) + \": the index of persons does not agree with its journal\";",
           "verify() believes the store's index of persons", "[persons]"),
    Mutant("persons-link-unchecked", "src/store_impl.hpp",
           "            if (!member || static_cast<std::int64_t>(member->value()) != m)",
           "            if (!member)",
           "a person's cases believe the member the index names", "[persons]"),
    Mutant("persons-sibling-any-role", "src/store_persons.cpp",
           "                if (l.key == key || !is_child(details.role)) continue;",
           "                if (l.key == key) continue;",
           "a parent is found as a child's sibling", "[persons]"),
    Mutant("persons-one-member", "src/events/members.cpp",
           "    if (const auto other = c.member_for(p.key); other && *other != p.member)",
           "    if (const auto other = c.member_for(p.key); other && *other != p.member && false)",
           "one person is linked to two members of a case", "[persons]"),
    Mutant("extract-purpose-unchecked", "src/events/access.cpp",
           "    check_nonblank_utf8(p.purpose, \"purpose\");",
           "",
           "a journal's identified extract without a purpose replays", "[access]"),
    Mutant("access-closed-not-overdue", "src/timeliness.cpp",
           "    // An access request is answered however far the case has gone; the line names no one.\n    for (const auto& r : c.access_requests())",
           "    // An access request is answered however far the case has gone; the line names no one.\n    if (c.state() != state::closed) for (const auto& r : c.access_requests())",
           "an access request to a closed case is never overdue", "[privacy]"),
    Mutant("json-number-range", "src/json.cpp",
           "if (v > static_cast<std::uint64_t>(std::numeric_limits<T>::max())) bad(",
           "if (false) bad(",
           "a JSON number larger than its field is cut to fit", "[json]"),
    Mutant("json-key-twice", "src/json.cpp",
           "if (!twice.empty()) throw error(",
           "if (false) throw error(",
           "a JSON payload that names a field twice is read (the last one wins)", "[json]"),
    Mutant("access-extension-earlier", "src/events/access.cpp",
           "    if (p.due <= r.due(holiday_calendar{}))",
           "    if (false)",
           "an extension may bring the day to answer forward", "[privacy]"),
    Mutant("disclosures-refused-counted", "src/case.cpp",
           "        if (const auto* d = std::get_if<disclosure_decided>(&e.payload); d && d->permit && about(d->subjects)) {",
           "        if (const auto* d = std::get_if<disclosure_decided>(&e.payload); d && about(d->subjects)) {",
           "a refused request counts as a recipient to tell of a correction", "[privacy]"),
    Mutant("access-response-joint-unwithheld", "src/access_response.cpp",
           "                    item(e.seq, e.when, p.permit ? \"shared\" : \"not shared\", text);\n                    if (others(p.subjects)) withhold(e.seq, s53);",
           "                    item(e.seq, e.when, p.permit ? \"shared\" : \"not shared\", text);",
           "a decision also about another person is answered without saying anything was withheld", "[privacy]"),
    Mutant("access-response-others-consents", "src/access_response.cpp",
           "                } else if constexpr (std::is_same_v<T, sharing_consent_given>) {\n                    if (p.subject != m_) return;",
           "                } else if constexpr (std::is_same_v<T, sharing_consent_given>) {",
           "an access response gives another member's consents, a child's views among them", "[privacy]"),
    Mutant("recorded-backwards", "src/case.cpp",
           "    return journal_.empty() || now > journal_.back().recorded ? now : journal_.back().recorded;",
           "    return now;",
           "a recorded instant may go backwards", FAST),
    Mutant("store-entry-hash", "src/chained_reader.hpp",
           "        if (std::memcmp(chain_hash(prev, data, size).data(), data + size - 32, 32) != 0)",
           "        if (false)",
           "the store does not verify an entry's hash", "[store]" + FAST),
    Mutant("store-summary-agrees", "src/store_impl.hpp",
           "            (coordinator && static_cast<std::int64_t>(coordinator->value()) != *row.coordinator))",
           "            (false && coordinator && static_cast<std::int64_t>(coordinator->value()) != *row.coordinator))",
           "the store does not compare a summary's coordinator with its journal", "[store]" + FAST),
    Mutant("pg-migrate-on-open", "src/store_postgres.cpp",
           "    if (version < schema_version)\n",
           "    if (false)\n",
           "a PostgreSQL store without the schema is opened (and used) without being migrated", POSTGRES, True),
    Mutant("pg-statement-rerun", "src/store_postgres.cpp",
           "        started_ = finished_ = false;",
           "        started_ = false;",
           "a reset PostgreSQL statement does not run again (only an append's first entry is written)", POSTGRES, True),
    Mutant("pg-reconnect", "src/store_postgres.cpp",
           "        if (PQstatus(conn_) == CONNECTION_OK) return;\n        following_ = false;",
           "        return;\n        following_ = false;",
           "a lost PostgreSQL connection is never opened again (no call can be retried)", POSTGRES, True),
    Mutant("archive-checksum", "src/archive.cpp",
           "if (std::memcmp(d.data(), p + 24, d.size()) != 0) throw error(errc::checksum_mismatch, \"archive\");",
           "(void)d;",
           "an unsealed archive's checksum is not checked", FAST),
    Mutant("archive-seal", "src/archive.cpp",
           "        if (std::memcmp(d.data(), frame + 24, d.size()) != 0)",
           "        if (false && std::memcmp(d.data(), frame + 24, d.size()) != 0)",
           "a sealed archive's seal is not checked", FAST),
    # ---- the lifecycle ---------------------------------------------------------------------------------
    Mutant("consent-age", "src/lifecycle.cpp",
           "if (const auto age = m.age_on(on)) return *age >= disclosure_.ages().young_person;",
           "if (const auto age = m.age_on(on)) return *age > disclosure_.ages().young_person;",
           "a young person of exactly the consent age does not consent for themselves", FAST),
    Mutant("adult-signs-for-self", "src/lifecycle.cpp",
           "        if (given_by != subject) return member_label(subject) + \" consents for themselves\";",
           "        (void)given_by;",
           "one adult may sign another adult's consent", FAST),
    Mutant("support-person-withdrawal", "src/lifecycle.cpp",
           "    if (member_at(leaving).role == member_role::support_person) return false;",
           "    (void)leaving;",
           "a support person's withdrawal ends the family's case", FAST),
    Mutant("final-report-guard", "src/lifecycle.cpp",
           "        if (!final_report_.empty()) return std::nullopt;",
           "        return std::nullopt;",
           "a case closes without its final report", FAST),
    Mutant("child-views", "src/lifecycle.cpp",
           "    if (is_blank(child_views)) return \"a consent given for a child records the child's own views\";",
           "    (void)child_views;",
           "a consent for a child is accepted without the child's views", FAST),
    Mutant("record-approver", "src/lifecycle.cpp",
           "need(!is_blank(s->approver), \"approver\", \"who approved it\");",
           "need(true, \"approver\", \"who approved it\");",
           "a sharing without consent is accepted without its approver", FAST),
    Mutant("record-requester-role", "src/lifecycle.cpp",
           "need(s->basis != legal_basis::ot_s66 || s->requester_role != s66_requester::none, \"requester_role\",",
           "need(true, \"requester_role\",",
           "a sharing under s66 is accepted without saying who asked", FAST),
    Mutant("s66c-child-welfare", "src/lifecycle.cpp",
           "if (r->agency && !dir->at(r->agency).child_welfare)",
           "if (r->agency && !dir->at(r->agency).child_welfare && r == &s.discloser)",
           "s66C sharing to an agency that is not a child welfare and protection agency is accepted", FAST),
    Mutant("former-name-finds", "src/agency.cpp",
           "            if (former == name) return a.id;",
           "            if (former == name) break;",
           "a former name no longer finds its agency", FAST),
    Mutant("review-window", "src/lifecycle.cpp",
           "if (after < timeframes_.review_earliest_days || after > timeframes_.review_latest_days)",
           "if (after > timeframes_.review_latest_days)",
           "a review one week after the meeting is accepted without a reason", FAST),
    Mutant("held-before-start", "src/lifecycle.cpp",
           "            if (e.when < m.start)",
           "            if (false)",
           "a meeting recorded as held before its start is accepted", FAST),
    Mutant("family-refused-owner", "src/lifecycle.cpp",
           "                if (a.owner) named.emplace_back(*a.owner, \"an action's owner\");",
           "                (void)a;",
           "an agency the family refused is made an action's owner", FAST),
    Mutant("booked-review-overdue", "src/timeliness.cpp",
           "    if (const meeting* booked = booked_review(c)) return nz_date(booked->start);",
           "",
           "a booked review not held by its date is not overdue", FAST),
    Mutant("discloser-exists", "src/case_disclosure.cpp",
           "    check_recipient(directory, r.discloser, \"the request's discloser\");",
           "",
           "a decision for a discloser the directory does not hold is made and recorded", FAST),
    Mutant("site-registered", "src/case.cpp",
           "    if (!out.site.empty() && !directory.find_site(out.programme, out.site))",
           "    if (false)",
           "a referral to a site the directory does not register (\"Atlantis\") opens a case", FAST),
    Mutant("outcome-tally", "src/report.cpp",
           "                t.done += a.status == action_status::done;",
           "                t.done += 1;",
           "the final report counts an outcome area's open actions as done", FAST),
    Mutant("invitees-approved", "src/lifecycle.cpp",
           "                if (!is_approved(p))",
           "                if (false)",
           "the family's approval of invitees is not checked", FAST),
    # ---- time -------------------------------------------------------------------------------------------
    Mutant("working-days-between", "src/calendar.cpp",
           "    while (d < end) {",
           "    while (d <= end) {",
           "the day after the last is counted as a working day between two dates", FAST),
    Mutant("add-working-days", "src/calendar.cpp",
           "        if (is_working_day(d, rule)) --n;",
           "        --n;",
           "weekends and holidays count as working days", FAST),
    Mutant("privacy-act-summer-break", "src/calendar.cpp",
           "        if (md >= 1225 || md <= 115) return false;",
           "        if (md >= 1225 || md <= 114) return false;",
           "15 January counts as a working day under the Privacy Act", FAST),
    Mutant("nhi-revised-modulus", "src/identifiers.cpp",
           "letter_value(t[6]) == 23 - sum % 23",
           "letter_value(t[6]) == 24 - sum % 24",
           "a revised NHI number's check letter by the withdrawn 2022 rule (modulus 24)", FAST),
    Mutant("nz-offset-change", "src/nz_time.cpp",
           "[](std::int64_t x, const nz_change& c) { return x < c.at; });",
           "[](std::int64_t x, const nz_change& c) { return x <= c.at; });",
           "the clocks change one second late", FAST),
    Mutant("mondayised-from-2014", "src/calendar.cpp",
           "    const bool mondayised = year >= mondayised_from;",
           "    const bool mondayised = true;",
           "Waitangi and ANZAC Days are Mondayised before 2014", FAST),
    Mutant("matariki-2052", "src/calendar.cpp",
           "    {6, 24}, {7, 7},  {6, 29}, {7, 19}, {7, 3},  {6, 25}, {7, 15}, {6, 30}, {6, 21},",
           "    {6, 24}, {7, 7},  {6, 29}, {7, 19}, {7, 3},  {6, 25}, {7, 15}, {6, 30}, {6, 28},",
           "Matariki 2052 a week late", FAST),
]


def limit_memory():
    """A mutant can make a test loop and grow without end: 6 GiB of address space each, then it fails."""
    resource.setrlimit(resource.RLIMIT_AS, (6 << 30, 6 << 30))


def run(cmd, cwd, log, timeout=None, limited=False):
    with open(log, "a") as out:
        out.write(f"\n$ {' '.join(cmd)}\n")
        out.flush()
        try:
            return subprocess.run(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, timeout=timeout,
                                  preexec_fn=limit_memory if limited else None).returncode
        except subprocess.TimeoutExpired:
            out.write("(timed out)\n")
            return 124


def copy_tree(dst):
    """The tracked files of the project (as committed or changed in the work tree), into dst."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, check=True, capture_output=True).stdout.split(b"\0")
    for f in files:
        if not f:
            continue
        rel = f.decode()
        src, to = os.path.join(ROOT, rel), os.path.join(dst, rel)
        if not os.path.isfile(src):
            continue
        os.makedirs(os.path.dirname(to), exist_ok=True)
        with open(src, "rb") as a:
            data = a.read()
        if os.path.exists(to):
            with open(to, "rb") as b:
                if b.read() == data:
                    continue  # unchanged: keep its timestamp, so nothing rebuilds
        with open(to, "wb") as b:
            b.write(data)


def check_list():
    bad = []
    for m in MUTANTS:
        text = open(os.path.join(ROOT, m.file), encoding="utf-8").read()
        n = text.count(m.original)
        if n != 1:
            bad.append(f"{m.id}: the original occurs {n} times in {m.file}")
    ids = [m.id for m in MUTANTS]
    if len(set(ids)) != len(ids):
        bad.append("mutant ids repeat")
    return bad


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build-mutants"))
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--only", default="")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--python", default="/usr/bin/python3")
    args = ap.parse_args()

    problems = check_list()
    if problems:
        print("the mutant list does not match the source:\n  " + "\n  ".join(problems))
        return 2
    chosen = MUTANTS
    if args.only:
        wanted = set(args.only.split(","))
        chosen = [m for m in MUTANTS if m.id in wanted]
    elif args.sample:
        step = max(1, len(MUTANTS) // args.sample)
        chosen = MUTANTS[::step][: args.sample]
    if args.list:
        for m in chosen:
            print(f"{m.id:32} {m.file:24} {m.what}")
        return 0

    tree, build = os.path.join(args.build, "tree"), os.path.join(args.build, "build")
    log = os.path.join(args.build, "mutants.log")
    os.makedirs(tree, exist_ok=True)
    open(log, "w").close()
    copy_tree(tree)
    if not os.path.exists(os.path.join(build, "CMakeCache.txt")):
        rc = run(["cmake", "-S", tree, "-B", build, "-DCMAKE_BUILD_TYPE=RelWithDebInfo", "-DSFCORE_BUILD_PYTHON=OFF",
                  "-DSFCORE_BUILD_EXAMPLES=OFF", "-DSFCORE_BUILD_DOCS=OFF", "-DSFCORE_BUILD_CAPI=OFF",
                  f"-DPython_EXECUTABLE={args.python}"], ROOT, log)
        if rc:
            print(f"configure failed: see {log}")
            return 2
    jobs = str(os.cpu_count() or 2)
    tests = os.path.join(build, "tests", "sfcore_tests")

    server = os.path.join("/tmp", f"sfcore-pg-mutants-{os.getpid()}")
    server_started = []

    def build_and_test(spec, postgres=False):
        if run(["cmake", "--build", build, "-j", jobs, "--target", "sfcore_tests"], ROOT, log):
            return "build failed"
        cmd = [tests] + ([spec] if spec else [])
        if postgres and not server_started:
            started = subprocess.run(["bash", os.path.join(ROOT, "scripts", "test-postgres.sh"), "start", server],
                                     capture_output=True, text=True)
            if started.returncode:
                with open(log, "a") as out:
                    out.write(f"the PostgreSQL server did not start:\n{started.stderr}\n")
                return "build failed"
            server_started.append(started.stdout.strip())
        if postgres:
            os.environ["SFCORE_TEST_POSTGRES"] = server_started[0]
        try:
            return "passed" if run(cmd, ROOT, log, timeout=600, limited=True) == 0 else "failed"
        finally:
            os.environ.pop("SFCORE_TEST_POSTGRES", None)

    started = time.time()
    baseline = build_and_test(FAST)
    if baseline != "passed":
        print(f"the unmutated tree does not pass its tests ({baseline}): see {log}")
        return 2
    print(f"baseline: the tests pass ({time.time() - started:.0f} s); {len(chosen)} mutants")

    survivors, stillborn = [], []
    for m in chosen:
        path = os.path.join(tree, m.file)
        original = open(path, encoding="utf-8").read()
        open(path, "w", encoding="utf-8").write(original.replace(m.original, m.mutated, 1))
        t0 = time.time()
        try:
            verdict = build_and_test(m.tests, m.postgres)
        finally:
            open(path, "w", encoding="utf-8").write(original)
        outcome = {"failed": "killed", "passed": "SURVIVED", "build failed": "did not build"}[verdict]
        print(f"  {outcome:13} {m.id:32} {m.what} ({time.time() - t0:.0f} s)", flush=True)
        if verdict == "passed":
            survivors.append(m)
        elif verdict == "build failed":
            stillborn.append(m)
    # Leave the copy as the source is, so the next run starts from a built tree.
    build_and_test("[version]")
    if server_started:
        subprocess.run(["bash", os.path.join(ROOT, "scripts", "test-postgres.sh"), "stop", server], capture_output=True)
    killed = len(chosen) - len(survivors) - len(stillborn)
    print(f"{killed} of {len(chosen)} mutants killed in {time.time() - started:.0f} s")
    if stillborn:
        print("mutants that do not build (fix the list): " + ", ".join(m.id for m in stillborn))
    if survivors:
        print("SURVIVORS (a mistake the tests do not catch): " + ", ".join(m.id for m in survivors))
    return 1 if survivors or stillborn else 0


if __name__ == "__main__":
    sys.exit(main())
