"""The fault suite (issue 14): `make chaos` runs it in full, `test_faults.py` the CI-sized subset."""
