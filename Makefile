# The two commands a newcomer needs:
#   make site   build public/ from content/ and layouts/
#   make test   run every test
GO ?= go

.PHONY: site check test test-go bench fmt clean

site:
	$(GO) run ./cmd/alongside build

check:
	$(GO) run ./cmd/alongside check

test: test-go

test-go:
	$(GO) vet ./...
	$(GO) test -count=1 ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

fmt:
	gofmt -w $$(git ls-files '*.go')

clean:
	rm -rf public .public.*
