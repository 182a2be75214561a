# slm — build, test, install.  `make` builds ./slm; `make check` runs every test; see README.md.
PREFIX ?= /usr/local
DESTDIR ?=
BINDIR = $(PREFIX)/bin
DATADIR = $(PREFIX)/share/slm
MANDIR = $(PREFIX)/share/man
VERSION = 0.1.0

CC ?= cc
LIBDIR = $(PREFIX)/lib/slm
# slm itself links the XML libraries and glib; its PDF renderer (PDF_SRC), the only part that
# uses pango, cairo and fontconfig, is a module of its own, slm-pdf.so (pipeline/pdf.h).
CORE_PKGS = libxml-2.0 libxslt libexslt glib-2.0
PKGS = $(CORE_PKGS) pangocairo cairo fontconfig
OPT ?= -O2 -g
CFLAGS_ALL = -std=c11 -D_POSIX_C_SOURCE=200809L $(OPT) -Wall -Wextra -Werror -Ipipeline \
	$(shell pkg-config --cflags $(PKGS)) -DSLM_VERSION='"$(VERSION)"' -DSLM_DATADIR='"$(DATADIR)"' -DSLM_SRCDIR='"$(CURDIR)"' $(CFLAGS)
LIBS = $(shell pkg-config --libs $(PKGS)) -lpthread -lm
CORE_LIBS = $(shell pkg-config --libs $(CORE_PKGS)) -lpthread -lm -ldl
# what the module takes from the binary
EXPORTS = -Wl,--export-dynamic-symbol=diag_add
CHECK_LIBS = $(shell pkg-config --libs check 2>/dev/null)

SRC = $(sort $(wildcard pipeline/*.c))
LIB_SRC = $(filter-out pipeline/main.c,$(SRC))
UNIT_SRC = $(sort $(wildcard tests/unit/check_*.c))

B ?= build
PDF_SRC = $(addprefix pipeline/,pdf_typeset.c pdf_draw.c pdf_chart.c paginate.c linebreak.c)
OBJ = $(SRC:pipeline/%.c=$(B)/%.o)
SLM_OBJ = $(filter-out $(PDF_SRC:pipeline/%.c=$(B)/%.o),$(OBJ))
PDF_OBJ = $(PDF_SRC:pipeline/%.c=$(B)/pic/%.o)
LIB_OBJ = $(LIB_SRC:pipeline/%.c=$(B)/%.o)
UNITS = $(UNIT_SRC:tests/unit/%.c=$(B)/%)
SLM_BIN ?= ./slm

# slm's fonts: subsets of the Noto CJK faces it typesets with (tools/fonts.py says why), made
# with Debian's python3-fonttools; without them slm draws from the full Noto faces, slower.
PYTHON ?= /usr/bin/python3
FONT_FACES = sans-regular sans-bold serif-bold mono-regular
FONTS = $(FONT_FACES:%=fonts/slm-%.otf)
fonts/slm-%.otf: tools/fonts.py
	@mkdir -p fonts
	$(PYTHON) tools/fonts.py $@ $*

.PHONY: FORCE all deps fuzz check check-only unit-tests sanitize tsan demo bench install uninstall clean fmt
all: slm slm-pdf.so tools/gen/slm-gen $(FONTS)

deps:
	@tools/deps.sh

# slm itself, wherever it is built (./slm, a private tree, the sanitizer build), beside its module
LINK_SLM = $(CC) $(LDFLAGS) $(EXPORTS) -o $@ $(SLM_OBJ) $(CORE_LIBS)
slm: $(SLM_OBJ) slm-pdf.so
	$(LINK_SLM)

# The renderer module, found beside the binary that loads it (or in LIBDIR once installed).
slm-pdf.so $(B)/slm-pdf.so: $(PDF_OBJ)
	$(CC) $(LDFLAGS) -shared -o $@ $(PDF_OBJ) $(LIBS)

# A binary in a private build tree: `make B=/tmp/mine /tmp/mine/slm` (parallel work in one clone)
$(B)/slm: $(SLM_OBJ) $(B)/slm-pdf.so
	$(LINK_SLM)

$(B)/%.o: pipeline/%.c $(wildcard pipeline/*.h) | $(B)
	$(CC) $(CFLAGS_ALL) -c -o $@ $<

# objects are kept, though only pattern rules name some of them (the tests link them all)
.SECONDARY: $(OBJ) $(PDF_OBJ)

$(B)/pic/%.o: pipeline/%.c $(wildcard pipeline/*.h) | $(B)
	@mkdir -p $(B)/pic
	$(CC) $(CFLAGS_ALL) -fPIC -c -o $@ $<

$(B)/check_%: tests/unit/check_%.c $(LIB_OBJ)
	$(CC) $(CFLAGS_ALL) $(shell pkg-config --cflags check) -o $@ $< $(LIB_OBJ) $(LIBS) $(CHECK_LIBS)

$(B):
	mkdir -p $(B)

# The installed data folder is compiled into schema.o: rebuild it when PREFIX changes.
$(B)/datadir.stamp: FORCE | $(B)
	@echo '$(DATADIR) $(LIBDIR)' | cmp -s - $@ || echo '$(DATADIR) $(LIBDIR)' > $@
$(B)/schema.o: $(B)/datadir.stamp
$(B)/pdf_module.o: CFLAGS_ALL += -DSLM_LIBDIR='"$(LIBDIR)"'
$(B)/pdf_module.o: $(B)/datadir.stamp
FORCE:

tools/gen/slm-gen: tools/gen/slm-gen.c
	$(CC) -std=c11 -O2 -Wall -Wextra -Werror -o $@ $<

# Every test: Check unit tests, then the golden suites running the real binary.
REPLAYS = $(B)/replay_check $(B)/replay_time $(B)/replay_layout $(B)/replay_record \
	$(B)/replay_config
check: all
	@tools/deps.sh
	@$(MAKE) --no-print-directory check-only

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer, in its own build tree.
sanitize:
	$(MAKE) B=build-san OPT='-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all' \
		LDFLAGS='-fsanitize=address,undefined' build-san/slm-san
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 SAN=1 \
	$(MAKE) B=build-san OPT='-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all' \
		LDFLAGS='-fsanitize=address,undefined' CHECK_LIBS='$(CHECK_LIBS) -fsanitize=address,undefined' \
		SLM_BIN=build-san/slm-san check-only

build-san/slm-san: $(SLM_OBJ) build-san/slm-pdf.so
	$(LINK_SLM)

# The threaded parts (rendering and the build run documents on several threads) under
# ThreadSanitizer: the render and build suites, four threads each.  slm's own locks and hand-offs
# are POSIX threads', which TSan sees; GLib's slice allocator hands memory between threads
# through locks it cannot see, so it is off (G_SLICE); tests/tsan.supp names what it cannot see
# inside uninstrumented libraries.
TSAN_FLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=thread
tsan: all
	$(MAKE) B=build-tsan OPT='$(TSAN_FLAGS)' LDFLAGS='-fsanitize=thread' build-tsan/slm-tsan
	@set -e; for t in render build; do \
		G_SLICE=always-malloc TSAN_OPTIONS="halt_on_error=1 exitcode=66 suppressions=$(CURDIR)/tests/tsan.supp" \
		SLM_JOBS=4 SLM=$(CURDIR)/build-tsan/slm-tsan tests/$$t/run.sh; done

build-tsan/slm-tsan: $(SLM_OBJ) build-tsan/slm-pdf.so
	$(LINK_SLM)

check-only: $(UNITS) $(REPLAYS) $(FONTS)
	@set -e; for t in $(UNITS); do echo "unit: $$t"; CK_FORK=no $$t; done
	@$(B)/replay_check tests/fuzz/corpus/check samples
	@$(B)/replay_time tests/fuzz/corpus/time
	@$(B)/replay_layout tests/fuzz/corpus/layout tests/render/layouts
	@$(B)/replay_record tests/fuzz/corpus/record
	@$(B)/replay_config tests/fuzz/corpus/config
	@SLM=$(SLM_BIN) tests/run.sh

# Fuzzing (libFuzzer, clang, AddressSanitizer + UndefinedBehaviorSanitizer): each target runs
# FUZZ_TIME seconds on a corpus seeded from samples/, the tests and tests/fuzz/corpus/TARGET/;
# what it finds lands in out/fuzz/ and belongs in tests/fuzz/corpus/TARGET/ once fixed (make
# check replays that folder: tests/fuzz/README.md).
FUZZ_TIME ?= 60
FUZZ_TARGETS = check time layout record config
FUZZ_FLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined
fuzz: all
	@tools/deps.sh --fuzz
	$(MAKE) B=build-fuzz CC=clang OPT='$(FUZZ_FLAGS)' $(FUZZ_TARGETS:%=build-fuzz/fuzz_%)
	@set -e; for t in $(FUZZ_TARGETS); do \
		mkdir -p out/fuzz/corpus-$$t; \
		case $$t in \
		check) find samples tests/fuzz/repo tests/bad/cases -name '*.xml' -size -64k | \
			while read f; do cp "$$f" "out/fuzz/corpus-$$t/$$(echo "$$f" | tr / _)"; done ;; \
		layout) cp tests/render/layouts/*.xml out/fuzz/corpus-$$t/; \
			./slm render --quiet --layout --as-of 2025-11-30 -o out/fuzz/corpus-$$t \
				$$(find samples -name '*.xml' ! -name '.*' | sort) || true ;; \
		record) ./slm build --quiet --as-of 2025-11-30 -o out/fuzz/build-org samples/org || true; \
			cp out/fuzz/build-org/.slm-build out/fuzz/corpus-$$t/org.slm-build || true ;; \
		config) find samples tests/config -name '*config.xml' | \
			while read f; do cp "$$f" "out/fuzz/corpus-$$t/$$(echo "$$f" | tr / _)"; done ;; \
		esac; \
		echo "fuzz: $$t for $(FUZZ_TIME) s"; \
		LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
		build-fuzz/fuzz_$$t -max_total_time=$(FUZZ_TIME) -timeout=10 -rss_limit_mb=2048 \
			-artifact_prefix=out/fuzz/$$t- out/fuzz/corpus-$$t $$(ls -d tests/fuzz/corpus/$$t 2>/dev/null); \
	done

build-fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(LIB_OBJ)
	$(CC) $(CFLAGS_ALL) -fsanitize=fuzzer,address,undefined -o $@ $< $(LIB_OBJ) $(LIBS)

# The fuzz targets without libFuzzer: replay the regression inputs and the samples in make check.
$(B)/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(LIB_OBJ)
	$(CC) $(CFLAGS_ALL) -o $@ tests/fuzz/fuzz_$*.c tests/fuzz/replay.c $(LIB_OBJ) $(LIBS)

# The main job on samples/: check, every report format, the nonconformity report and the PDFs
# of every document, into out/samples/ (exit 1 there means: the samples' deliberate findings).
demo: all
	@tools/deps.sh
	./slm validate samples
	./slm build --as-of 2025-11-30 -o out/samples samples || [ $$? -eq 1 ]
	@cat out/samples/check.txt
	@echo "PDFs and reports: out/samples/ (nonconformity report: out/samples/nonconformity.pdf)"

BENCH_SIZES ?= 2000 20000 100000
bench: all
	@tools/deps.sh --bench
	bench/run.sh $(BENCH_SIZES)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/schemas $(DESTDIR)$(DATADIR)/templates \
		$(DESTDIR)$(DATADIR)/stylesheets $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions
	install -m 755 slm $(DESTDIR)$(BINDIR)/slm
	install -d $(DESTDIR)$(LIBDIR)
	install -m 644 slm-pdf.so $(DESTDIR)$(LIBDIR)/slm-pdf.so
	install -m 644 schemas/*.xsd schemas/catalog.xml $(DESTDIR)$(DATADIR)/schemas/
	install -m 644 templates/*.xml $(DESTDIR)$(DATADIR)/templates/
	install -m 644 stylesheets/*.xsl $(DESTDIR)$(DATADIR)/stylesheets/
	install -m 644 slm.mk $(DESTDIR)$(DATADIR)/slm.mk
	install -d $(DESTDIR)$(DATADIR)/fonts
	install -m 644 $(FONTS) $(DESTDIR)$(DATADIR)/fonts/
	install -m 644 man/slm.1 $(DESTDIR)$(MANDIR)/man1/slm.1
	install -m 644 completion/slm.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/slm

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/slm $(DESTDIR)$(MANDIR)/man1/slm.1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions/slm
	rm -rf $(DESTDIR)$(DATADIR) $(DESTDIR)$(LIBDIR)

fmt:
	clang-format -i pipeline/*.c pipeline/*.h tests/unit/*.c

clean:
	rm -rf build build-san build-tsan build-fuzz slm slm-pdf.so tools/gen/slm-gen out fonts
