/** The app's top-level views, in navigation order (Alt+1…Alt+4 selects them). */
export const views = [
  { id: 'dictate', label: 'Dictate' },
  { id: 'files', label: 'Files' },
  { id: 'train', label: 'Train' },
  { id: 'settings', label: 'Settings' }
] as const

export type ViewId = (typeof views)[number]['id']
