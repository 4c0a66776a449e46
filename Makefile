# Convenience targets; the scripts under scripts/ do the work and install missing apt packages first.
#
# make all                                     build what install copies (as yourself)
# make install [PREFIX=/usr/local] [DESTDIR=]   release binary (static Swift runtime, stripped), man pages, completions,
#                                               udev rule, systemd units, /etc/nvdla-doctor/rules.d/README
# make uninstall [PREFIX=…] [DESTDIR=…]         removes exactly those files (never site rule files)
.PHONY: deps build man completions all run test lint format bench clean install install-files uninstall

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man/man1
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d
SYSTEMDUNITDIR ?= $(PREFIX)/lib/systemd/system
# udev reads /usr/lib/udev/rules.d and /etc/udev/rules.d, never /usr/local/lib/udev/rules.d.
UDEVRULESDIR ?= $(if $(filter /usr,$(PREFIX)),/usr/lib/udev/rules.d,/etc/udev/rules.d)
# The binary reads site rules from this fixed path, whatever the prefix.
SITERULESDIR ?= /etc/nvdla-doctor/rules.d

RELEASE_BIN := .build/release/nvdla-doctor
# The installed binary is stripped of symbols and debug info (about a quarter of its size).
STRIP ?= strip
MANBUILD := .build/man
COMPBUILD := .build/completions
UNITS := nvdla-doctor-check@.service nvdla-doctor-check.service nvdla-doctor-check.timer nvdla-doctor-watch.service
UDEVRULE := 90-nvdla-doctor.rules
# Man pages carry the date of the last commit, so a rebuild gives the same files.
MANDATE := $(shell git log -1 --format=%cs 2>/dev/null || date -u +%F)

# What building and running need (scripts/test adds the test-only tools with `scripts/setup-deps --test`).
deps:
	scripts/setup-deps

# Rules/, Docs/remedies/ and Data/ are compiled in by the EmbedResources build plugin (Plugins/): no manual step.
build: deps
	swift build -c release --static-swift-stdlib --product nvdla-doctor

# swift-argument-parser's generate-manual plugin, one page per subcommand (the hidden udev-devices too: the main
# page's SEE ALSO names it). It runs on the debug build: the pages do not depend on the configuration, and this avoids a second release build.
# Its EXIT STATUS is the generic "0 on success, >0 on error"; man-exit-status.py puts in the table of README.md.
man:
	rm -rf $(MANBUILD) && mkdir -p $(MANBUILD)
	swift package --allow-writing-to-directory $(MANBUILD) generate-manual --configuration debug --multi-page \
		--date $(MANDATE) --output-directory $(MANBUILD)
	python3 scripts/man-exit-status.py $(MANBUILD)

completions: build
	mkdir -p $(COMPBUILD)
	$(RELEASE_BIN) --generate-completion-script bash > $(COMPBUILD)/nvdla-doctor
	$(RELEASE_BIN) --generate-completion-script zsh > $(COMPBUILD)/_nvdla-doctor
	$(RELEASE_BIN) --generate-completion-script fish > $(COMPBUILD)/nvdla-doctor.fish

# Everything install copies; `make all` as yourself, then `sudo make install-files`, avoids building as root.
all: build man completions

install: all
	$(MAKE) install-files

# Copies what build, man and completions produced; units get ExecStart= pointing at $(BINDIR).
install-files:
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) \
		$(DESTDIR)$(FISHCOMPDIR) $(DESTDIR)$(SYSTEMDUNITDIR) $(DESTDIR)$(UDEVRULESDIR) $(DESTDIR)$(SITERULESDIR)
	install -m 0755 -s --strip-program=$(STRIP) $(RELEASE_BIN) $(DESTDIR)$(BINDIR)/nvdla-doctor
	install -m 0644 $(MANBUILD)/*.1 $(DESTDIR)$(MANDIR)/
	install -m 0644 $(COMPBUILD)/nvdla-doctor $(DESTDIR)$(BASHCOMPDIR)/nvdla-doctor
	install -m 0644 $(COMPBUILD)/_nvdla-doctor $(DESTDIR)$(ZSHCOMPDIR)/_nvdla-doctor
	install -m 0644 $(COMPBUILD)/nvdla-doctor.fish $(DESTDIR)$(FISHCOMPDIR)/nvdla-doctor.fish
	for unit in $(UNITS); do \
		sed 's|@BINDIR@|$(BINDIR)|g' Packaging/systemd/$$unit > $(DESTDIR)$(SYSTEMDUNITDIR)/$$unit && \
		chmod 0644 $(DESTDIR)$(SYSTEMDUNITDIR)/$$unit || exit 1; \
	done
	install -m 0644 Packaging/udev/$(UDEVRULE) $(DESTDIR)$(UDEVRULESDIR)/$(UDEVRULE)
	install -m 0644 Packaging/rules.d/README $(DESTDIR)$(SITERULESDIR)/README

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/nvdla-doctor
	rm -f $(DESTDIR)$(MANDIR)/nvdla-doctor.1 $(DESTDIR)$(MANDIR)/nvdla-doctor.*.1
	rm -f $(DESTDIR)$(BASHCOMPDIR)/nvdla-doctor $(DESTDIR)$(ZSHCOMPDIR)/_nvdla-doctor \
		$(DESTDIR)$(FISHCOMPDIR)/nvdla-doctor.fish
	for unit in $(UNITS); do rm -f $(DESTDIR)$(SYSTEMDUNITDIR)/$$unit; done
	rm -f $(DESTDIR)$(UDEVRULESDIR)/$(UDEVRULE)
	rm -f $(DESTDIR)$(SITERULESDIR)/README
	-rmdir $(DESTDIR)$(SITERULESDIR) $(DESTDIR)$(dir $(SITERULESDIR:/=)) 2>/dev/null

run:
	scripts/run-check

test:
	scripts/test

lint:
	swift format lint --strict -r Sources Tests Plugins

format:
	swift format format -i -r Sources Tests Plugins

bench: deps
	Benchmarks/run

clean:
	rm -rf .build
