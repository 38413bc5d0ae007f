/**
 * When a window's page crashes (or is killed), main loads it again: a kiosk must not sit on a blank
 * screen until someone notices. A page that keeps crashing is not reloaded in a tight loop: after
 * `limit` crashes within `windowMs` main stops and reports it to staff instead.
 */
export class RendererRecovery {
  private crashes: number[] = [];

  constructor(
    private readonly limit = 3,
    private readonly windowMs = 60_000,
  ) {}

  /** Records a crash at `now`; true when the page should be loaded again. */
  shouldReload(reason: string, now: number): boolean {
    if (reason === 'clean-exit') return false;
    this.crashes = [...this.crashes.filter((at) => now - at < this.windowMs), now];
    return this.crashes.length <= this.limit;
  }
}
