#!/usr/bin/env bash
# The model card's evaluation table: `npx s2s eval` of MODEL_DIR on every held-out manifest, one line each.
#   scripts/model/evaluate.sh MODEL_DIR [CORPUS_DIR=data/corpus] [SPEECH_DIR=../shared/data/speech] [decoder flags...]
set -euo pipefail
model=${1:?usage: scripts/model/evaluate.sh MODEL_DIR [CORPUS_DIR] [SPEECH_DIR] [decoder flags...]}
corpus=${2:-data/corpus}
speech=${3:-../shared/data/speech}
shift $(( $# < 3 ? $# : 3 ))
s2s="$(dirname "$0")/../../bin/s2s.mjs"
for manifest in "$corpus"/dev_synth.tsv "$corpus"/dev_synth_long.tsv "$corpus"/dev_synth_heldout_voice.tsv "$corpus"/dev_speech_commands.tsv "$corpus"/dev_fsdd.tsv \
  "$corpus"/dev_nonspeech.tsv "$speech"/pocketsphinx_testdata/manifest.tsv "$speech"/ljspeech_subset/manifest.tsv; do
  [ -f "$manifest" ] || { echo "$manifest: missing, skipped"; continue; }
  printf '%s: ' "$manifest"
  node "$s2s" eval "$manifest" --model "$model" "$@" | tail -n 1
done
