#!/usr/bin/env bash
# Renders the README's pictures from the TUI's golden files
# (ui/testdata/TestGolden) with charmbracelet/freeze, run from the module
# proxy so the module does not depend on it (freeze would bring lipgloss
# v2 into go.mod). It records each golden's SHA-256 in sources.sha256;
# ui's TestREADMEScreensAreFresh fails when a golden changed since.
#
#   bash docs/screens/render.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
FREEZE="go run github.com/charmbracelet/freeze@v0.2.2"
# picture name → golden file
SCREENS=(
  "picker:picker_80x24"
  "list:filter_terms_100x30"
  "detail:invoice_detail_80x24"
  "overview:overview_count_selected_100x30"
  "transactions:transactions_100x30"
)
out=docs/screens
: > "$out/sources.sha256.new"
for s in "${SCREENS[@]}"; do
  name=${s%%:*} golden=ui/testdata/TestGolden/${s#*:}.golden
  # A system monospace font keeps each SVG a few kilobytes (the embedded
  # default font is 370 KB).
  $FREEZE --language text --window --font.family monospace --output "$out/$name.svg" "$golden" >/dev/null
  (sha256sum "$golden" | awk -v n="$name" '{print $1 "  " n "  " $2}') >> "$out/sources.sha256.new"
done
mv "$out/sources.sha256.new" "$out/sources.sha256"
echo "rendered ${#SCREENS[@]} pictures into $out"
