"""HL7 FHIR R4 from Python: every exported resource validates against the official FHIR R4 JSON schema
(tests/data/fhir, see its README) and the Te Whatu Ora Consent profile's constraints that apply; the consent
examples published with FHIR R4 are imported where sfcore can represent them, each refusal names its
element, and the decisions agree with what each example's narrative says."""

import copy
import datetime
import json
import pathlib

import jsonschema
import pytest

import sfcore

DATA = pathlib.Path(__file__).resolve().parent.parent / "data" / "fhir"


@pytest.fixture(scope="module")
def schema():
    return json.loads((DATA / "fhir.schema.json").read_text(encoding="utf-8"))


def validator(schema, definition):
    """A validator for one of the schema's definitions (the whole schema is one oneOf over every resource)."""
    return jsonschema.Draft6Validator({"$ref": f"#/definitions/{definition}", "definitions": schema["definitions"]})


def check_te_whatu_ora_consent(resource):
    """The constraints of Te Whatu Ora's Consent profile that apply: provision type, provision period start,
    at least one action, at least one policy."""
    assert resource.get("policy"), "at least one policy"
    base = resource["provision"]
    assert base["period"]["start"]
    assert base.get("action"), "at least one action"

    def walk(p):
        assert p["type"] in ("deny", "permit")
        assert p["period"]["start"]
        assert p.get("action")
        for q in p.get("provision", []):
            walk(q)

    walk(base)


@pytest.fixture
def shared(world):
    """A case with every kind of fact the exports carry: consents (one given for the child by the adult), a
    withdrawal from one recipient, a confidential mark, a whole withdrawal, decisions, a view, a sharing under
    the law and a declined request."""
    w = world.share()
    assert w.record(sfcore.SharingConsentGiven(
        subject=w.child, given_by=w.adult, recipients=[w.agency(w.moe)], categories=[sfcore.Category.EDUCATION],
        purposes=[sfcore.Purpose.MEETING], valid_from=datetime.date(2026, 3, 1), valid_until=datetime.date(2026, 9, 30),
        signed_on=datetime.date(2026, 3, 2), form_version="SF consent 2026 (child)", child_views="only about school"))
    assert w.record(sfcore.SharingConsentWithdrawn(subject=w.adult, recipient=w.dir.practitioner(w.sam)))
    assert w.record(sfcore.ConfidentialMarked(subject=w.adult, category=sfcore.Category.HOUSING))
    w.ask(decide=True)                                      # refused: housing is confidential
    w.ask(category="education", decide=True)                # permitted
    w.case.view([sfcore.InfoItem(subjects=[w.adult], category=sfcore.Category.EDUCATION, content="left school at 15")], directory=w.dir,
                recipient=w.agency(w.msd), purpose=sfcore.Purpose.MEETING, at=w.tick(), actor="worker")
    assert w.record(sfcore.SharedWithoutConsent(
        subjects=[w.child], category=sfcore.Category.CHILD_PROTECTION, description="attendance record",
        discloser=w.agency(w.moe), recipient=w.agency(w.police), basis=sfcore.LegalBasis.OT_S66,
        requested_by="Constable Rewi", requester_role=sfcore.S66Requester.CONSTABLE, purpose="a report of concern",
        approver="Principal", necessity="the request names it", not_told_reason="it could put the child at risk"))
    assert w.record(sfcore.RequestDeclined(requester=w.agency(w.police), subjects=[w.adult], category="health",
                                           basis=sfcore.LegalBasis.OT_S66, reasons=["not held"], decided_by="Principal"))
    assert w.record(sfcore.SharingConsentWithdrawn(subject=w.child))
    return w


def test_every_exported_resource_validates_against_the_official_r4_schema_and_the_nz_profile(shared, schema):
    w = shared
    consent, bundle, audit = validator(schema, "Consent"), validator(schema, "Bundle"), validator(schema, "AuditEvent")
    for number in (1, 2):
        r = w.case.fhir_consent(number, directory=w.dir, links={"nhi": {str(int(w.adult)): "ZAC5361"}})
        consent.validate(r)
        check_te_whatu_ora_consent(r)
    first = w.case.fhir_consent(1, directory=w.dir)
    assert first["status"] == "active"
    assert first["provision"]["provision"][0]["code"][0]["coding"][0]["system"] == sfcore.FHIR_BASE + "/CodeSystem/category"
    assert w.case.fhir_consent(2, directory=w.dir)["status"] == "inactive"
    for member in (w.adult, w.child):
        b = w.case.fhir_consents(member, directory=w.dir)
        bundle.validate(b)
        for e in b["entry"]:
            consent.validate(e["resource"])
    events = w.case.fhir_audit_events(directory=w.dir)
    bundle.validate(events)
    kinds = [e["resource"]["subtype"][0]["code"] for e in events["entry"]]
    assert kinds == ["disclosure_decided", "disclosure_decided", "view_shown", "shared_without_consent", "request_declined"]
    for e in events["entry"]:
        audit.validate(e["resource"])

    # The validator is not a formality: it refuses what R4 does not allow.
    bad = w.case.fhir_consent(1, directory=w.dir)
    bad["status"] = "approved"
    with pytest.raises(jsonschema.ValidationError):
        consent.validate(bad)
    bad = w.case.fhir_consent(1, directory=w.dir)
    bad["provision"]["provision"][0]["period"]["start"] = "1 March 2026"
    with pytest.raises(jsonschema.ValidationError):
        consent.validate(bad)


def test_a_consent_goes_out_and_comes_back_with_the_same_decisions(shared):
    w = shared
    other = type(w)()  # the same family, in a new case with the same id
    assert other.case.id == w.case.id
    assert other.record(sfcore.IssueAreasSet([sfcore.IssueArea.HOUSING, sfcore.IssueArea.EDUCATION]))
    at = w.tick()
    assert other.case.import_fhir_consents(w.case.fhir_consent(1, directory=w.dir), directory=other.dir,
                                           who="importer", when=at) == [1]
    later = at + datetime.timedelta(seconds=1)
    child = w.case.fhir_consent(2, directory=w.dir, links={"child_views": True})
    assert other.case.import_fhir_consents(json.dumps(child), directory=other.dir, who="importer", when=later) == [2]
    for category in ("housing", "education"):
        for recipient in (w.agency(w.msd), w.dir.practitioner(w.sam), w.agency(w.moe)):
            for subject in (w.adult, w.child):
                ask = dict(discloser=w.agency(w.moe), subjects=subject, category=category, recipient=recipient,
                           purpose=sfcore.Purpose.MEETING, at=later + datetime.timedelta(days=3))
                a = w.case.check(directory=w.dir, **ask)
                b = other.case.check(directory=other.dir, **ask)
                assert (a.permit, a.rule, a.consent) == (b.permit, b.rule, b.consent)


def test_refusals_name_the_element_and_append_nothing(shared):
    w = shared
    r = w.case.fhir_consent(1, directory=w.dir)
    r["provision"]["provision"][0]["data"] = [{"meaning": "related", "reference": {"reference": "Task/1"}}]
    before = w.case.version
    with pytest.raises(sfcore.ConsentError, match=r"provision\.provision\[0\]\.data"):
        w.case.import_fhir_consents(r, directory=w.dir, who="importer", when=w.tick())
    with pytest.raises(sfcore.StorageError, match="not JSON"):
        w.case.import_fhir_consents("{", directory=w.dir, who="importer", when=w.tick())
    with pytest.raises(sfcore.StorageError, match="resourceType"):
        w.case.import_fhir_consents({"resourceType": "Patient"}, directory=w.dir, who="importer", when=w.tick())
    with pytest.raises(TypeError):
        w.case.import_fhir_consents(42, directory=w.dir, who="importer", when=w.tick())
    with pytest.raises(sfcore.ArgumentError):
        w.case.fhir_consent(1, directory=w.dir, links={"nhi": {"1": "ZAC5362"}})
    assert w.case.version == before


# ---- the consent examples published with FHIR R4 (hl7.fhir.r4.examples 4.0.1) ----------------------------

# What each example's narrative asks for, and the element sfcore refuses it at. sfcore's model is opt-in to
# named recipients (refusal is the default): an opt-out policy, a base provision that does not say permit or
# deny (the examples use it both to grant and to withhold), and restrictions by data item, author or resource
# type cannot be represented exactly, so none of the twelve is imported.
# (id, the element refused, the narrative's answer to sharing with its recipient: True to share, False to withhold)
EXAMPLES = {
    "consent-example-basic": ("provision.type", True),        # "all of the PHI ... available for normal treatment use"
    "consent-example-Emergency": ("policyRule", False),       # withhold from a hospital except emergency treatment
    "consent-example-grantor": ("policyRule", True),          # read-only access for a representative
    "consent-example-notAuthor": ("provision.type", False),   # withhold records authored by an organisation
    "consent-example-notOrg": ("provision.actor", False),     # withhold from one organisation
    "consent-example-notThem": ("provision.type", False),     # withhold from one practitioner (an ex-spouse)
    "consent-example-notThis": ("provision.data", False),     # withhold one record
    "consent-example-notTime": ("provision.type", False),     # withhold for a period
    "consent-example-Out": ("policyRule", False),             # withhold everything
    "consent-example-pkb": ("policyRule", True),              # share with labelled exceptions
    "consent-example-signature": ("provision.type", True),    # a signed notice: share discharge summaries
    "consent-example-smartonfhir": ("provision.type", True),  # 30 minutes' access to medication requests
}


def example_links(w):
    people = {ref: {"member": int(w.adult)} for ref in
              ("Patient/f001", "Patient/72", "Patient/xcda", "Patient/example", "RelatedPerson/peter")}
    orgs = {"Organization/f001": {"agency": int(w.msd)}}
    workers = {ref: {"practitioner": int(w.sam)} for ref in
               ("Practitioner/f204", "Practitioner/13", "Practitioner/xcda-author")}
    return {"references": {**people, **orgs, **workers},
            "codes": {"http://loinc.org|34133-9": "health", "http://loinc.org|18842-5": "health"}}


def test_the_published_r4_consent_examples_are_refused_naming_the_element_and_decide_on_the_safe_side(world, schema):
    w = world
    assert w.record(sfcore.IssueAreasSet([sfcore.IssueArea.HEALTH]))
    files = sorted((DATA / "examples").glob("Consent-*.json"))
    assert len(files) == len(EXAMPLES) == 12
    links = example_links(w)
    consent = validator(schema, "Consent")
    # The recipient each narrative is about, mapped as the links map it (the organisation f001 is MSD here,
    # its practitioners Sam Wilson).
    recipient = w.agency(w.msd)
    agrees = 0
    for f in files:
        resource = json.loads(f.read_text(encoding="utf-8"))
        consent.validate(resource)  # the examples are valid R4
        element, narrative_shares = EXAMPLES[resource["id"]]
        before = w.case.version
        with pytest.raises((sfcore.ConsentError, sfcore.ArgumentError)) as refused:
            w.case.import_fhir_consents(resource, directory=w.dir, who="importer", when=w.tick(), links=links)
        assert f": {element}: " in str(refused.value), (resource["id"], str(refused.value))
        assert w.case.version == before
        # Nothing was recorded, so sfcore shares nothing: what the withholding narratives ask for, and the safe
        # side of the ones that would share.
        d = w.ask(category="health", recipient=recipient)
        assert not d.permit and d.rule == sfcore.DecisionRule.NO_CONSENT
        agrees += d.permit == narrative_shares
    assert agrees == sum(not shares for _, shares in EXAMPLES.values()) == 7


def test_the_guide_shows_what_the_library_exports(world):
    """docs/fhir.md's exported consent is this scenario's output, exactly."""
    w = world
    assert w.record(sfcore.IssueAreasSet([sfcore.IssueArea.HOUSING, sfcore.IssueArea.EDUCATION]))
    assert w.record(w.consent(purposes=[sfcore.Purpose.MEETING, sfcore.Purpose.PLAN_DELIVERY], categories=["housing"]))
    assert w.record(sfcore.SharingConsentWithdrawn(subject=w.adult, recipient=w.dir.practitioner(w.sam)))
    assert w.record(sfcore.ConfidentialMarked(subject=w.adult, category=sfcore.Category.MENTAL_HEALTH))
    page = (DATA.parent.parent.parent / "docs" / "fhir.md").read_text(encoding="utf-8")
    shown = page.split("## An exported consent", 1)[1].split("```json\n", 1)[1].split("```", 1)[0]
    assert json.loads(shown) == w.case.fhir_consent(1, directory=w.dir, links={"nhi": {"1": "ZAC5361"}})
