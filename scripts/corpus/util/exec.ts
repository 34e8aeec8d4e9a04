import { spawn } from 'node:child_process'

export interface ExecOptions {
  /** Written to the child's stdin (which is closed either way). */
  input?: string | Buffer
  env?: NodeJS.ProcessEnv
}

/** Runs a command without a shell and resolves with its stdout; rejects with the tail of stderr on failure. */
export function execFile(command: string, args: readonly string[], options: ExecOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
    child.on('error', (error) => reject(new Error(`${command}: ${error.message}`)))
    child.on('close', (code, signal) => {
      if (code === 0) return resolve(Buffer.concat(out))
      const tail = Buffer.concat(err).toString('utf8').trim().split('\n').slice(-3).join(' | ')
      const line = [command, ...args].join(' ').slice(0, 300)
      reject(new Error(`${line}: ${signal ? `killed by ${signal}` : `exited ${code}`}: ${tail}`))
    })
    child.stdin.on('error', () => undefined)
    child.stdin.end(options.input ?? '')
  })
}
