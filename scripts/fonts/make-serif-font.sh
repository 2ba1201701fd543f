#!/usr/bin/env bash
# Regenerates resources/fonts/NotoSerifSC-Dossier.otf, the CJK serif every dossier PDF embeds
# (subset again per PDF to the glyphs it uses). Source: Debian's fonts-noto-cjk (Noto Serif CJK
# SC 2.001, SIL Open Font License 1.1 — resources/fonts/OFL.txt). Kept: ASCII, Latin-1, general
# punctuation, letterlike and number forms, arrows, circled numbers, geometric shapes, CJK symbols,
# the whole CJK Unified Ideographs block (every Han character GBK encodes, so any name a Windows PC
# can type prints) and full-width forms. Dropped: hinting, subroutines (a flat CFF subsets per PDF
# several times faster) and OpenType layout tables (the PDF
# writer places glyphs itself), Japanese/Korean/Traditional-only glyphs. Run by hand when the
# coverage must change; needs apt packages fonts-noto-cjk and python3-fonttools (not needed at run
# or test time, so not in install-system-deps.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
SRC=/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc
OUT=resources/fonts/NotoSerifSC-Dossier.otf
UNICODES="U+0020-007E,U+00A0-00FF,U+2010-2027,U+2030-205E,U+2100-218F,U+2190-21FF,U+2460-24FF,U+25A0-25FF,U+3000-303F,U+3200-32FF,U+4E00-9FFF,U+FE30-FE4F,U+FF01-FFEF"
/usr/bin/python3 -m fontTools.subset "$SRC" --font-number=2 --unicodes="$UNICODES" --no-hinting --desubroutinize --layout-features='' \
  --name-IDs='*' --name-languages='*' --drop-tables+=GSUB,GPOS,VORG,vhea,vmtx,BASE,JSTF,DSIG \
  --output-file="$OUT"
ls -l "$OUT"
