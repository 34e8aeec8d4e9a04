#!/usr/bin/env bash
# How much a model's reading depends on the channel's colour: `npx s2s eval --decoder greedy` of the first N rows of
# a manifest as recorded, then with 6 dB more or less treble and bass (sox shelving filters), one line each.
#   scripts/model/colour-sensitivity.sh MODEL_DIR [MANIFEST=data/corpus/dev_synth_heldout_voice.tsv] [N=100]
set -euo pipefail
model=${1:?usage: scripts/model/colour-sensitivity.sh MODEL_DIR [MANIFEST] [N]}
manifest=${2:-data/corpus/dev_synth_heldout_voice.tsv}
rows=${3:-100}
s2s="$(dirname "$0")/../../bin/s2s.mjs"
base=$(cd "$(dirname "$manifest")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for fx in "" "treble 6" "treble -6" "bass 6" "bass -6"; do
  dir="$work/${fx// /_}"
  mkdir -p "$dir"
  head -n 1 "$manifest" > "$dir/manifest.tsv"
  tail -n +2 "$manifest" | head -n "$rows" | while IFS=$'\t' read -r path rest; do
    out="$dir/$(printf '%s' "$path" | tr '/' '_')"
    # -G guards against clipping; the model's input-level normalisation undoes the level change itself.
    sox -V1 -G "$base/$path" "$out" $fx
    printf '%s\t%s\n' "$(basename "$out")" "$rest" >> "$dir/manifest.tsv"
  done
  printf '%s: ' "${fx:-as recorded}"
  node "$s2s" eval "$dir/manifest.tsv" --model "$model" --decoder greedy | tail -n 1
done
