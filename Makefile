# calculus-lectures: every command a course creator needs. `make help` lists them.
# Inputs (SCENE, QUALITY, FORMAT, ...) reach the Python tools as environment
# variables and are validated there; they are never pasted into a shell command.

PYTHON ?= python3
VENV   := .venv
VPY    := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

export SCENE SCENES QUALITY FORMAT TRANSPARENT SECTION JOBS COURSE VARIANT

.DEFAULT_GOAL := help
.PHONY: help setup render list test test-fast lint lint-layout plan snapshots still clip course bench bench-roc params params-readme clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml tools/bootstrap.sh tools/apt-packages.txt
	@PYTHON=$(PYTHON) bash tools/bootstrap.sh
	@touch $@

setup: $(STAMP) ## Install system packages (as root/sudo) and the virtualenv

render: ## Render one scene: make render SCENE=ChainRule [QUALITY=low|medium|high|production|4k] [VARIANT=file.toml]
	@$(PYTHON) -m tools.render --check
	@$(MAKE) --no-print-directory -s $(STAMP)
	@$(VPY) -m tools.render

list: ## List the syllabus: N.M, scene class, title (marks unwritten scenes)
	@$(PYTHON) -m tools.listing

test: $(STAMP) ## Run the whole test suite (mathkit, scene checks, pixels, one render)
	@$(VPY) -m pytest -rs -n 2 -m "not render"
	@$(VPY) -m pytest -rs -m render

test-fast: $(STAMP) ## Tests without pixel comparisons and renders
	@$(VPY) -m pytest -rs -n 2 -m "not graphical and not render"

lint: $(STAMP) ## ruff over the code
	@$(VPY) -m ruff check mathkit scenes tools tests

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

course: $(STAMP) ## Build every changed scene and the lesson videos: make course [QUALITY=low] [JOBS=2]
	@$(VPY) -m tools.course

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
