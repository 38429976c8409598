// Archives: round trips, the frame's checks, bounded reads, class versions,
// and the golden archives every released format version wrote.
#include <catch2/catch.hpp>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "../../src/archive_detail.hpp"
#include "../fuzz/load_any.hpp"
#include "fixtures.hpp"
#include "sfcore/archive.hpp"

using namespace sfcore;
using fixtures::code_of;

namespace {

const archive_encoding both[] = {archive_encoding::binary, archive_encoding::text};

// Put a payload in a frame with a correct checksum, as a writer would.
bytes frame(const bytes& payload, archive_content content, archive_encoding e = archive_encoding::binary,
            std::uint16_t version = archive_format_version) {
    bytes out(archive_header_size, 0);
    const std::uint8_t magic[8] = {0x89, 'S', 'F', 'C', '\r', '\n', 0x1a, '\n'};
    std::memcpy(out.data(), magic, 8);
    out[8] = static_cast<std::uint8_t>(version);
    out[9] = static_cast<std::uint8_t>(version >> 8);
    out[10] = static_cast<std::uint8_t>(e);
    out[11] = static_cast<std::uint8_t>(content);
    for (int i = 0; i < 8; ++i) out[16 + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(payload.size() >> (8 * i));
    const digest d = sha256().update(payload.data(), payload.size()).finish();
    std::memcpy(out.data() + 24, d.data(), 32);
    out.insert(out.end(), payload.begin(), payload.end());
    return out;
}

bytes payload_of(const bytes& archive) { return bytes(archive.begin() + archive_header_size, archive.end()); }

std::string data_dir() { return SFCORE_TEST_DATA_DIR; }

bytes read_file(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    if (!f) throw std::runtime_error("cannot read " + path);
    return bytes(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

// Load an archive of any content: true when it loads, false when it is
// refused with a clear sfcore error (anything else fails the test).
bool loads(const bytes& b, const fixtures::world& w, const case_file& c) {
    try {
        switch (inspect_archive(b.data(), b.size()).content) {
        case archive_content::case_journal: load_case(b); break;
        case archive_content::ledger: load_ledger(b, c, w.dir); break;
        case archive_content::audit: load_audit(b); break;
        case archive_content::directory: load_directory(b); break;
        }
        return true;
    } catch (const error& e) {
        const errc k = e.code();
        if (k != errc::malformed && k != errc::unsupported_version && k != errc::checksum_mismatch) FAIL(e.what());
        return false;
    }
}

struct golden {
    const char* file;
    archive_content content;
};
const golden goldens[] = {
    {"v1/case.binary.sfa", archive_content::case_journal}, {"v1/case.text.sfa", archive_content::case_journal},
    {"v1/ledger.binary.sfa", archive_content::ledger},     {"v1/ledger.text.sfa", archive_content::ledger},
    {"v1/audit.binary.sfa", archive_content::audit},       {"v1/directory.binary.sfa", archive_content::directory},
};

} // namespace

TEST_CASE("a case in every state and programme survives a round trip, binary and text", "[archive]") {
    for (int p = 0; p < 3; ++p)
        for (const auto& row : state_table) {
            fixtures::world w;
            const case_file c = w.drive_to(row.value, static_cast<programme>(p));
            for (auto e : both) {
                const bytes b = save_archive(c, e);
                CHECK(inspect_archive(b.data(), b.size()).encoding == e);
                const case_file back = load_case(b);
                CHECK(back == c);
                CHECK(back.members() == c.members());
                CHECK(back.plan_history() == c.plan_history());
                CHECK(save_archive(back, e) == b);  // saving is deterministic
            }
        }
    fixtures::world w;
    const case_file c = fixtures::full_case(w);
    for (auto e : both) CHECK(load_case(save_archive(c, e)) == c);
}

TEST_CASE("a ledger survives a round trip: records, decisions, and an audit chain that still verifies", "[archive]") {
    fixtures::world w;
    const case_file c = fixtures::full_case(w);
    const disclosure_ledger l = fixtures::full_ledger(w, c);
    for (auto e : both) {
        const disclosure_ledger back = load_ledger(save_archive(l, e), c, w.dir);
        CHECK(back.consents().size() == 2);
        CHECK(back.withdrawals().size() == l.withdrawals().size());
        CHECK(back.sharings().size() == 1);
        CHECK(back.declined().size() == 1);
        CHECK(back.categories().size() == l.categories().size());
        REQUIRE(back.audit().entries().size() == l.audit().entries().size());
        CHECK(back.audit().verify().ok);
        CHECK(back.audit().entries().back().hash == l.audit().entries().back().hash);
        CHECK(back.necessary_at(w.clock) == l.necessary_at(w.clock));
        CHECK(save_archive(back, e) == save_archive(l, e));
        // The same decisions, now and in the past.
        for (std::uint32_t m = 1; m <= 2; ++m)
            for (int cat = 0; cat < 14; ++cat)
                for (const instant at : {w.clock, w.clock - boost::posix_time::hours(5)}) {
                    const disclosure_request r{party::of(agencies::MOE), {member_id{m}}, static_cast<category>(cat),
                                               party::of(agencies::MSD), purpose::meeting, at};
                    CHECK(back.check(r) == l.check(r));
                }
    }
}

TEST_CASE("an audit log and a directory survive a round trip", "[archive]") {
    fixtures::world w;
    const case_file c = w.drive_to(state::preparing);
    const disclosure_ledger l = fixtures::full_ledger(w, c);
    for (auto e : both) {
        const audit_log a = load_audit(save_archive(l.audit(), e));
        CHECK(a.verify().ok);
        CHECK(a.to_text() == l.audit().to_text());
        const agency_directory d = load_directory(save_archive(w.dir, e));
        CHECK(d.all().size() == w.dir.all().size());
        CHECK(d.practitioners().size() == w.dir.practitioners().size());
        CHECK(d.practitioner_at(w.teacher).name == "Sam Wilson");
        CHECK(d.at(w.trust).kind == agency_kind::ngo);
    }
}

TEST_CASE("the frame is checked before the payload is read", "[archive]") {
    fixtures::world w;
    const case_file c = w.drive_to(state::plan_active);
    const bytes good = save_archive(c);
    CHECK(code_of([&] { inspect_archive(nullptr, 10); }) == errc::null_argument);
    CHECK(code_of([&] { inspect_archive(nullptr, 0); }) == errc::malformed);
    CHECK(code_of([&] { load_case(bytes{}); }) == errc::malformed);
    CHECK(code_of([&] { load_case(bytes(good.begin(), good.begin() + 40)); }) == errc::malformed);
    bytes b = good;
    b[1] = 'X';
    CHECK(code_of([&] { load_case(b); }) == errc::malformed);  // magic
    CHECK(code_of([&] { load_case(frame(payload_of(good), archive_content::case_journal, archive_encoding::binary, 2)); }) ==
          errc::unsupported_version);
    CHECK(code_of([&] { load_case(frame(payload_of(good), archive_content::case_journal, archive_encoding::binary, 0)); }) ==
          errc::malformed);
    CHECK(code_of([&] { load_case(frame(payload_of(good), archive_content::case_journal, static_cast<archive_encoding>(3))); }) ==
          errc::malformed);
    CHECK(code_of([&] { load_case(frame(payload_of(good), static_cast<archive_content>(9))); }) == errc::malformed);
    CHECK(code_of([&] { load_audit(good); }) == errc::malformed);  // holds a case, not an audit log
    b = good;
    b[12] = 1;
    CHECK(code_of([&] { load_case(b); }) == errc::malformed);  // reserved bytes
    b = good;
    b.push_back(0);
    CHECK(code_of([&] { load_case(b); }) == errc::malformed);  // a byte beyond the stated length
    b = good;
    b.back() ^= 0x01;
    CHECK(code_of([&] { load_case(b); }) == errc::checksum_mismatch);
    b = good;
    b[16 + 7] = 0x7f;  // a payload length of petabytes
    CHECK(code_of([&] { load_case(b); }) == errc::malformed);
    // A well-framed payload with bytes after the value.
    bytes p = payload_of(good);
    p.push_back(0);
    CHECK(code_of([&] { load_case(frame(p, archive_content::case_journal)); }) == errc::malformed);
}

TEST_CASE("every count and length is bounded by the bytes that remain", "[archive]") {
    // A directory archive: class version 1, then a count of agencies near 2^32.
    const bytes huge_count{1, 0xf0, 0xff, 0xff, 0xff, 0, 0};
    CHECK(code_of([&] { load_directory(frame(huge_count, archive_content::directory)); }) == errc::malformed);
    // An agency with a name said to be 4 GiB long.
    const bytes huge_text{1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 'M'};
    CHECK(code_of([&] { load_directory(frame(huge_text, archive_content::directory)); }) == errc::malformed);
    // The same in text: a name said to be a billion bytes long.
    const std::string t = "1 1 1 1 1000000000 M";
    CHECK(code_of([&] { load_directory(frame(bytes(t.begin(), t.end()), archive_content::directory, archive_encoding::text)); }) ==
          errc::malformed);
}

TEST_CASE("a value with a class version newer than the library is refused", "[archive]") {
    fixtures::world w;
    for (auto e : both) {
        bytes p = payload_of(save_archive(w.dir, e));
        // The directory's own class version comes first.
        if (e == archive_encoding::binary) {
            REQUIRE(p[0] == 1);
            p[0] = 2;
        } else {
            REQUIRE(p[0] == '1');
            p[0] = '2';
        }
        const bytes b = frame(p, archive_content::directory, e);
        CHECK(code_of([&] { load_directory(b); }) == errc::unsupported_version);
        p[0] = e == archive_encoding::binary ? 0 : '0';
        CHECK(code_of([&] { load_directory(frame(p, archive_content::directory, e)); }) == errc::malformed);
    }
}

TEST_CASE("a journal that does not replay, or a ledger record that does not hold, is refused", "[archive]") {
    fixtures::world w;
    const case_file c = w.drive_to(state::preparing);
    const case_file other = w.drive_to(state::referred);  // a case with no members
    const disclosure_ledger l = fixtures::full_ledger(w, c);
    // The ledger names members the other case does not have.
    CHECK(code_of([&] { load_ledger(save_archive(l), other, w.dir); }) == errc::malformed);
    // A directory without the practitioners the ledger's consents name.
    CHECK(code_of([&] { load_ledger(save_archive(l), c, agency_directory{}); }) == errc::malformed);
}

TEST_CASE("golden archives of every released format version still load", "[archive][golden]") {
    fixtures::world w;
    const case_file c = fixtures::full_case(w);
    const disclosure_ledger l = fixtures::full_ledger(w, c);
    for (const auto& g : goldens) {
        INFO(g.file);
        const bytes b = read_file(data_dir() + "/" + g.file);
        const archive_info info = inspect_archive(b.data(), b.size());
        CHECK(info.content == g.content);
        CHECK(info.format_version == 1);
        switch (g.content) {
        case archive_content::case_journal: {
            const case_file back = load_case(b);
            CHECK(back == c);
            CHECK(back.state() == state::closed);
            CHECK(save_archive(back, info.encoding) == b);  // this library writes the same bytes
            break;
        }
        case archive_content::ledger: {
            const disclosure_ledger back = load_ledger(b, c, w.dir);
            CHECK(back.audit().verify().ok);
            CHECK(back.audit().to_text() == l.audit().to_text());
            CHECK(save_archive(back, info.encoding) == b);
            break;
        }
        case archive_content::audit: CHECK(load_audit(b).verify().ok); break;
        case archive_content::directory: CHECK(load_directory(b).practitioners().size() == 4); break;
        }
    }
}

TEST_CASE("flipped and truncated golden archives give clear errors", "[archive][golden]") {
    fixtures::world w;
    const case_file c = fixtures::full_case(w);
    for (const auto& g : goldens) {
        INFO(g.file);
        const bytes b = read_file(data_dir() + "/" + g.file);
        // Any change to the archive as stored: the frame or checksum refuses it.
        for (std::size_t i = 0; i < b.size(); i += 1 + i / 64) {
            bytes x = b;
            x[i] ^= 0x5a;
            CHECK_FALSE(loads(x, w, c));
        }
        for (std::size_t n = 0; n < b.size(); n += 1 + n / 32) CHECK_FALSE(loads(bytes(b.begin(), b.begin() + static_cast<std::ptrdiff_t>(n)), w, c));
        // Changes behind a valid checksum reach the loader: it loads or refuses, never more.
        const bytes p = payload_of(b);
        const archive_info info = inspect_archive(b.data(), b.size());
        int refused = 0;
        for (std::size_t i = 0; i < p.size(); ++i)
            for (std::uint8_t v : {std::uint8_t{0x00}, std::uint8_t{0xff}, static_cast<std::uint8_t>(p[i] ^ 0x01)}) {
                bytes x = p;
                if (x[i] == v) continue;
                x[i] = v;
                refused += !loads(frame(x, info.content, info.encoding), w, c);
            }
        for (std::size_t n = 0; n < p.size(); n += 1 + n / 16)
            refused += !loads(frame(bytes(p.begin(), p.begin() + static_cast<std::ptrdiff_t>(n)), info.content, info.encoding), w, c);
        CHECK(refused > 0);
    }
}

// Writes the golden archives of the current format version. Run by hand,
// once per released format version:
//   SFCORE_GOLDEN_OUT=tests/data/v1 ./build/tests/sfcore_tests "[.write-golden]"
TEST_CASE("write the golden archives", "[.write-golden]") {
    const char* out = std::getenv("SFCORE_GOLDEN_OUT");
    REQUIRE(out);
    fixtures::world w;
    const case_file c = fixtures::full_case(w);
    const disclosure_ledger l = fixtures::full_ledger(w, c);
    const auto write = [out](const std::string& name, const bytes& b) {
        std::ofstream f(std::string(out) + "/" + name, std::ios::binary);
        f.write(reinterpret_cast<const char*>(b.data()), static_cast<std::streamsize>(b.size()));
        REQUIRE(f.good());
    };
    write("case.binary.sfa", save_archive(c, archive_encoding::binary));
    write("case.text.sfa", save_archive(c, archive_encoding::text));
    write("ledger.binary.sfa", save_archive(l, archive_encoding::binary));
    write("ledger.text.sfa", save_archive(l, archive_encoding::text));
    write("audit.binary.sfa", save_archive(l.audit(), archive_encoding::binary));
    write("directory.binary.sfa", save_archive(w.dir, archive_encoding::binary));
}

TEST_CASE("every input the fuzzer found, and the golden archives it starts from, load or give a clear error", "[archive][fuzz]") {
    static const fuzzing::context x;
    namespace fs = std::filesystem;
    int n = 0;
    for (const auto& dir : {data_dir() + "/v1", std::string(SFCORE_FUZZ_REGRESSIONS_DIR)})
        for (const auto& f : fs::directory_iterator(dir)) {
            INFO(f.path().string());
            const bytes b = read_file(f.path().string());
            CHECK_NOTHROW(fuzzing::load_any(x, b.data(), b.size()));
            ++n;
        }
    CHECK(n >= 6);
}

TEST_CASE("one event decoder reads event after event, and carries on after a damaged one", "[archive][store]") {
    // The store decodes a case's events with one reused archive.
    fixtures::world w;
    const case_file c = fixtures::full_case(w);
    std::vector<bytes> rows;
    for (const auto& e : c.journal()) rows.push_back(detail::encode_event(e));
    detail::event_decoder decoder;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        CAPTURE(i);
        CHECK(decoder.decode(rows[i].data(), rows[i].size()) == c.journal()[i]);
        bytes cut(rows[i].begin(), rows[i].end() - 1);
        CHECK(code_of([&] { decoder.decode(cut.data(), cut.size()); }) == errc::malformed);
        bytes longer = rows[i];
        longer.push_back(0);
        CHECK(code_of([&] { decoder.decode(longer.data(), longer.size()); }) == errc::malformed);
        // after each refusal, the next good event still reads as written
        CHECK(decoder.decode(rows[i].data(), rows[i].size()) == c.journal()[i]);
    }
    CHECK(code_of([&] { decoder.decode(nullptr, 3); }) == errc::null_argument);
}
