import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../errors.js';
import { isRunning, tempFileFor } from '../temp-files.js';
import { FOREIGN_LOCK_STALE_MS } from '../settings.js';

/** Who holds the write lock: enough to tell a live writer from a leftover after a crash or reboot. */
interface LockOwner {
  pid: number;
  host: string;
  /** When the lock was taken (ms since the epoch). */
  since: number;
  /** The owner process's start (boot id and start time in clock ticks), where the OS tells it. */
  processStart: string | null;
}

const LOCK = 'write.lock';

/** A process's start as the OS records it (Linux), so a reused pid is not mistaken for the owner. */
export function processStart(pid: number): string | null {
  try {
    const boot = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return `${boot}:${stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]}`;
  } catch {
    return null;
  }
}

const duration = (ms: number): string => {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 60
    ? `${s} s`
    : s < 3600
      ? `${Math.floor(s / 60)} min ${s % 60} s`
      : `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
};

/** Why the lock in `text` is not held by a running writer, or null when it is. */
function staleness(text: string): string | null {
  let owner: LockOwner;
  try {
    owner = JSON.parse(text) as LockOwner;
    if (typeof owner.pid !== 'number' || typeof owner.host !== 'string') throw new Error('incomplete');
  } catch {
    return text.trim() === '' ? 'it was empty' : 'it could not be read';
  }
  if (owner.host !== os.hostname() || impossiblePid(owner.pid)) return null;
  if (owner.pid === process.pid) return 'it was left by this process';
  if (!isRunning(owner.pid)) return `its process ${owner.pid} is no longer running`;
  const start = processStart(owner.pid);
  if (owner.processStart && start && start !== owner.processStart) return `process ${owner.pid} is another program now`;
  return null;
}

/** A pid no process can have (0 and negative pids name process groups to `kill`, which would say "running"). */
const impossiblePid = (pid: number): boolean => !Number.isSafeInteger(pid) || pid <= 0;

/** The command that clears a lock no writer holds; the hint says to check first, since kabar cannot. */
export const BREAK_LOCK = 'kabar index --break-lock';

export class IndexLockedError extends UserError {
  constructor(dir: string, owner: LockOwner) {
    const foreign = owner.host !== os.hostname();
    const held = Date.now() - owner.since;
    const who = `pid ${owner.pid}${foreign ? ` on ${owner.host}` : ''}`;
    const hint = impossiblePid(owner.pid)
      ? `No process can have pid ${owner.pid}: if no kabar index is running, clear the lock with ${BREAK_LOCK}.`
      : foreign && !(held >= 0 && held < FOREIGN_LOCK_STALE_MS)
        ? `kabar cannot see processes on ${owner.host}: if no kabar index runs there, clear the lock with ${BREAK_LOCK}.`
        : 'Wait for it to finish, then try again.';
    const since = Number.isFinite(held) && held >= 0 ? ` for ${duration(held)}` : '';
    super('INDEX_LOCKED', `Another kabar process (${who}) has been updating the index in ${dir}${since}.`, { hint });
  }
}

/**
 * Removes the write lock whoever holds it (`kabar index --break-lock`, after the user checked that no
 * writer runs) and says whose it was; nothing when there is none.
 */
export function breakWriteLock(dir: string, onWarning: (message: string) => void): void {
  const file = path.join(dir, LOCK);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return;
  }
  let owner = 'an unreadable owner';
  try {
    const parsed = JSON.parse(text) as LockOwner;
    owner = `pid ${parsed.pid} on ${parsed.host}`;
  } catch {
    // said as unreadable
  }
  fs.rmSync(file, { force: true });
  onWarning(`Removed the index lock in ${dir} (held by ${owner}).`);
}

/**
 * Creates the lock file whole or not at all: the owner is written beside it first and then linked
 * into place, which fails if the lock exists. (Creating it empty and writing it after would let
 * another process read it empty in between and take it over as a leftover.)
 */
function tryCreate(file: string): boolean {
  const owner: LockOwner = {
    pid: process.pid,
    host: os.hostname(),
    since: Date.now(),
    processStart: processStart(process.pid),
  };
  const draft = tempFileFor(file);
  try {
    fs.writeFileSync(draft, JSON.stringify(owner));
    fs.linkSync(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    fs.rmSync(draft, { force: true }); // a draft we could not finish writing (disk full) must not stay
  }
}

/** Removes the leftover lock, unless another process has meanwhile replaced it with its own. */
function removeIfUnchanged(file: string, leftover: string): void {
  try {
    if (fs.readFileSync(file, 'utf8') === leftover) fs.rmSync(file, { force: true });
  } catch {
    // already gone
  }
}

/**
 * Takes the index's write lock (one writer at a time) and returns its release. A lock left by a
 * process that is gone, a reused pid, or an empty or unreadable lock file is taken over with a
 * warning; a running writer is named with its pid and how long it has been running.
 */
export function acquireWriteLock(dir: string, onWarning: (message: string) => void): () => void {
  const file = path.join(dir, LOCK);
  if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) {
    // kabar only ever writes the lock as a file: a folder in its place is damage, never a live writer.
    onWarning(`Removed the folder ${file}: the index lock must be a file.`);
    fs.rmSync(file, { recursive: true, force: true });
  }
  if (!tryCreate(file)) {
    let text = '';
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      // released meanwhile
    }
    const stale = staleness(text);
    if (stale === null) throw new IndexLockedError(dir, JSON.parse(text) as LockOwner);
    onWarning(`Took over the index lock in ${dir}: ${stale}.`);
    removeIfUnchanged(file, text);
    if (!tryCreate(file)) throw new IndexLockedError(dir, JSON.parse(fs.readFileSync(file, 'utf8')) as LockOwner);
  }
  return () => fs.rmSync(file, { force: true });
}
