import type { Caller, Role } from '../../shared/api/roles';

/**
 * Which role each window's page speaks for, by its webContents id. Main sets it when it creates
 * the window; nothing the page sends can change it. An unknown id (a webContents main did not
 * create) has no role, and the IPC handlers refuse it.
 */
export class WindowRoles {
  private readonly callers = new Map<number, Caller>();

  constructor(private readonly stationName: () => string) {}

  assign(webContentsId: number, role: Role): Caller {
    const caller: Caller = { role, station: `${this.stationName()} / ${role} window ${webContentsId}` };
    this.callers.set(webContentsId, caller);
    return caller;
  }

  forget(webContentsId: number): void {
    this.callers.delete(webContentsId);
  }

  callerOf(webContentsId: number | undefined): Caller | undefined {
    return webContentsId === undefined ? undefined : this.callers.get(webContentsId);
  }

  roleOf(webContentsId: number | undefined): Role | undefined {
    return this.callerOf(webContentsId)?.role;
  }
}
