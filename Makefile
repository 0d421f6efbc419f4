# The commands a newcomer needs:
#   make site   build public/ from content/ and layouts/
#   make serve  preview in the browser, reloaded on every save (Ctrl-C stops it)
#   make test   run every test: the Go tests, then the accessibility suite
#               in Debian's Chromium over every page of a fresh build
GO ?= go
BROWSER := tests/browser
CHROMIUM ?= /usr/bin/chromium

.PHONY: site serve check report brief schemas pages test test-go test-browser bench bench-search fmt clean browser-tools fuzz

site:
	$(GO) run ./cmd/alongside build

# make check prints only what alongside says: the binary is built quietly
# first (so "go run" adds no "exit status 1"), and a problem in the content
# ends the command without make's "*** Error 1", which reads like a crash.
# In CI (where CI is set) problems still fail the job. It works from any
# folder of the project: the small Makefile in each (all the same as
# content/Makefile) hands it, or any other command, to this one.
# Options go in CHECK, like: make check CHECK=-strict
BIN := bin/alongside
# Build the command, saying nothing unless it fails ("go: downloading ..."
# on a first run is not for editors).
QUIET_BUILD = out=$$($(GO) build -o $(BIN) ./cmd/alongside 2>&1) || { printf '%s\n' "$$out"; exit 1; }
check:
	@$(QUIET_BUILD)
	@./$(BIN) check $(CHECK) || { status=$$?; [ -z "$$CI" ] || exit $$status; }

# make report writes the editors' report, report.html in the project
# folder (git ignores it): every problem, reviews due soon, reading grades.
report:
	@$(QUIET_BUILD)
	@./$(BIN) check -report report.html $(CHECK) || { status=$$?; [ -z "$$CI" ] || exit $$status; }

# make brief title="Housing and mental health" starts a new brief, as a
# draft, in content/briefs/.
brief:
	@if [ -z "$(title)" ]; then echo 'say the title of the brief, like: make brief title="What is advocacy?"'; else \
	  $(QUIET_BUILD); ./$(BIN) new brief "$(title)" || { status=$$?; [ -z "$$CI" ] || exit $$status; }; fi

# The JSON Schemas in schemas/, and the front matter snippets for VS Code in
# .vscode/alongside.code-snippets, are made from the field definitions in
# internal/content/schema.go; run this after changing them, and commit all.
schemas:
	$(GO) test ./internal/content -run '^(TestSchemas|TestSnippets)$$' -count=1 -update

serve:
	$(GO) run ./cmd/alongside serve

# What .github/workflows/pages.yml builds and publishes, with the same
# flags: BASE_URL is the address actions/configure-pages reports there;
# left empty here, base_url in site.yaml is used.
pages:
	$(GO) run ./cmd/alongside build -format github -out public -base-url "$(BASE_URL)"

test: test-go test-browser

# go.mod must already be tidy: the check shows what "go mod tidy" would
# change, and fails, rather than change it.
test-go:
	$(GO) mod tidy -diff
	$(GO) vet ./...
	$(GO) test -count=1 ./...
	@$(MAKE) --no-print-directory fuzz FUZZTIME=$(FUZZTIME_SHORT)

# Each fuzz target, one after the other, for FUZZTIME each (make fuzz for a
# longer run, FUZZTIME=10m for a long one). make test runs each for a fixed
# number of inputs instead of a time: with a time, Go 1.26's fuzzer can
# report "context deadline exceeded" as a failure at the deadline on a busy
# machine (go.dev/issue/75804, fixed in Go 1.27), while a count has no
# deadline to race. A crasher is written to the package's testdata/fuzz/:
# fix it, then commit the file as a seed.
FUZZ_TARGETS := \
	internal/markdown:FuzzParse internal/markdown:FuzzTerms internal/markdown:FuzzSlug \
	internal/content:FuzzFrontMatterSplit internal/content:FuzzFrontMatterAsTheLibrary internal/content:FuzzLinks \
	internal/content:FuzzLoad internal/content:FuzzRelURL internal/content:FuzzPatch
FUZZTIME ?= 60s
FUZZTIME_SHORT ?= 2000x

fuzz:
	@for t in $(FUZZ_TARGETS); do \
	  pkg=$${t%%:*}; name=$${t##*:}; \
	  echo "fuzz $$name, -fuzztime $(FUZZTIME)"; \
	  $(GO) test ./$$pkg -run '^$$' -fuzz "^$$name$$" -fuzztime $(FUZZTIME) || exit 1; \
	done

# The site is built at a sub-path, as on a GitHub Pages project site, and
# served from 127.0.0.1 by the suite itself.
test-browser: browser-tools $(BROWSER)/node_modules/.installed
# The editors' report is written for a day two years ahead, so that it has
# reviews due and problems in it, and checked by report.test.mjs.
	@tmp=$$(mktemp -d); \
	$(GO) build -o "$$tmp/alongside" ./cmd/alongside || { rm -rf "$$tmp"; exit 1; }; \
	"$$tmp/alongside" build -out "$$tmp/site" -base-url http://127.0.0.1/hub/ || { rm -rf "$$tmp"; exit 1; }; \
	mkdir "$$tmp/report" && "$$tmp/alongside" check -date $$(date -d '+2 years' +%Y-%m-%d) -report "$$tmp/report/report.html" >/dev/null 2>&1 || { rm -rf "$$tmp"; exit 1; }; \
	cd $(BROWSER) && SITE_DIR="$$tmp/site" ALONGSIDE="$$tmp/alongside" REPORT_FILE="$$tmp/report/report.html" CHROMIUM=$(CHROMIUM) node --test --test-concurrency=1; status=$$?; \
	rm -rf "$$tmp"; exit $$status

$(BROWSER)/node_modules/.installed: $(BROWSER)/package.json $(BROWSER)/package-lock.json
	cd $(BROWSER) && npm ci --no-audit --no-fund
	touch $@

# Node and npm must be there; Chromium and Java are installed with apt-get
# when they are missing and we are root, and otherwise we say how.
browser-tools:
	@command -v node >/dev/null && command -v npm >/dev/null || { \
	  echo "make test needs Node.js (20 or later) and npm for the accessibility suite."; \
	  echo "On Debian: apt-get install nodejs npm"; exit 1; }
	@test -x $(CHROMIUM) || $(call apt_install,chromium,Chromium)
	@command -v java >/dev/null || $(call apt_install,default-jre-headless,a Java runtime (for the Nu HTML Checker))

define apt_install
{ if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
    echo "installing $(2) with apt-get"; \
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(1) >/dev/null || exit 1; \
  else \
    echo "make test needs $(2). Install it with: sudo apt-get install $(1)"; exit 1; \
  fi; }
endef

# make bench: whole builds of a synthetic hub of 1,000, 5,000 and 20,000
# briefs, beside Hugo when it is installed, then the Go benchmarks of each
# stage at 1,000 briefs. A few minutes on a quiet 2-core machine; each Hugo
# build is stopped after 3 minutes, so it stays bounded on a busy one.
# Never part of make test. BENCHFLAGS="-sizes 1000 -runs 5" to choose.
# See docs/performance.md.
bench:
	$(GO) run ./cmd/hubbench $(BENCHFLAGS)
	$(GO) test -run '^$$' -bench . -benchmem ./...

# The search against Pagefind 1.6, on the hub and on a synthetic hub of
# 5,000 briefs (bench/search/). It installs its own npm packages and is
# never part of make test.
bench-search: browser-tools
	cd bench/search && npm install --no-audit --no-fund && CHROMIUM=$(CHROMIUM) node bench.mjs

fmt:
	gofmt -w $$(git ls-files '*.go')

clean:
	rm -rf public .public.*
