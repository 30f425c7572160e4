# calculus-lectures: every command a course creator needs. `make help` lists them.
# Inputs (SCENE, QUALITY, FORMAT, ...) reach the Python tools as environment
# variables and are validated there; they are never pasted into a shell command.

PYTHON ?= python3
VENV   := .venv
VPY    := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
REVEAL := vendor/reveal.js/VERSION

# The narration voice of every target that renders (none | espeak | neural |
# recorded | auto): auto = the recording of each line if there is one, else the
# best installed synthetic voice. The test targets default to none (fast dry
# runs and pixel tests); the end-to-end tests ask for espeak themselves.
VOICE ?= auto

export SCENE SCENES QUALITY FORMAT TRANSPARENT SECTION JOBS COURSE LESSON VOICE FORCE VARIANT

.DEFAULT_GOAL := help
.PHONY: help setup render list test test-fast lint typecheck lint-layout plan snapshots still clip course slides script bench bench-roc params params-readme clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

# Two makes at once (parallel tests, two terminals) must not both run the bootstrap:
# the second waits on the lock, then finds the stamp fresh and does nothing.
$(STAMP): pyproject.toml tools/bootstrap.sh tools/apt-packages.txt
	@mkdir -p $(VENV)
	@flock $(VENV)/.bootstrap.lock sh -c '[ $@ -nt pyproject.toml ] && [ $@ -nt tools/bootstrap.sh ] \
	  && [ $@ -nt tools/apt-packages.txt ] || { PYTHON="$(PYTHON)" bash tools/bootstrap.sh && touch $@; }'

$(REVEAL): tools/vendor_reveal.sh
	@bash tools/vendor_reveal.sh

setup: $(STAMP) ## Install system packages (as root/sudo) and the virtualenv

render: ## Render one scene: make render SCENE=ChainRule [QUALITY=low|...|4k] [VOICE=auto] [VARIANT=file.toml] [FORCE=1] (skips a current video)
	@$(PYTHON) -m tools.render --check
	@$(MAKE) --no-print-directory -s $(STAMP)
	@$(VPY) -m tools.render

list: ## List the syllabus: N.M, scene class, title (marks unwritten scenes)
	@$(PYTHON) -m tools.listing

# Two workers; tests sharing one render stay together (xdist groups, tests/conftest.py),
# costliest first, in the order conftest sorts them.
PYTEST_XDIST := -n 2 --dist loadgroup --no-loadscope-reorder

test: $(STAMP) $(REVEAL) ## Run the whole test suite (types, mathkit, scene checks, pixels, renders, faults, decks)
	@$(VPY) -m mypy
	@VOICE=none $(VPY) -m pytest -rs $(PYTEST_XDIST)

test-fast: $(STAMP) ## Tests without pixel comparisons and renders
	@VOICE=none $(VPY) -m pytest -rs $(PYTEST_XDIST) -m "not graphical and not render"

lint: $(STAMP) ## ruff check, ruff format --check and mypy (strict on mathkit and tools)
	@$(VPY) -m ruff check mathkit scenes tools tests
	@$(VPY) -m ruff format --check mathkit scenes tools tests
	@$(VPY) -m mypy

typecheck: $(STAMP) ## mypy alone: strict on mathkit and tools, basic on scenes
	@$(VPY) -m mypy

lint-layout: $(STAMP) ## Layout lint: make lint-layout [SCENE=ChainRule] (all scenes if no SCENE)
	@$(VPY) -m tools.quality layout

plan: $(STAMP) ## Duration plan: each scene's length and animation count from a dry run
	@$(VPY) -m tools.quality plan

snapshots: $(STAMP) ## Rewrite pixel control data: make snapshots SCENE=ChainRule (or SCENE=all)
	@$(VPY) -m tools.quality snapshots

still: ## Last frame as PNG: make still SCENE=ChainRule [QUALITY=...] [SECTION=beat-name] [VARIANT=file.toml]
	@$(PYTHON) -m tools.render --check --still
	@$(MAKE) --no-print-directory -s $(STAMP)
	@$(VPY) -m tools.render --still

clip: ## A clip for slides: make clip SCENE=X FORMAT=gif|webm|mov [TRANSPARENT=1] [VARIANT=file.toml]
	@$(PYTHON) -m tools.render --check
	@$(MAKE) --no-print-directory -s $(STAMP)
	@$(VPY) -m tools.render

course: $(STAMP) ## Build every changed scene and the lesson videos: make course [QUALITY=low] [JOBS=2] [VARIANT=file.toml: its lesson, with the variant]
	@$(VPY) -m tools.course

slides: ## Slide decks (HTML + PPTX), one slide per beat: make slides SCENE=X | LESSON=N [QUALITY=low] [VARIANT=file.toml]
	@$(PYTHON) -m tools.slides --check
	@$(MAKE) --no-print-directory -s $(STAMP) $(REVEAL)
	@$(VPY) -m tools.slides

script: $(STAMP) ## Recording script: make script [SCENE=ChainRule] (lines, ids, durations, files)
	@$(VPY) -m tools.script

bench: $(STAMP) ## Render benchmark: prints render cost per scene and the encode floor
	@$(VPY) -m tools.bench

bench-roc: $(STAMP) ## ROC/AUC on 10^6 scores: mathkit beside scikit-learn
	@$(VPY) -m tools.bench_roc

params: $(STAMP) ## A scene's variant parameters: make params SCENE=DeltaMethod (all without SCENE)
	@$(VPY) -m tools.variants params

params-readme: $(STAMP) ## Rewrite the README's scene-parameter reference from the schemas
	@$(VPY) -m tools.variants readme

clean: ## Remove renders and build caches (keeps the virtualenv)
	rm -rf renders .build
