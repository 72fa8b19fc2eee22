#!/usr/bin/env bash
# Make sure the system tools a target needs are installed.
#
#   tools/system-deps.sh tex|browser|epub|pdftools|java|node|uptex|fonts ...
#
# On Debian as root, missing packages are installed with apt-get (once;
# nothing is done when every command is already there).  Elsewhere the
# script stops with one line naming the packages to install.
set -euo pipefail

declare -A COMMANDS=(
  [tex]="uplatex dvipdfmx latexmk kpsewhich"
  [pdftools]="pdftotext pdffonts pdftoppm pdfinfo"
  [browser]="chromium"
  [epub]="java"
  [java]="java"
  [node]="node npm"
  [uptex]="uplatex dvipdfmx kpsewhich"
  [fonts]="fc-list"
)
declare -A PACKAGES=(
  # upLaTeX, jsclasses, pxchfon and the Harano Aji fonts are in texlive-lang-japanese;
  # Latin Modern's Type 1 fonts in lmodern (only recommended by texlive-base);
  # Vietnamese letters in T5 (vntex) from texlive-lang-other; Hangul and
  # simplified Chinese in Noto CJK, monochrome emoji in Symbola
  # (pubcomment/latex/glyphs.py).
  [tex]="texlive-lang-japanese texlive-latex-recommended texlive-latex-extra latexmk lmodern texlive-lang-other fonts-noto-cjk fonts-symbola"
  # poppler-data: pdftotext reads Japanese through the Adobe-Japan1 collection
  # (dvipdfmx writes no ToUnicode map for those fonts).
  [pdftools]="poppler-utils poppler-data"
  # Noto for Hangul, Chinese, Thai, Arabic, Devanagari and colour emoji in opinions.
  [browser]="chromium fonts-noto-cjk fonts-noto-core fonts-noto-color-emoji"
  [epub]="default-jre-headless epubcheck"
  [java]="default-jre-headless"
  [node]="nodejs npm"
  # Sphinx's own default LaTeX for Japanese (the bench/ baseline): upLaTeX
  # with ujbook and TeX Gyre fonts.
  [uptex]="texlive-lang-japanese tex-gyre"
  # A Japanese font for the charts of the site (pc-chart draws them with matplotlib).
  [fonts]="fontconfig fonts-noto-cjk"
)
# Files that the packages provide but no command reveals.
declare -A FILES=(
  [tex]="jsbook.cls pxchfon.sty HaranoAjiMincho-Regular.otf lmodern.sty t5enc.def NotoSerifCJK-Regular.ttc NotoSansCJK-Regular.ttc Symbola_hint.ttf"
  [epub]=""
  [browser]=""
  [pdftools]=""
  [java]=""
  [node]=""
  [uptex]="tgtermes.sty"
  [fonts]=""
)

missing=()
for group in "$@"; do
  need=0
  for command in ${COMMANDS[$group]}; do
    command -v "$command" >/dev/null 2>&1 || need=1
  done
  if [[ $need == 0 && ( $group == tex || $group == uptex ) ]]; then
    for file in ${FILES[$group]}; do
      [[ -n "$(kpsewhich "$file" 2>/dev/null)" ]] || need=1
    done
  fi
  if [[ $need == 0 && $group == pdftools && ! -d /usr/share/poppler/cMap/Adobe-Japan1 ]]; then
    need=1
  fi
  if [[ $need == 0 && $group == epub && ! -f /usr/share/java/epubcheck.jar ]]; then
    need=1
  fi
  if [[ $group == browser && $need == 0 && ! ( -d /usr/share/fonts/opentype/noto && -f /usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf && -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ) ]]; then
    need=1
  fi
  if [[ $group == fonts && $need == 0 && -z "$(fc-list :lang=ja family 2>/dev/null)" ]]; then
    need=1
  fi
  [[ $need == 1 ]] && missing+=(${PACKAGES[$group]})
done

((${#missing[@]} == 0)) && exit 0

if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "installing: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "missing system packages; install them with: apt-get install --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
