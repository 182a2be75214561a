# slm.mk — make rules for an agreement repository (DESIGN §7).  In the repository's Makefile:
#
#     include /usr/local/share/slm/slm.mk
#
# then `make` (check + PDFs), `make check`, `make pdf`, `make clean`; `make -j` renders in
# parallel.  Each PDF is rebuilt exactly when one of the files it was made from changed: slm
# render -MD writes those (the document, every document its stylesheet read, the stylesheets, the
# schemas) as make dependencies beside the PDF.  Variables: SLM (the binary), SLM_OUT (the output
# folder, default out), SLM_FLAGS (e.g. --as-of 2025-11-30).
SLM ?= slm
SLM_OUT ?= out
SLM_FLAGS ?=

SLM_DOCS := $(shell find . -name '*.xml' ! -path './$(SLM_OUT)/*' ! -path '*/.*' -print | \
	sed 's|^\./||' | LC_ALL=C sort)

.PHONY: all check pdf clean
all: check pdf

# the rules judge the whole repository at once
check:
	$(SLM) check $(SLM_FLAGS) .

# which documents have a stylesheet, and where their PDFs go
$(SLM_OUT)/slm-targets.mk: $(SLM_DOCS)
	@mkdir -p $(SLM_OUT)
	@$(SLM) render --targets -o $(SLM_OUT) $(SLM_DOCS) > $@.tmp && mv $@.tmp $@

-include $(SLM_OUT)/slm-targets.mk

pdf: $(SLM_PDFS)

$(SLM_OUT)/%.pdf: %.xml
	@mkdir -p $(@D)
	$(SLM) render $(SLM_FLAGS) --repository . -MD -MF $(SLM_OUT)/$*.d -o $@ $<

-include $(SLM_PDFS:.pdf=.d)

clean:
	rm -rf $(SLM_OUT)
