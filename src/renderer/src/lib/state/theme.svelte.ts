export type ThemeChoice = 'system' | 'light' | 'dark'

const KEY = 's2s-theme'

/** The colour theme: the user's choice persisted locally, applied as data-theme on <html>. */
class Theme {
  choice = $state<ThemeChoice>(readChoice())

  set(choice: ThemeChoice): void {
    this.choice = choice
    localStorage.setItem(KEY, choice)
    apply(choice)
  }

  init(): void {
    apply(this.choice)
  }
}

function readChoice(): ThemeChoice {
  const stored = localStorage.getItem(KEY)
  return stored === 'light' || stored === 'dark' ? stored : 'system'
}

function apply(choice: ThemeChoice): void {
  if (choice === 'system') delete document.documentElement.dataset.theme
  else document.documentElement.dataset.theme = choice
}

export const theme = new Theme()
