/** `npm start` as a child process (src/main.ts), with only the environment given, and its log read as it comes. */
import { spawn } from 'node:child_process';

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts src/main.ts with only the given environment (and PATH), so nothing leaks in from outside. */
export function startMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const lineListeners = new Set<() => void>();
  child.stdout.on('data', (chunk) => {
    stdout += String(chunk);
    lineListeners.forEach((l) => l());
  });
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  const exited = new Promise<Run>((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
  const waitForLog = (msg: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const check = () => {
        const line = stdout.split('\n').find((l) => l.includes(`"msg":"${msg}"`));
        if (line !== undefined) {
          lineListeners.delete(check);
          resolve(JSON.parse(line) as Record<string, unknown>);
        }
      };
      lineListeners.add(check);
      exited.then((run) => reject(new Error(`exited (${run.code}) before logging ${msg}: ${run.stdout}${run.stderr}`)));
      check();
    });
  return { child, exited, waitForLog };
}

