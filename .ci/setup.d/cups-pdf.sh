#!/usr/bin/env bash
# Creates the "MusubiPDF" print queue, backed by cups-pdf, that the print tests send badges to
# (test/integration/badge-print-cups.test.ts). Idempotent; runs as root (CI runs it before npm ci).
# By hand: sudo bash .ci/setup.d/cups-pdf.sh
set -euo pipefail

QUEUE="${MUSUBI_TEST_PRINTER:-MusubiPDF}"
OUT_DIR=/var/spool/cups-pdf

if [ "$(id -u)" -ne 0 ]; then
  echo "cups-pdf.sh: run as root (sudo bash $0)" >&2
  exit 1
fi
if ! command -v lpadmin >/dev/null || [ ! -e /usr/lib/cups/backend/cups-pdf ]; then
  echo "cups-pdf.sh: install cups and printer-driver-cups-pdf first (apt-get install -y cups printer-driver-cups-pdf)" >&2
  exit 1
fi

# Every job lands in $OUT_DIR/<user>/ (root's too) so the test knows where to look.
CONF=/etc/cups/cups-pdf.conf
if ! grep -q "^Out $OUT_DIR/\${USER}$" "$CONF"; then
  sed -i -e '/^Out /d' -e '/^AnonDirName /d' "$CONF"
  printf 'Out %s/${USER}\nAnonDirName %s/ANONYMOUS\n' "$OUT_DIR" "$OUT_DIR" >>"$CONF"
fi
mkdir -p "$OUT_DIR"
chmod 1777 "$OUT_DIR"

# No systemd on the build machines: start the scheduler directly when it is not running.
if ! lpstat -r 2>/dev/null | grep -q 'is running'; then
  /usr/sbin/cupsd
  for _ in $(seq 1 50); do
    lpstat -r 2>/dev/null | grep -q 'is running' && break
    sleep 0.2
  done
fi

PPD=/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
[ -e "$PPD" ] || PPD=$(find /usr/share/ppd -iname 'CUPS-PDF*.ppd' | head -n 1)
if ! lpstat -p "$QUEUE" >/dev/null 2>&1; then
  lpadmin -p "$QUEUE" -E -v cups-pdf:/ -P "$PPD"
fi
cupsenable "$QUEUE"
cupsaccept "$QUEUE"

# A second queue that is stopped, as CUPS leaves a label printer that ran out of labels: the tests
# check that staff see the reason instead of "sent".
STOPPED="${QUEUE}Stopped"
if ! lpstat -p "$STOPPED" >/dev/null 2>&1; then
  lpadmin -p "$STOPPED" -E -v cups-pdf:/ -P "$PPD"
fi
cupsaccept "$STOPPED"
cupsdisable -r "Out of labels" "$STOPPED"
echo "cups-pdf.sh: queue $QUEUE ready (and $STOPPED, stopped); PDFs go to $OUT_DIR/<user>/"
