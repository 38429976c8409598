"""Every enumeration is a Python IntEnum made from the same table as the C++ enum and the C ABI."""

import ctypes
import datetime
import enum
import os
import re
from pathlib import Path

import pytest

import sfcore

SOURCE = Path(os.environ.get("SFCORE_SOURCE_DIR", Path(__file__).resolve().parents[2]))

# The rows of sfcore/def/enumerations.def: (Python name, sf_enumeration number, C++ name, C value prefix, values table).
TABLE = [tuple(row) for row in sfcore._core._enumerations()]

# Every enumeration: the table's, and the three with tables of their own (errors, archives).
ENUMS = [getattr(sfcore, python) for python, *_ in TABLE] + [sfcore.ArchiveEncoding, sfcore.ArchiveContent, sfcore.ErrorCode]


def test_every_enumeration_is_an_int_enum_with_labels():
    for cls in ENUMS:
        assert issubclass(cls, enum.IntEnum)
        assert cls.__module__ == "sfcore"
        members = list(cls)
        assert members, cls
        for m in members:
            assert m.name == m.name.upper()
            assert isinstance(m.label, str) and m.label and m.label != "?"
            assert f"{m.name} = {int(m)}" in cls.__doc__
        assert len({m.label for m in members}) == len(members), cls  # every label says something of its own


def test_the_enumeration_table_is_every_enumeration_with_a_values_table():
    # One row for each enumeration the module has, less the three with tables of their own (errors, archives).
    module = {name for name, x in vars(sfcore._core).items() if isinstance(x, type) and issubclass(x, enum.IntEnum)}
    assert {python for python, *_ in TABLE} == module - {"ErrorCode", "ArchiveEncoding", "ArchiveContent"}
    numbers = [number for _, number, *_ in TABLE]
    assert numbers == sorted(set(numbers)) and 19 not in numbers  # in number order, none reused (19 was 0.1's)


def test_each_row_is_what_the_cxx_and_c_headers_declare():
    # Each enumeration's C++ enum and C typedef (written from the tables by scripts/gen_enums.py) declare
    # every value the module has, and the C enumerators carry the row's prefix: the table and the
    # headers cannot drift apart.
    cxx = (SOURCE / "include" / "sfcore" / "enum_tables.hpp").read_text()
    c = (SOURCE / "capi" / "sfcore" / "c" / "enum_types.h").read_text()
    for python, number, name, prefix, values in TABLE:
        assert (SOURCE / "include" / "sfcore" / "def" / values).is_file(), values
        block = re.search(r"enum class " + name + r" : std::uint8_t \{(.*?)\n\};", cxx, re.S)
        rows = re.search(r"enum_row<" + name + r"> " + name + r"_table\[\] = \{(.*?)\n\};", cxx, re.S)
        typedef = re.search(r"typedef enum sf_" + name + r" \{(.*?)\} sf_" + name + ";", c, re.S)
        assert block and rows and typedef, name
        for m in getattr(sfcore, python):
            assert f"    {m.name.lower()} = {int(m)}," in block.group(1), (name, m)
            assert f'{{{name}::{m.name.lower()}, "{m.name.lower()}", "{m.label}"}}' in rows.group(1), (name, m)
            assert f"    {prefix}{m.name} = {int(m)}," in typedef.group(1), (name, m)
        assert prefix == "SF_" + name.upper() + "_", (name, prefix)  # one rule for every C value's name


def test_values_are_the_c_abi_values(c_library):
    # sf_enum_name(out, enumeration, value) names every value of every enumeration of the table.
    name = ctypes.c_char_p()
    for cls_name, number, *_ in TABLE:
        members = list(getattr(sfcore, cls_name))
        for m in members:
            assert c_library.sf_enum_name(ctypes.byref(name), number, int(m)) == 0
            assert name.value.decode().upper() == m.name
        # and nothing beyond them
        assert c_library.sf_enum_name(ctypes.byref(name), number, max(int(m) for m in members) + 1) != 0
    assert c_library.sf_enum_name(ctypes.byref(name), max(n for _, n, *_ in TABLE) + 1, 0) != 0


def test_each_event_type_has_the_kind_its_table_row_gives():
    # The kind is the fifth column of events.def; the access records are the five the library writes.
    access = {t for t in sfcore.EventType if sfcore.kind_of(t) == sfcore.EventKind.ACCESS}
    assert access == {sfcore.EventType.DISCLOSURE_DECIDED, sfcore.EventType.VIEW_SHOWN,
                      sfcore.EventType.LEGACY_AUDIT_IMPORTED, sfcore.EventType.IDENTIFIED_EXTRACT,
                      sfcore.EventType.CASE_DISPOSED}
    assert sfcore.kind_of(sfcore.EventType.PLAN_AGREED) == sfcore.EventKind.LIFECYCLE
    assert sfcore.kind_of(sfcore.EventType.SHARING_CONSENT_GIVEN) == sfcore.EventKind.DISCLOSURE


def test_an_argument_takes_a_member_its_value_or_its_name():
    d = sfcore.AgencyDirectory()
    a = d.add("Trust A", sfcore.AgencyKind.NGO)
    b = d.add("Trust B", 1)
    c = d.add("Trust C", "ngo")
    e = d.add("Trust D", "NGO")
    assert {d[x].kind for x in (a, b, c, e)} == {sfcore.AgencyKind.NGO}


def test_a_wrong_value_name_or_enumeration_is_refused():
    d = sfcore.AgencyDirectory()
    with pytest.raises(sfcore.ArgumentError) as e:
        d.add("Trust", 99)
    assert e.value.code == sfcore.ErrorCode.INVALID_ARGUMENT
    assert "unknown agency kind 99" in str(e.value)
    with pytest.raises(sfcore.ArgumentError):
        d.add("Trust", "charity")
    with pytest.raises(TypeError):  # a member of another enumeration is not an agency kind
        d.add("Trust", sfcore.State.CLOSED)
    with pytest.raises(TypeError):
        d.add("Trust", True)
    with pytest.raises(TypeError):
        d.add("Trust", 1.0)


def test_a_category_of_another_enumeration_is_refused_not_read_as_its_number(world):
    world.share()
    assert world.ask(category=sfcore.Category.HOUSING)
    with pytest.raises(TypeError, match="a category is a Category, its name or a number, not Purpose"):
        world.ask(category=sfcore.Purpose.MEETING)  # Purpose.MEETING == 0, which is a category's number too
    with pytest.raises(TypeError):
        world.record(sfcore.NecessityAdjusted(category=sfcore.State.CLOSED, widen=True))


def test_yes_or_no_is_true_or_false_never_none_or_a_number():
    import math

    d = sfcore.AgencyDirectory()
    for wrong in (None, 1, 0, math.nan, "yes"):
        with pytest.raises(TypeError):
            d.add("Trust", child_welfare=wrong)
        with pytest.raises(TypeError):
            sfcore.Member(name="Hine", participating=wrong)
        with pytest.raises(TypeError):
            sfcore.ReferralAccepted(by_panel=wrong)
    m = sfcore.Member(name="Hine")
    with pytest.raises(TypeError):
        m.participating = None
    m.participating = False
    assert m.participating is False
    meeting = sfcore.Meeting(start=datetime.datetime(2026, 4, 1, 9, tzinfo=datetime.timezone.utc), venue="marae",
                             karakia=True)
    with pytest.raises(TypeError):
        meeting.mihi = 1
    meeting.mihi = True
    assert (meeting.karakia, meeting.mihi) == (True, True)
    accepted = sfcore.ReferralAccepted(by_panel=True)
    accepted.by_panel = False
    assert accepted.by_panel is False


def test_enumerations_pickle_and_compare_as_ints():
    import pickle

    assert pickle.loads(pickle.dumps(sfcore.State.PLAN_ACTIVE)) is sfcore.State.PLAN_ACTIVE
    assert sfcore.State.PLAN_ACTIVE == int(sfcore.State.PLAN_ACTIVE)
    assert sfcore.State.PLAN_ACTIVE.label == "plan active"
    assert repr(sfcore.Category.HOUSING) == "<Category.HOUSING: 6>"


def test_the_generated_declarations_follow_the_tables(tmp_path):
    # scripts/gen_enums.py writes the C++ enums and the C typedefs from the tables: a changed label is
    # found stale by --check (the test the build runs), and is in both headers once they are written again.
    import shutil
    import subprocess
    import sys

    for rel in ("include/sfcore/def", "scripts"):
        shutil.copytree(SOURCE / rel, tmp_path / rel)
    for rel in ("include/sfcore/enum_tables.hpp", "capi/sfcore/c/enum_types.h"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SOURCE / rel, tmp_path / rel)
    gen = [sys.executable, str(tmp_path / "scripts" / "gen_enums.py")]
    assert subprocess.run(gen + ["--check", str(tmp_path)]).returncode == 0

    states = tmp_path / "include/sfcore/def/states.def"
    states.write_text(states.read_text().replace('"plan active"', '"plan in action"'))
    stale = subprocess.run(gen + ["--check", str(tmp_path)], capture_output=True, text=True)
    assert stale.returncode == 1
    assert "include/sfcore/enum_tables.hpp" in stale.stdout and "capi/sfcore/c/enum_types.h" in stale.stdout
    assert '"plan active"' in (tmp_path / "include/sfcore/enum_tables.hpp").read_text()  # --check writes nothing

    subprocess.run(gen + [str(tmp_path)], check=True, capture_output=True)
    assert subprocess.run(gen + ["--check", str(tmp_path)]).returncode == 0
    assert '{state::plan_active, "plan_active", "plan in action"}' in (tmp_path / "include/sfcore/enum_tables.hpp").read_text()
    assert "SF_STATE_PLAN_ACTIVE = 5, /**< plan in action */" in (tmp_path / "capi/sfcore/c/enum_types.h").read_text()

    # A row with a column missing is refused by name, not written half.
    table = tmp_path / "include/sfcore/def/enumerations.def"
    table.write_text(table.read_text().replace('"Where a case is in its lifecycle.", "0.1.0", "", "")', '"Where a case is in its lifecycle.")'))
    bad = subprocess.run(gen + [str(tmp_path)], capture_output=True, text=True)
    assert bad.returncode != 0 and "not 11" in bad.stderr
