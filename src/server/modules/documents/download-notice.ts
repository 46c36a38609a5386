import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/can';
import { centiToNumber } from '../../../domain/arith/points';
import type { NoticeQuery } from '../../../shared/schemas/document';
import { buildNoticeDocx, composeNotice } from '../../documents/notice-docx';
import { DEFAULT_NOTICE_TEMPLATE } from '../../documents/notice-template';
import { AppError } from '../../app-error';
import type { DB } from '../../db/schema';
import { assertTableReadable, readResultCase } from './result-case';
import { findOrganisationName } from './repository';
import { chinaDateOf } from '../../../domain/ledgers/shared/dates';

/** The date in China (UTC+8) as YYYY-MM-DD: the 印发日期 printed on the notice. */

/**
 * The 通报 as DOCX (GB/T 9704-2012): from a published version, or from the current results
 * with the watermark 征求意见稿 on every page when no version is asked for.
 */
export async function downloadNotice(db: Kysely<DB>, actor: Actor, id: string, query: NoticeQuery, now: Date) {
  if (query.number && !query.header) {
    throw new AppError('validation_failed', '发文字号须与发文机关标志一起填写。');
  }
  const c = await readResultCase(db, actor, id, query.version, now);
  assertTableReadable(actor, c.row);
  const draft = c.version === null;
  const office = query.office ?? `${(await findOrganisationName(db, c.row.organisation_id)) ?? ''}安全生产委员会办公室`;
  const notice = composeNotice(c.table, {
    template: DEFAULT_NOTICE_TEMPLATE,
    threshold: centiToNumber(c.result.stats.threshold),
    printing: { office, date: query.date ?? chinaDateOf(now) },
    draft,
    redHeader: query.header ? { organisationMark: query.header, documentNumber: query.number } : undefined,
  });
  const version = c.version === null ? '（征求意见稿）' : `（第${c.version}版）`;
  return { fileName: `${c.row.name}通报${version}.docx`, buffer: await buildNoticeDocx(notice) };
}
