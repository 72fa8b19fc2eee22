#!/usr/bin/env bash
# Make sure the system tools a target needs are installed.
#
#   tools/system-deps.sh tex|browser|epub|pdftools|java|node|uptex ...
#
# On Debian as root, missing packages are installed with apt-get (once;
# nothing is done when every command is already there).  Elsewhere the
# script stops with one line naming the packages to install.
set -euo pipefail

declare -A COMMANDS=(
  [tex]="lualatex latexmk xindy kpsewhich"
  [pdftools]="pdftotext pdffonts pdftoppm pdfinfo"
  [browser]="chromium"
  [epub]="java"
  [java]="java"
  [node]="node npm"
  [uptex]="uplatex dvipdfmx kpsewhich"
)
declare -A PACKAGES=(
  [tex]="texlive-lang-japanese texlive-latex-recommended texlive-latex-extra texlive-luatex latexmk xindy"
  [pdftools]="poppler-utils"
  [browser]="chromium fonts-noto-cjk"
  [epub]="default-jre-headless epubcheck"
  [java]="default-jre-headless"
  [node]="nodejs npm"
  # Sphinx's default LaTeX for Japanese (bench/ baseline): upLaTeX with TeX Gyre fonts.
  [uptex]="texlive-lang-japanese tex-gyre"
)
# Files that the packages provide but no command reveals.
declare -A FILES=(
  [tex]="lua-ul.sty luatexja-preset.sty"
  [epub]=""
  [browser]=""
  [pdftools]=""
  [java]=""
  [node]=""
  [uptex]="tgtermes.sty jsbook.cls"
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
  if [[ $need == 0 && $group == epub && ! -f /usr/share/java/epubcheck.jar ]]; then
    need=1
  fi
  if [[ $group == browser && $need == 0 && ! -d /usr/share/fonts/opentype/noto ]]; then
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
