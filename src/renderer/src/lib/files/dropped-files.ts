/** Window-wide file drops: the app takes dropped files itself instead of letting the browser open them. */

/** dragover handler: marks a drag that carries files as a copy (anything else is left alone). */
export function acceptFileDrag(event: DragEvent): void {
  if (!event.dataTransfer?.types.includes('Files')) return
  event.preventDefault()
  event.dataTransfer.dropEffect = 'copy'
}

/** drop handler helper: the dropped files, taken over from the browser (empty when the drop carries none). */
export function takeDroppedFiles(event: DragEvent): File[] {
  const files = [...(event.dataTransfer?.files ?? [])]
  if (files.length > 0) event.preventDefault()
  return files
}
