# The README's two commands are `make demo` and `make test`. Each installs the
# Debian packages it needs (only the missing ones), configures and builds.
# Each build kind is a preset of CMakePresets.json (dev, asan, tsan, bench,
# fuzz, release); this file only runs them: `cmake --preset asan` alone
# configures the same build.

BUILD      ?= build
ASAN_BUILD ?= build-asan
TSAN_BUILD ?= build-tsan
BENCH_BUILD ?= build-bench
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
VENV       ?= .venv
PYTHON     ?= /usr/bin/python3
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_ARGS ?=

MAKEFLAGS += --no-print-directory

# $(call new_store,PATH...): remove each SQLite store PATH and its -wal and -shm files (the examples never replace one).
new_store = rm -f $(foreach f,$(1),$(f) $(f)-wal $(f)-shm)

# $(call preset,NAME,DIR): configure DIR from preset NAME, its log in DIR.configure.log (shown when it fails).
preset = cmake --preset $(1) -B $(2) -DPython_EXECUTABLE=$(PYTHON) $(CMAKE_ARGS) > $(2).configure.log 2>&1 \
	  || (cat $(2).configure.log; exit 1)

.PHONY: all deps configure build demo example-c example-python report test test-cpp venv test-venv docs enums stubs test-asan test-tsan bench fuzz mutants abi-baseline clean

all: build

deps:
	@scripts/deps.sh

configure: deps
	@$(call preset,dev,$(BUILD))

build: configure
	cmake --build $(BUILD) -j $(JOBS)

## demo: a family's case, walked through in C++, C (and Rust) through the C ABI, and Python.
demo: build
	@$(call new_store,$(foreach f,demo-cases demo-cases-c demo-cases-py,$(BUILD)/$(f).db))
	@echo "== C++: a family's whole case =="
	@$(BUILD)/examples/sfcore_example_cpp $(BUILD)/demo-cases.db
	@echo; echo "== C, Rust and Python: the same library through the C ABI and the Python module =="
	@$(BUILD)/examples/sfcore_example_c $(BUILD)/demo-cases-c.db
	@if [ -x $(BUILD)/examples/sfcore_example_rust ]; then $(BUILD)/examples/sfcore_example_rust; fi
	@PYTHONPATH=$(BUILD)/python $(PYTHON) examples/python/walkthrough.py $(BUILD)/demo-cases-py.db

## example-c, example-python, report: the tutorials page's whole programs, each on a new store under build/.
example-c: build
	@$(call new_store,$(BUILD)/example-c.db)
	$(BUILD)/examples/sfcore_example_c $(BUILD)/example-c.db

example-python: venv
	@$(call new_store,$(BUILD)/example-python.db)
	$(VENV)/bin/python examples/python/walkthrough.py $(BUILD)/example-python.db

report: venv
	@rm -rf $(BUILD)/report
	$(VENV)/bin/python examples/python/analyst_report.py $(BUILD)/report

## test: every test (C++, C, Python, examples, packaging), the pip install and the docs build, then every
## command the README and the docs show (their ```sh blocks marked `here`), run in this directory as shown.
test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)
	$(MAKE) --no-print-directory test-venv docs
	$(PYTHON) scripts/doc_blocks.py here . "make test" README.md $(sort $(wildcard docs/*.md))

# The Python package as an integrator installs it: pip, offline, into .venv.
venv: deps
	@test -x $(VENV)/bin/python || $(PYTHON) -m venv --system-site-packages $(VENV)
	$(VENV)/bin/pip install --no-build-isolation --no-index --quiet .

test-venv: venv
	cd tests && SFCORE_C_LIBRARY=$(abspath $(BUILD))/libsfcore_c.so SFCORE_SOURCE_DIR=$(CURDIR) \
	  ../$(VENV)/bin/python -m pytest -q -p no:cacheprovider python
	$(VENV)/bin/python -c "import sfcore; print('import sfcore:', sfcore.__version__, sfcore.__file__)"

## enums: write the enumerations' C++ and C declarations from the tables of include/sfcore/def/ (a test checks them).
enums:
	$(PYTHON) scripts/gen_enums.py

## stubs: write python/sfcore/_core.pyi from the built module (after changing the bindings; a test checks it).
stubs: build
	PYTHONPATH=$(BUILD)/python $(PYTHON) scripts/gen_stubs.py python/sfcore/_core.pyi

## docs: the Doxygen reference and guide (warnings are errors) in build/docs/html.
docs: configure
	cmake --build $(BUILD) --target docs

## test-asan: the same tests under AddressSanitizer and UndefinedBehaviorSanitizer.
test-asan: deps
	@$(call preset,asan,$(ASAN_BUILD))
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	ctest --test-dir $(ASAN_BUILD) --output-on-failure -j $(JOBS)

## test-tsan: the concurrency tests (C++ shared_case, bulk decisions, C threads) under ThreadSanitizer (build-tsan/).
test-tsan: deps
	@$(call preset,tsan,$(TSAN_BUILD))
	cmake --build $(TSAN_BUILD) -j $(JOBS) --target sfcore_tests sfcore_capi_case_tests
	TSAN_OPTIONS=halt_on_error=1 SFCORE_CONCURRENCY_ROUNDS=2000 $(TSAN_BUILD)/tests/sfcore_tests "[concurrency],[bulk]"
	cd $(TSAN_BUILD)/tests && TSAN_OPTIONS=halt_on_error=1 ./sfcore_capi_case_tests

## bench: the benchmarks, in an optimised build (build-bench/): C++ (Google Benchmark) and Python (bench/python_bench.py);
## results in build-bench/bench.json, build-bench/python-bench.json and docs/performance.md.
bench: deps
	@$(call preset,bench,$(BENCH_BUILD))
	cmake --build $(BENCH_BUILD) -j $(JOBS) --target sfcore_bench _core
	bash scripts/test-postgres.sh start /tmp/sfcore-pg-bench > $(BENCH_BUILD)/postgres.conninfo
	SFCORE_BENCH_POSTGRES="$$(cat $(BENCH_BUILD)/postgres.conninfo)" $(BENCH_BUILD)/bench/sfcore_bench \
	  --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
	  --benchmark_out=$(BENCH_BUILD)/bench.json --benchmark_out_format=json; \
	  status=$$?; bash scripts/test-postgres.sh stop /tmp/sfcore-pg-bench; exit $$status
	PYTHONPATH=$(BENCH_BUILD)/python $(PYTHON) bench/python_bench.py $(BENCH_BUILD)/python-bench.json
	$(PYTHON) scripts/bench_report.py $(BENCH_BUILD)/bench.json docs/performance.md $(BENCH_BUILD)/python-bench.json
	@echo "wrote docs/performance.md"

## mutants: mutation testing (scripts/mutants.py): each deliberate mistake in the rules applied alone to a copy
## of the tree (build-mutants/), rebuilt and tested; fails naming any mutant the tests do not kill.
## MUTANTS_SAMPLE=N runs N of them, spread over the list.
mutants: deps
	$(PYTHON) scripts/mutants.py $(if $(MUTANTS_SAMPLE),--sample $(MUTANTS_SAMPLE))

## fuzz: the archive loaders, then the JSON readers (FHIR and event payloads), under libFuzzer (clang-14, ASan + UBSan) for FUZZ_SECONDS (60) each,
## from the golden archives, the published FHIR examples and tests/fuzz/payloads.
## A crash is saved in $(FUZZ_BUILD)/crashes/: copy it to tests/fuzz/regressions/archive/ (or fhir/) and the tests replay it for ever.
fuzz: deps
	@$(call preset,fuzz,$(FUZZ_BUILD))
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target sfcore_fuzz_archive sfcore_fuzz_fhir
	@mkdir -p $(FUZZ_BUILD)/corpus $(FUZZ_BUILD)/corpus-fhir $(FUZZ_BUILD)/crashes
	@for v in v1 v2 v3; do for f in tests/data/$$v/*.sfa; do cp "$$f" "$(FUZZ_BUILD)/corpus/$$v-$${f##*/}"; done; done
	@cp tests/data/fhir/examples/*.json tests/fuzz/payloads/*.json $(FUZZ_BUILD)/corpus-fhir/
	$(FUZZ_BUILD)/tests/fuzz/sfcore_fuzz_archive $(FUZZ_BUILD)/corpus tests/fuzz/regressions/archive \
	  -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=512 -malloc_limit_mb=256 -print_final_stats=1 \
	  -artifact_prefix=$(FUZZ_BUILD)/crashes/
	$(FUZZ_BUILD)/tests/fuzz/sfcore_fuzz_fhir $(FUZZ_BUILD)/corpus-fhir tests/fuzz/regressions/fhir \
	  -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=512 -malloc_limit_mb=256 -print_final_stats=1 \
	  -dict=tests/fuzz/fhir.dict -artifact_prefix=$(FUZZ_BUILD)/crashes/fhir-

## abi-baseline: write capi/abi/ from the built libsfcore_c, named by its SONAME (with a release that changes the ABI).
abi-baseline: build
	abidw --exported-interfaces-only --drop-private-types --headers-dir capi --headers-dir $(BUILD)/include \
	  --no-corpus-path --no-comp-dir-path --short-locs \
	  --out-file capi/abi/$(shell objdump -p $(BUILD)/libsfcore_c.so | sed -n 's/^ *SONAME *//p').abi $(BUILD)/libsfcore_c.so

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(TSAN_BUILD) $(BENCH_BUILD) $(FUZZ_BUILD) $(VENV) *.configure.log python/*.egg-info \
	  dist elsewhere
