# slm.mk — make rules for an agreement repository (DESIGN §7).  In the repository's Makefile:
#
#     include /usr/local/share/slm/slm.mk
#
# then `make` (check + PDFs), `make check`, `make pdf`, `make clean`; `make -j` renders in
# parallel.  Each PDF is rebuilt exactly when one of the files it was made from changed: slm
# render -MD writes those (the document, every document its stylesheet read, the stylesheets, the
# schemas) as make dependencies beside the PDF; and when what it is made as of changed: the
# as-of date (SLM_FLAGS' --as-of, else today in the organization's time zone), the
# configuration, or slm itself (binary, renderer, fonts), which slm render --targets writes to
# $(SLM_OUT)/slm-targets.key, rewriting it only when it changes.  Variables: SLM (the binary),
# SLM_OUT (the output folder, default out), SLM_FLAGS (e.g. --as-of 2025-11-30; given to check,
# render --targets and every render).
#
# The repository is untrusted (CI runs this on every merge request), so no name of it reaches
# make or a shell but through slm: slm finds the documents itself and writes
# $(SLM_OUT)/slm-targets.mk with every name escaped (a name make cannot express is refused, and
# make stops), and it writes that file while make reads this one, before make reads it: a
# targets file or a dependency file committed to the repository is never read.  Dependency
# files are included only when slm proves it wrote them with the PDF beside them.
SLM ?= slm
SLM_OUT ?= out
SLM_FLAGS ?=

.PHONY: all check pdf clean
all: check pdf

# No built-in rule makes an agreement: without these, make looks for a way to make each of
# 100,000 documents (x.xml,v, RCS/, SCCS/, x.xml.c…) and takes a minute and 800 MB over it.
.SUFFIXES:
%:: %,v
%:: RCS/%,v
%:: RCS/%
%:: s.%
%:: SCCS/s.%

# the rules judge the whole repository at once
check:
	$(SLM) check $(SLM_FLAGS) .

ifneq ($(filter-out check clean,$(or $(MAKECMDGOALS),all)),)
SLM_TARGETS_STATUS := $(shell $(SLM) render --targets $(SLM_FLAGS) --repository . -o '$(SLM_OUT)' >&2; echo $$?)
ifneq ($(SLM_TARGETS_STATUS),0)
$(error slm render --targets failed (exit $(SLM_TARGETS_STATUS)); see above)
endif
include $(SLM_OUT)/slm-targets.mk
endif

pdf: $(SLM_PDFS)

# the output folder, unless a link lies on its way (a repository may commit out -> ../elsewhere,
# and rm -rf out/ would empty elsewhere)
clean:
	@set -f; o='$(SLM_OUT)'; p=; IFS=/; \
	for c in $$o; do \
		[ -n "$$c" ] || continue; \
		case $$p in '') case $$o in /*) p=/$$c ;; *) p=$$c ;; esac ;; *) p=$$p/$$c ;; esac; \
		if [ -L "$$p" ]; then echo "slm.mk: not removed: $$p is a symbolic link" >&2; exit 2; fi; \
	done; rm -rf -- "$$o"
