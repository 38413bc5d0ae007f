import type { RegistrationStatus } from '../../../shared/domain/attendee';
import { foldAnswer } from './catalogue';

/**
 * The status values of the usual exports (Peatix, connpass, Eventbrite, Doorkeeper, Google Forms
 * add-ons), folded like every answer. Peatix: 支払い済み / キャンセル済み / 支払い待ち / 期限切れ;
 * connpass: 参加 / 補欠 / キャンセル; Eventbrite: Attending / Not Attending / Refunded / Waitlist;
 * Doorkeeper: 参加 / キャンセル / 補欠 / 入金待ち.
 */
const VALUES: [RegistrationStatus, string[]][] = [
  [
    'registered',
    ['参加', '参加予定', '参加確定', '参加者', '申込済み', '申込済', '申し込み済み', '支払い済み', '支払済み', '支払済', '決済済み', '決済完了', '購入済み', '購入済', '確定', '出席', '受付済み', '当選', '有効', '承認済み', '無料',
      'attending', 'registered', 'confirmed', 'paid', 'complete', 'completed', 'checked in', 'checkedin', 'active', 'going', 'valid', 'free', 'approved'],
  ],
  [
    'cancelled',
    ['キャンセル', 'キャンセル済み', 'キャンセル済', '取消', '取り消し', '取消済み', '辞退', '欠席', '不参加', '返金', '返金済み', '返金済', '払い戻し', '払い戻し済み', '払戻済み', '期限切れ', '支払い期限切れ', '無効', '落選', '削除',
      'cancelled', 'canceled', 'cancellation', 'refunded', 'refund', 'not attending', 'notattending', 'declined', 'deleted', 'expired', 'void', 'voided', 'transferred'],
  ],
  ['waitlisted', ['補欠', 'キャンセル待ち', '順番待ち', '抽選待ち', '補欠待ち', 'waitlist', 'waitlisted', 'waiting list', 'waitinglist', 'on waitlist', 'wait list', 'waiting']],
  [
    'pending',
    ['支払い待ち', '支払待ち', 'お支払い待ち', '入金待ち', '決済待ち', '未払い', '未払', '未入金', '未決済', '仮申込', '仮申し込み', '保留', '承認待ち', '審査中',
      'pending', 'unpaid', 'awaiting payment', 'awaitingpayment', 'payment pending', 'pendingpayment', 'on hold', 'reserved'],
  ],
];

const BY_KEY = new Map<string, RegistrationStatus>();
for (const [status, values] of VALUES) for (const value of values) BY_KEY.set(foldAnswer(value), status);

/** The status a cell means, or undefined for a value none of the exports uses. */
export function registrationStatusOf(cell: string): RegistrationStatus | undefined {
  return BY_KEY.get(foldAnswer(cell));
}
