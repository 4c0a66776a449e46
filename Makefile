# Convenience targets; the scripts under scripts/ do the work and install missing apt packages first.
.PHONY: deps embed build run test lint format bench clean

deps:
	scripts/setup-deps

embed:
	python3 scripts/embed-resources.py

build: deps embed
	swift build -c release --static-swift-stdlib --product nvdla-doctor

run:
	scripts/run-check

test:
	scripts/test

lint:
	swift format lint --strict -r Sources Tests

format:
	swift format format -i -r Sources Tests

bench: deps embed
	Benchmarks/run

clean:
	rm -rf .build
