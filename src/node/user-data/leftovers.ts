/**
 * Whether a file or folder name is the leftover of an interrupted write by a process that no longer runs: a
 * writeFileAtomic temp file (`.<name>.<pid>.<time>.tmp`) or a version staging folder (`.staging-<pid>-<id>`).
 * Those of running processes (another engine, the command line) are in use and must stay.
 */
export function isDeadLeftover(name: string): boolean {
  const pid = /^\..*\.(\d+)\.\d+\.tmp$/.exec(name)?.[1] ?? /^\.staging-(\d+)-/.exec(name)?.[1]
  return pid !== undefined && !isRunning(Number(pid))
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}
