# The analyst's store: 250 sample cases in region.db, open as `store`, and the region of each coordinator.
import collections
import datetime

import sfcore
from sfcore import analysis, sample

d, families = sample.caseload(250, seed=4)
with sfcore.Store("region.db", durable=False) as seed:
    seed.put_directory(d)
    for f in families:
        seed.append(f.case, 0)
REGION = collections.defaultdict(lambda: "Tāmaki Makaurau")
store = sfcore.Store("region.db")
# @block
