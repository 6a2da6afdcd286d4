# Shared set-up for bin/run and bin/test (sourced, not executed): Python ≥ 3.12, .venv with the
# project installed, front-end packages from npm. Each step is skipped when nothing changed.

step() { printf '\n==> %s\n' "$*"; }
fail() { printf '\nFEHLER: %s\n' "$*" >&2; exit 1; }

python_ok() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; }

find_python() {
  local candidate
  for candidate in python3.13 python3.12 python3; do
    if command -v "$candidate" >/dev/null 2>&1 && python_ok "$candidate"; then
      command -v "$candidate"; return 0
    fi
  done
  # pyenv installs versions that its shims only expose when selected; look at them directly.
  for candidate in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.1[3-9]*/bin/python3 \
                   "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.12*/bin/python3; do
    if [ -x "$candidate" ] && python_ok "$candidate"; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}

fingerprint() { cat "$@" 2>/dev/null | sha256sum | cut -d' ' -f1; }

setup_python() {
  if [ ! -x .venv/bin/python ] || ! python_ok .venv/bin/python; then
    local python
    python=$(find_python) || fail "Python 3.12 oder neuer wird benötigt (gesucht: python3.13, python3.12, python3)."
    step "Virtuelle Umgebung .venv anlegen mit $python ($("$python" --version))"
    rm -rf .venv
    "$python" -m venv .venv
  fi
  local wanted
  wanted=$(fingerprint pyproject.toml)
  if [ "$(cat .venv/.installed 2>/dev/null)" != "$wanted" ]; then
    step "Python-Pakete installieren (pyproject.toml)"
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[test]"
    echo "$wanted" > .venv/.installed
  else
    step "Python-Pakete sind aktuell"
  fi
}

setup_frontend() {
  command -v npm >/dev/null 2>&1 || fail "npm wird für die Front-End-Pakete benötigt (z. B. apt-get install npm)."
  local wanted
  wanted=$(fingerprint package.json package-lock.json)
  if [ ! -d node_modules ] || [ "$(cat node_modules/.installed 2>/dev/null)" != "$wanted" ]; then
    step "Front-End-Pakete installieren (package-lock.json)"
    npm ci --no-audit --no-fund --loglevel=error
    echo "$wanted" > node_modules/.installed
  else
    step "Front-End-Pakete sind aktuell"
  fi
}

# Debian packages that some tests need. Installed only as root (CI runs as root); otherwise the
# tests that need them skip with a message. Playwright's own browser download is never used.
apt_install() {  # apt_install "what, for what" package...
  local what=$1; shift
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    step "$what installieren (apt-get install $*)"
    apt-get install -y -qq "$@" >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq "$@" >/dev/null 2>&1; } \
      || printf 'Hinweis: %s konnte nicht installiert werden; die Tests dazu werden übersprungen.\n' "$what"
  else
    printf 'Hinweis: %s fehlt, und es fehlen root-Rechte; die Tests dazu werden übersprungen.\n' "$what"
  fi
}

setup_chromium() {
  if [ -x /usr/bin/chromium ]; then
    step "Chromium ist vorhanden"
  else
    apt_install "Chromium für die Browser-Tests" chromium
  fi
}

# Pango for WeasyPrint (PDF export of /steuerung/), poppler-utils for pdftotext in the PDF test.
setup_pdf_libs() {
  if ldconfig -p 2>/dev/null | grep 'libpango-1.0.so' >/dev/null && command -v pdftotext >/dev/null 2>&1; then
    step "Pango und poppler-utils für den PDF-Export sind vorhanden"
  else
    apt_install "Pango und poppler-utils für den PDF-Export" libpango-1.0-0 libpangoft2-1.0-0 poppler-utils
  fi
}
