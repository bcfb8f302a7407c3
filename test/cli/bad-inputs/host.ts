/**
 * A CLI host: a child process that loads the CLI once and then runs one case after another, each
 * as `allot <argv>` would run in its folder, and sends back the exit code and what it printed.
 * Starting Node, tsx and the CLI's modules costs about a second; a refusal itself costs a few
 * milliseconds, so a host runs the suite several times faster than a process per case.
 *
 * It stays a real process of its own: anything that would end the CLI's process (process.exit,
 * an uncaught exception or rejection) ends the case with that outcome and then the host, which
 * the runner replaces, so no state outlives a case that went wrong; a crash, an out-of-memory or
 * a hang kills only the host. Run by run.ts with `node --import tsx host.ts`, over IPC.
 */
import { main } from '../../../src/cli/main';

interface Job {
  id: number;
  dir: string;
  argv: string[];
}

export interface HostReply {
  id: number;
  code: number | null;
  stdout: string;
  stderr: string;
  /** The case ended the process (exit, uncaught error): the host exits after replying. */
  fatal: boolean;
}

const write = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
const realExit = process.exit.bind(process);
interface Current {
  job: Job;
  out: string[];
  err: string[];
  /** Set by process.exit: its code, and how much had been printed by then (what a real exit would show). */
  exit?: { code: number; out: number; err: number };
  done: (reply: Omit<HostReply, 'id' | 'stdout' | 'stderr'>) => void;
}
let current: Current | null = null;

/** Thrown by process.exit during a case, to stop the case where a real exit would have. */
class ExitCalled extends Error {}

function capture(kind: 'out' | 'err') {
  return (chunk: string | Uint8Array, encoding?: unknown, callback?: unknown): boolean => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (current) (kind === 'out' ? current.out : current.err).push(text);
    else write[kind](text);
    const cb = typeof encoding === 'function' ? encoding : callback;
    if (typeof cb === 'function') queueMicrotask(() => (cb as () => void)());
    return true;
  };
}
process.stdout.write = capture('out') as typeof process.stdout.write;
process.stderr.write = capture('err') as typeof process.stderr.write;
process.exit = ((code?: number | string | null) => {
  if (!current) realExit(code as number);
  current!.exit ??= { code: Number(code ?? process.exitCode ?? 0), out: current!.out.length, err: current!.err.length };
  throw new ExitCalled('process.exit');
}) as typeof process.exit;

/** What Node prints for an error that reaches the top, and the exit code it ends with. */
function fatal(error: unknown) {
  if (!current) {
    write.err(`bad-inputs host: ${error instanceof Error ? error.stack : String(error)}\n`);
    realExit(70);
  }
  current!.err.push(`${error instanceof Error ? error.stack : String(error)}\n`);
  current!.done({ code: 1, fatal: true });
}
process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);

process.on('message', (job: Job) => {
  const out: string[] = [];
  const err: string[] = [];
  let replied = false;
  const done = (reply: Omit<HostReply, 'id' | 'stdout' | 'stderr'>) => {
    if (replied) return;
    replied = true;
    const exit = current?.exit;
    current = null;
    const message: HostReply = exit
      ? { id: job.id, stdout: out.slice(0, exit.out).join(''), stderr: err.slice(0, exit.err).join(''), code: exit.code, fatal: true }
      : { id: job.id, stdout: out.join(''), stderr: err.join(''), ...reply };
    process.send!(message, () => {
      if (reply.fatal) realExit(0);
    });
  };
  current = { job, out, err, done };
  process.chdir(job.dir);
  main(job.argv).then(
    (code) => done({ code, fatal: false }),
    (error: unknown) => (error instanceof ExitCalled ? done({ code: 0, fatal: true }) : fatal(error)),
  );
});

process.send!({ ready: true });
