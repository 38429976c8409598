// A family's case through sfcore's C ABI from Rust: `extern "C"`, no crates.
// Built and run by the tests (examples/CMakeLists.txt) with Debian's rustc.
use std::ffi::{CStr, CString};
use std::os::raw::{c_char, c_int, c_void};
use std::ptr;

#[repr(C)]
#[derive(Clone, Copy)]
struct Recipient {
    agency_id: u32,
    practitioner_id: u32,
}

#[repr(C)]
struct Outcome {
    accepted: c_int,
    guard: c_int,
    from_state: c_int,
    to_state: c_int,
    assigned: u32,
    reason: *const c_char,
    seq: u64,
    missing: *const c_char,
}

#[repr(C)]
struct Consent {
    subject: u32,
    given_by: u32,
    recipients: *const Recipient,
    recipient_count: usize,
    categories: u64,
    purposes: u32,
    from: i32,
    until: i32,
    signed_on: i32,
    form_version: *const c_char,
    child_views: *const c_char,
}

#[repr(C)]
struct Request {
    discloser: Recipient,
    subjects: *const u32,
    subject_count: usize,
    category: c_int,
    recipient: Recipient,
    purpose: c_int,
    at: i64,
}

#[repr(C)]
struct Decision {
    permit: c_int,
    rule: c_int,
    subject: u32,
    consent: u32,
    seq: u64,
}

#[link(name = "sfcore_c")]
extern "C" {
    fn sf_version_string() -> *const c_char;
    fn sf_error_last() -> *const c_char;
    fn sf_free(p: *mut c_void);
    fn sf_directory_new(out: *mut *mut c_void) -> c_int;
    fn sf_directory_free(d: *mut c_void);
    fn sf_referral_new(out: *mut *mut c_void, source: c_int, received: i32, family: *const c_char) -> c_int;
    fn sf_referral_free(r: *mut c_void);
    fn sf_case_open(out: *mut *mut c_void, dir: *const c_void, id: u64, r: *const c_void, who: *const c_char, at: i64) -> c_int;
    fn sf_case_free(c: *mut c_void);
    fn sf_case_accept_referral(o: *mut Outcome, c: *mut c_void, d: *const c_void, who: *const c_char, at: i64, panel: c_int, note: *const c_char) -> c_int;
    fn sf_case_add_member(o: *mut Outcome, c: *mut c_void, d: *const c_void, who: *const c_char, at: i64, name: *const c_char, role: c_int, born: i32, participating: c_int) -> c_int;
    fn sf_case_record_consent(o: *mut Outcome, c: *mut c_void, d: *const c_void, who: *const c_char, at: i64, member: u32, signed: i32, form: *const c_char, given_by: u32, views: *const c_char) -> c_int;
    fn sf_case_close(o: *mut Outcome, c: *mut c_void, d: *const c_void, who: *const c_char, at: i64) -> c_int;
    fn sf_case_state(out: *mut c_int, c: *const c_void) -> c_int;
    fn sf_enum_name(out: *mut *const c_char, enumeration: c_int, value: c_int) -> c_int;
    fn sf_case_set_issue_areas(o: *mut Outcome, c: *mut c_void, d: *const c_void, who: *const c_char, at: i64, areas: *const c_int, n: usize) -> c_int;
    fn sf_case_give_sharing_consent(o: *mut Outcome, c: *mut c_void, d: *const c_void, who: *const c_char, at: i64, k: *const Consent) -> c_int;
    fn sf_case_decide(out: *mut Decision, c: *mut c_void, d: *const c_void, r: *const Request, actor: *const c_char) -> c_int;
    fn sf_case_explain(out: *mut *mut c_char, c: *const c_void, seq: u64) -> c_int;
    fn sf_decision_reason(out: *mut *mut c_char, c: *const c_void, d: *const Decision) -> c_int;
    fn sf_case_event_count(out: *mut usize, c: *const c_void) -> c_int;
    fn sf_case_save(data: *mut *mut u8, size: *mut usize, c: *const c_void, encoding: c_int, key: *const c_void) -> c_int;
    fn sf_case_load(out: *mut *mut c_void, data: *const u8, size: usize, keys: *const c_void, key_count: usize) -> c_int;
}

const T0: i64 = 1772395200; // 2026-03-02 09:00 in Auckland
const MSD: u32 = 1;
const POLICE: u32 = 12;
const HOUSING: c_int = 6;
const MEETING: c_int = 1;
const ENUM_STATE: c_int = 1;
const ENUM_GUARD: c_int = 3;

fn check(rc: c_int, what: &str) {
    if rc != 0 {
        let why = unsafe { CStr::from_ptr(sf_error_last()) }.to_string_lossy().into_owned();
        panic!("{} failed ({}): {}", what, rc, why);
    }
}

fn s(text: &str) -> CString {
    CString::new(text).unwrap()
}

fn name(enumeration: c_int, value: c_int) -> String {
    let mut p: *const c_char = ptr::null();
    check(unsafe { sf_enum_name(&mut p, enumeration, value) }, "sf_enum_name");
    unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
}

// A text the library allocated, as a String (freed).
fn take(p: *mut c_char) -> String {
    let text = unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned();
    unsafe { sf_free(p as *mut c_void) };
    text
}

fn explain(case: *const c_void, d: &Decision) -> String {
    let mut p: *mut c_char = ptr::null_mut();
    check(unsafe { sf_case_explain(&mut p, case, d.seq) }, "sf_case_explain");
    take(p)
}

fn told(case: *const c_void, d: &Decision) -> String {
    let mut p: *mut c_char = ptr::null_mut();
    check(unsafe { sf_decision_reason(&mut p, case, d) }, "sf_decision_reason");
    take(p)
}

fn main() {
    let version = unsafe { CStr::from_ptr(sf_version_string()) }.to_string_lossy().into_owned();
    let who = s("coordinator");
    let mut out = Outcome {
        accepted: 0, guard: 0, from_state: 0, to_state: 0, assigned: 0, reason: ptr::null(), seq: 0, missing: ptr::null(),
    };
    unsafe {
        let (mut dir, mut referral, mut case, mut back) = (ptr::null_mut(), ptr::null_mut(), ptr::null_mut(), ptr::null_mut());
        check(sf_directory_new(&mut dir), "sf_directory_new");
        check(sf_referral_new(&mut referral, 1, 20260302, s("Te Rangi whānau").as_ptr()), "sf_referral_new");
        check(sf_case_open(&mut case, dir, 1, referral, who.as_ptr(), T0), "sf_case_open");
        check(sf_case_accept_referral(&mut out, case, dir, who.as_ptr(), T0 + 3600, 0, ptr::null()), "accept");
        check(sf_case_add_member(&mut out, case, dir, who.as_ptr(), T0 + 3600, s("Hine Te Rangi").as_ptr(), 0, 19880514, 1), "member");
        check(sf_case_record_consent(&mut out, case, dir, who.as_ptr(), T0 + 7200, 1, 20260302, s("SF-2024").as_ptr(), 0, ptr::null()), "consent");
        check(sf_case_close(&mut out, case, dir, who.as_ptr(), T0 + 7200), "close");
        let reason = CStr::from_ptr(out.reason).to_string_lossy().into_owned();
        println!("Rust   | sfcore {}: closing an open case is refused [{}]: {}", version, name(ENUM_GUARD, out.guard), reason);
        assert_eq!(out.accepted, 0);

        let housing_issue: c_int = 1;
        check(sf_case_set_issue_areas(&mut out, case, dir, who.as_ptr(), T0 + 3 * 3600, &housing_issue, 1), "issue areas");
        let msd = [Recipient { agency_id: MSD, practitioner_id: 0 }];
        let form = s("SF-consent-2024");
        let consent = Consent {
            subject: 1, given_by: 1, recipients: msd.as_ptr(), recipient_count: 1, categories: 1 << HOUSING,
            purposes: 1 << MEETING, from: 20260101, until: 20261231, signed_on: 20260302, form_version: form.as_ptr(),
            child_views: ptr::null(),
        };
        check(sf_case_give_sharing_consent(&mut out, case, dir, who.as_ptr(), T0 + 3 * 3600, &consent), "consent to share");
        assert_eq!((out.accepted, out.assigned), (1, 1));
        let hine = [1u32];
        let mut request = Request {
            discloser: msd[0], subjects: hine.as_ptr(), subject_count: 1, category: HOUSING, recipient: msd[0],
            purpose: MEETING, at: T0 + 86400,
        };
        let mut d = Decision { permit: 0, rule: 0, subject: 0, consent: 0, seq: 0 };
        check(sf_case_decide(&mut d, case, dir, &request, s("msd-worker").as_ptr()), "decide");
        println!("Rust   | MSD asks for Hine's housing: {}", explain(case, &d));
        assert_eq!(d.permit, 1);
        request.recipient = Recipient { agency_id: POLICE, practitioner_id: 0 };
        check(sf_case_decide(&mut d, case, dir, &request, s("constable").as_ptr()), "decide");
        println!("Rust   | Police ask for it: {}", explain(case, &d));
        println!("Rust   | and are told: {}", told(case, &d));
        assert_eq!(d.permit, 0);

        let (mut data, mut size) = (ptr::null_mut(), 0usize);
        check(sf_case_save(&mut data, &mut size, case, 1, ptr::null()), "sf_case_save");
        check(sf_case_load(&mut back, data, size, ptr::null(), 0), "sf_case_load");
        let (mut state, mut entries): (c_int, usize) = (-1, 0);
        check(sf_case_state(&mut state, back), "sf_case_state");
        check(sf_case_event_count(&mut entries, back), "sf_case_event_count");
        println!("Rust   | archive of {} bytes loaded back: state {}, {} journal entries (the decisions among them)",
                 size, name(ENUM_STATE, state), entries);
        assert_eq!(entries, 8);
        sf_free(data as *mut c_void);
        sf_case_free(back);
        sf_case_free(case);
        sf_referral_free(referral);
        sf_directory_free(dir);
    }
}
