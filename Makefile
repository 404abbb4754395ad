# nn: build, test and install like any Unix tool.
#   make                      release build (Swift's standard library linked in statically)
#   make test                 every unit and end-to-end test (scripts/test)
#   make install              programs, man pages, completions and docs under PREFIX
#   make install PREFIX=/usr DESTDIR=/tmp/root    staged install, as packagers do
#   make uninstall | man | completions | deb | clean

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man/man1
BASHDIR = $(PREFIX)/share/bash-completion/completions
ZSHDIR = $(PREFIX)/share/zsh/site-functions
FISHDIR = $(PREFIX)/share/fish/vendor_completions.d
DOCDIR = $(PREFIX)/share/doc/nn

VERSION := $(shell cat VERSION)
PROGRAMS = nn-data nn-fit nn-eval nn-plot
# The release build's flags live in scripts/lib.sh (nn_build_release), shared with scripts/test.
RELEASE = . scripts/lib.sh && swift build $$NN_RELEASE_FLAGS
BIN = .build/release
# Generated here: man pages (man/), completion scripts (completions/).
GEN = .build/nn-generated

INSTALL = install

.PHONY: all build test man completions install uninstall deb clean

all: build

build:
	@bash -c '. scripts/lib.sh && nn_build_release'

test:
	scripts/test

# generate-manual is swift-argument-parser's tool (a dependency already, so no download).
man: build
	@bash -c '$(RELEASE) --product generate-manual >&2'
	rm -rf $(GEN)/man
	scripts/man-pages $(BIN) $(GEN)/man

# bash-completion sources its scripts, so they carry no #! line (Debian policy; lintian).
completions: build
	rm -rf $(GEN)/completions
	mkdir -p $(GEN)/completions/bash $(GEN)/completions/zsh $(GEN)/completions/fish
	for p in $(PROGRAMS); do \
	    $(BIN)/$$p --generate-completion-script bash > $(GEN)/completions/bash/$$p && \
	    sed -i '1{/^#!/d}' $(GEN)/completions/bash/$$p && \
	    $(BIN)/$$p --generate-completion-script zsh > $(GEN)/completions/zsh/_$$p && \
	    $(BIN)/$$p --generate-completion-script fish > $(GEN)/completions/fish/$$p.fish || exit 1; \
	done

install: build man completions
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(BASHDIR) $(DESTDIR)$(ZSHDIR) \
	    $(DESTDIR)$(FISHDIR) $(DESTDIR)$(DOCDIR)
	for p in $(PROGRAMS); do $(INSTALL) -m 755 $(BIN)/$$p $(DESTDIR)$(BINDIR)/$$p || exit 1; done
	$(INSTALL) -m 644 $(GEN)/man/*.1 $(DESTDIR)$(MANDIR)
	$(INSTALL) -m 644 $(GEN)/completions/bash/* $(DESTDIR)$(BASHDIR)
	$(INSTALL) -m 644 $(GEN)/completions/zsh/* $(DESTDIR)$(ZSHDIR)
	$(INSTALL) -m 644 $(GEN)/completions/fish/* $(DESTDIR)$(FISHDIR)
	$(INSTALL) -m 644 README.md $(DESTDIR)$(DOCDIR)
	# docs/ and examples/ keep their layout (the README's links and the sweep's settings
	# folder rely on it); scripts stay executable.
	for f in $$(find docs examples -type f | LC_ALL=C sort); do \
	    if [ -x "$$f" ]; then m=755; else m=644; fi; \
	    $(INSTALL) -D -m $$m "$$f" "$(DESTDIR)$(DOCDIR)/$$f" || exit 1; \
	done

uninstall:
	for p in $(PROGRAMS); do \
	    rm -f $(DESTDIR)$(BINDIR)/$$p $(DESTDIR)$(MANDIR)/$$p.1 $(DESTDIR)$(MANDIR)/$$p.*.1 \
	          $(DESTDIR)$(BASHDIR)/$$p $(DESTDIR)$(ZSHDIR)/_$$p $(DESTDIR)$(FISHDIR)/$$p.fish; \
	done
	rm -rf $(DESTDIR)$(DOCDIR)

deb:
	scripts/package-deb

clean:
	rm -rf $(GEN) nn-pipelines_*.deb
	swift package clean
