/** audio-type ships no types: the format name of an encoded file from its first bytes ('wav', 'mp3', 'oga', …). */
declare module 'audio-type' {
  export default function audioType(bytes: Uint8Array): string | undefined
}
