import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './cli-error';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * node:util parseArgs with its English errors turned into one Chinese line (CliError)
 * that ends with the command's usage.
 */
export function parseCommandArgs<O extends Options>(args: string[], options: O, usage: string, allowPositionals = true) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new CliError(`参数错误：${describeParseError(error)}。用法：${usage}`);
  }
}

function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const quoted = /'([^']+)'/.exec(message)?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `未知选项“${quoted ?? message}”`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return message.includes('does not take an argument') ? `选项“${quoted ?? ''}”不接受取值` : `选项“${quoted ?? ''}”需要一个取值`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `多余的参数“${quoted ?? message}”`;
    default:
      return message;
  }
}
