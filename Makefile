# sitegen: `make site` builds the sample site into Output/, `make test` runs every test.
SWIFT ?= swift
SITE ?= .

.PHONY: site test deps build clean

## Build the sample site (Content/ + Templates/) into Output/.
site: deps
	$(SWIFT) build -c release --product sitegen
	.build/release/sitegen build --site $(SITE)

## Run every test: the Swift suites, then the built site against real validators
## (W3C Nu, axe-core light and dark, feedparser, xmllint, an nginx crawl; see scripts/check-site.sh).
test: deps
	$(SWIFT) test
	scripts/check-site.sh

## Install libcmark-dev with apt-get when it is missing, and Pagefind with pip when site.yaml says search: true.
deps:
	@scripts/install-deps.sh $(SITE)

## A debug build of the sitegen command.
build: deps
	$(SWIFT) build --product sitegen

clean:
	rm -rf .build Output
