/**
 * Cases per property-based fuzz test (issue 9: 1e5 in total, without crash or hang). Split by cost per case: the
 * contract validator and the manifest parser take microseconds, audio decoding and model loading milliseconds.
 */
export const FUZZ_RUNS = {
  contract: 57_000,
  manifest: 30_000,
  audio: 8_000,
  modelFiles: 5_000
} as const
