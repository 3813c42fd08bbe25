# gkreview — plain Makefile with pkg-config.
#   make          build ./gkreview
#   make run      install what is missing, build, open the sample reports
#   make test     install what is missing, build with -Werror under ASan+UBSan, run every suite
#   make bench    throughput and memory on a generated corpus
#   make install  PREFIX=/usr/local DESTDIR=   (the program, the themes, the man page gkreview.1)

PREFIX  ?= /usr/local
DESTDIR ?=
CC      ?= cc

# libxml2 (HTML, and DOCX with libzip), poppler-glib (PDF; brings cairo, which
# the test tools use to write PDFs); fonts-wqy-microhei: the CJK font those PDFs use;
# libxlsxwriter: the 问题清单 workbook (gkreview issues -o 问题清单.xlsx)
PKGS_DEB := build-essential pkg-config libncurses-dev libpcre2-dev libiniparser-dev \
            libjansson-dev libcmocka-dev nettle-dev tmux valgrind \
            libxml2-dev libpoppler-glib-dev libzip-dev fonts-wqy-microhei libxlsxwriter-dev
PC_LIBS  := ncursesw libpcre2-8 jansson nettle libxml-2.0 poppler-glib libzip xlsxwriter

PC_CFLAGS = $(shell pkg-config --cflags $(PC_LIBS) 2>/dev/null)
# Opened with dlopen() on first use, not linked (their cflags are kept): poppler-glib
# when a PDF comes (src/input_pdf.c), libxml-2.0 for a web page or Word document
# (src/xmllib.c), libzip for a Word document (src/input_docx.c), xlsxwriter when a
# workbook is written (src/workbook.c).  Linked, they and what they bring (cairo,
# glib, ICU, libstdc++, libcrypto …) were loaded by every run before its first report.
# dlopen() is in glibc's libc since 2.34 (no -ldl).
DL_LIBS   := poppler-glib libxml-2.0 libzip xlsxwriter
PC_LDLIBS = $(shell pkg-config --libs $(filter-out $(DL_LIBS),$(PC_LIBS)) 2>/dev/null)
# the test tools draw PDFs with cairo and write .docx packages with libzip
# (tests/tools/mkformats.c), both called directly
TOOL_LDLIBS = $(shell pkg-config --libs cairo libzip 2>/dev/null)

WARN     := -Wall -Wextra -Wshadow -Wformat=2 -Wno-format-nonliteral
CFLAGS   ?= -O2 -g
ALLCFLAGS = -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS) $(PC_CFLAGS) -I/usr/include/iniparser -Isrc -Iui -Iui/model -Iui/cli -MMD -MP
LDLIBS   += $(PC_LDLIBS) -liniparser -lpthread -lm

SAN      := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

# src/: the engine alone; ui/model/: what the screen shows, as data (no curses);
# ui/cli/: the command line; ui/: the ncursesw screen.  Unit tests and test
# tools link the engine and the front-end models, never curses.
ENGINE_SRC := $(wildcard src/*.c)
FRONT_SRC  := $(wildcard ui/model/*.c) $(filter-out ui/cli/main.c,$(wildcard ui/cli/*.c))
UI_SRC     := $(wildcard ui/*.c)
PROG_SRC   := ui/cli/main.c $(ENGINE_SRC) $(FRONT_SRC) $(UI_SRC)
UNIT_SRC   := $(wildcard tests/unit/test_*.c)
TOOL_SRC   := $(wildcard tests/tools/*.c)

# ---- release build ------------------------------------------------------------
BUILD ?= build
BIN   ?= gkreview
REL := $(BUILD)/rel
REL_OBJ := $(PROG_SRC:%.c=$(REL)/%.o)

all: $(BIN)

$(BIN): $(REL_OBJ)
	$(CC) $(ALLCFLAGS) -o $@ $^ $(LDFLAGS) $(LDLIBS)

$(REL)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) -c -o $@ $<

# the test tools against the release engine (make robust)
REL_ENGINE := $(ENGINE_SRC:%.c=$(REL)/%.o) $(FRONT_SRC:%.c=$(REL)/%.o)

$(REL)/tools/%: tests/tools/%.c $(REL_ENGINE)
	@mkdir -p $(dir $@)
	$(CC) $(ALLCFLAGS) -o $@ $(filter-out %.h,$^) $(LDFLAGS) $(LDLIBS) $(TOOL_LDLIBS)

# ---- sanitizer build (tests) ----------------------------------------------------
ASN := $(BUILD)/asan
ASN_CFLAGS = $(ALLCFLAGS) -O1 -g -Werror $(SAN)
ASN_ENGINE := $(ENGINE_SRC:%.c=$(ASN)/%.o) $(FRONT_SRC:%.c=$(ASN)/%.o)
ASN_PROG   := $(PROG_SRC:%.c=$(ASN)/%.o)
UNIT_BIN   := $(UNIT_SRC:tests/unit/%.c=$(ASN)/tests/%)
TOOL_BIN   := $(TOOL_SRC:tests/tools/%.c=$(ASN)/tools/%)

$(ASN)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ASN_CFLAGS) -c -o $@ $<

$(ASN)/gkreview: $(ASN_PROG)
	$(CC) $(ASN_CFLAGS) -o $@ $^ $(LDFLAGS) $(LDLIBS)

$(ASN)/tests/%: tests/unit/%.c $(ASN_ENGINE)
	@mkdir -p $(dir $@)
	$(CC) $(ASN_CFLAGS) -o $@ $(filter-out %.h,$^) $(LDFLAGS) $(LDLIBS) -lcmocka

$(ASN)/tools/%: tests/tools/%.c $(ASN_ENGINE)
	@mkdir -p $(dir $@)
	$(CC) $(ASN_CFLAGS) -o $@ $(filter-out %.h,$^) $(LDFLAGS) $(LDLIBS) $(TOOL_LDLIBS)

# ---- dependencies ----------------------------------------------------------------
deps:
	@if ! command -v dpkg >/dev/null 2>&1; then \
	  echo "deps: not a Debian system; install: $(PKGS_DEB)"; exit 0; fi; \
	missing=""; \
	for p in $(PKGS_DEB); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "deps: installing$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null || exit 1; \
	fi

# ---- user-facing targets -------------------------------------------------------------
run: deps
	@$(MAKE) --no-print-directory $(BIN)
	./$(BIN) sample-reports/

test: deps
	@$(MAKE) --no-print-directory test-build $(BIN)
	@GK=$(ASN)/gkreview GK_PLAIN=./$(BIN) UNIT="$(UNIT_BIN)" TOOLS=$(ASN)/tools sh tests/run.sh

test-build: $(ASN)/gkreview $(UNIT_BIN) $(TOOL_BIN)

# fuzzing (clang libFuzzer): FUZZ_SECONDS per target
FUZZ_SECONDS ?= 180
fuzz: deps
	@FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run.sh

# one target: make fuzz-json runs tests/fuzz/fuzz_json.c (the streamed JSON writer)
fuzz-%: deps
	@FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_TARGETS=fuzz_$* sh tests/fuzz/run.sh

bench: deps
	@$(MAKE) --no-print-directory $(BIN)
	@GK=./$(BIN) sh tests/bench.sh

# layout variants of the sample reports read back by the engine (tests/tools/genlayout.c):
# the summary line "variants N, cells right N, flagged N, wrong N" comes last
ROBUST_SEED     ?= 1
ROBUST_VARIANTS ?= 6000
robust: deps
	@$(MAKE) --no-print-directory $(REL)/tools/genlayout
	@$(REL)/tools/genlayout --seed $(ROBUST_SEED) --variants $(ROBUST_VARIANTS) sample-reports/*

# reports through other hands' converters: genlayout variants as web pages, .docx and PDFs,
# read by text browsers, pandoc, docx2txt, pdftotext, mutool and pdfminer where installed
# (tests/convcorpus.sh; not part of make test)
converters: deps
	@$(MAKE) --no-print-directory $(BIN) $(REL)/tools/genlayout $(REL)/tools/mkformats
	@GK=./$(BIN) REL=$(REL) sh tests/convcorpus.sh

install: gkreview
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/gkreview/themes $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 gkreview $(DESTDIR)$(PREFIX)/bin/gkreview
	install -m 644 gkreview.1 $(DESTDIR)$(PREFIX)/share/man/man1/gkreview.1
	if ls themes/*.ini >/dev/null 2>&1; then install -m 644 themes/*.ini $(DESTDIR)$(PREFIX)/share/gkreview/themes/; fi

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/gkreview $(DESTDIR)$(PREFIX)/share/man/man1/gkreview.1
	rm -rf $(DESTDIR)$(PREFIX)/share/gkreview

clean:
	rm -rf $(BUILD) $(BIN) tests/out

.PHONY: all deps run test test-build bench fuzz robust converters install uninstall clean

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
