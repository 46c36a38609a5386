export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export interface CliCommand {
  /** One line in Chinese for `anke help`. */
  summary: string;
  usage: string;
  run: (args: string[], io: CliIo) => Promise<number>;
}
