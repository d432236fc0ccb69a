// What one emulator keeps for Resource Graph: the history its lag answers from and the quota windows.
import type { Backend } from '../backend';
import type { Reply } from '../http';
import { GraphHistory } from './graphHistory';
import { GraphQuota } from './graphQuota';

export class ResourceGraphState {
  readonly history = new GraphHistory();
  readonly quota = new GraphQuota();

  reset(): void {
    this.history.clear();
    this.quota.reset();
  }

  /** Runs an ARM handler with the world observed before and after it, so its own change is dated to its time. */
  watch(b: Backend, now: number, handle: () => Reply): Reply {
    this.history.observe(b, now);
    const reply = handle();
    this.history.observe(b, now);
    return reply;
  }
}
