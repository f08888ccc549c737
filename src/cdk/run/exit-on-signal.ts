// Imported first by the executables: SIGTERM/SIGINT end the process at once (143/130) whenever no
// command is listening for them (start-up, shutdown), and a second signal always does.
// Node as a container's PID 1 (no init) gets no default action for these signals: without a handler,
// `docker stop` would wait out its timeout and then SIGKILL. The executables import everything else
// dynamically, after this, so the handlers exist before the slow part of the start-up begins.
import { SIGNAL_EXIT_CODES } from './interruptible.js';

let received = 0;
for (const [name, code] of Object.entries(SIGNAL_EXIT_CODES)) {
  process.on(name, () => {
    received += 1;
    if (received > 1 || process.listenerCount(name) === 1) process.exit(code);
  });
}
