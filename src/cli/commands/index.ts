import type { CliCommand } from './command';

/**
 * Every `anke` sub-command, loaded lazily so `anke assess` does not load the server.
 * Add a command by adding one line here and one file under src/cli/commands/.
 */
export const commands: Record<string, () => Promise<CliCommand>> = {
  assess: async () => (await import('./assess')).assessCommand,
  indicators: async () => (await import('./indicators')).indicatorsCommand,
  user: async () => (await import('./user')).userCommand,
  audit: async () => (await import('./audit')).auditCommand,
  backup: async () => (await import('./backup')).backupCommand,
  restore: async () => (await import('./restore')).restoreCommand,
  notice: async () => (await import('./notice')).noticeCommand,
  export: async () => (await import('./export')).exportCommand,
};
