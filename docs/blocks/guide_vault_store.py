# @context guide_vault
# The guide's encrypted case in Python, kept in a store: for the fragments that use the store and the case.
store = sfcore.Store("cases.db", key_provider=vault.key, key_id="2026-12")
case = sfcore.Case.open(case_id=7, directory=d, referral=r, recorded_by="mere", recorded_at=now, encrypted=True)
store.append(case, 0)
# @block
