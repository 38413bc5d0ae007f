/** 受付リスト（セミナー・懇親会など、部ごとの受付）と個人情報の削除の文言。 */
const ja = {
  panelTitle: '受付リスト（部ごとの受付）',
  panelHint:
    'セミナーと懇親会のように受付を分けるときに使います。リストごとに、受け付けるチケット種別を決めます。リストを作らなければ、受付はこれまでどおり一つです。',
  listJa: 'リスト {{n}} の名前',
  listEn: 'リスト {{n}} の英語名',
  ticketTypes: '受け付けるチケット種別（読点・カンマ区切り。空欄ならすべて）',
  ticketTypesOf: '{{name}} で受け付けるチケット種別',
  knownTypes: '登録されているチケット種別：',
  knownType: '{{type}}（{{count, number}} 名）',
  noKnownTypes: 'まだチケット種別が登録されていません。参加者を取り込むと、チケット種別・チケット名・参加枠の列が読み込まれます。',
  addList: 'リストを追加',
  newList: '新しいリスト',
  removeList: '{{name}} を削除',
  save: '受付リストを保存',
  saved: '受付リストを保存しました。',
  everyone: 'すべてのチケット',
  // 受付画面
  pickerLabel: 'この端末の受付リスト',
  listCount: 'このリスト {{checkedIn, number}} / {{expected, number}} 名',
  refusedTitle: '{{list}} の受付対象外のチケットです',
  refusedBody: '{{name}} さんのチケットは「{{ticketType}}」です。{{list}} では受け付けていません。',
  refusedNoType: '{{name}} さんにはチケット種別が登録されていません。{{list}} では受け付けていません。',
  override: 'スタッフ判断で受け付ける',
  dismiss: '受け付けない',
  kioskNotAdmitted: 'このチケットはこちらの受付の対象外です。お手数ですが、スタッフにお声がけください。',
  // ダッシュボード
  dashboardTitle: '受付リスト別',
  dashboardRow: '{{checkedIn, number}} 名（対象 {{expected, number}} 名）',
  // 個人情報の削除とバックアップ
  copiesTitle: '削除と同時に、この端末にある次のバックアップ {{count, number}} 件も削除します（氏名やメールアドレスが残っているため）：',
  copiesConfirm:
    '本当に削除しますか？この端末の個人情報は元に戻せません。バックアップ {{count, number}} 件も削除します。書き出したファイルは削除されません。',
  copiesDeleted: 'バックアップ {{count, number}} 件も削除しました。',
};

const en: typeof ja = {
  panelTitle: 'Check-in lists (one per part of the event)',
  panelHint:
    'For an event in parts, such as a seminar and a party: each list has its own door and admits the ticket types you choose. Without lists there is one check-in, as before.',
  listJa: 'List {{n}} name (Japanese)',
  listEn: 'List {{n}} name (English)',
  ticketTypes: 'Ticket types it admits (separated by commas; empty admits everyone)',
  ticketTypesOf: 'Ticket types {{name}} admits',
  knownTypes: 'Ticket types in the registrations:',
  knownType: '{{type}} ({{count, number}})',
  noKnownTypes: 'No ticket types yet. An import reads them from a ticket type, ticket name or 参加枠 column.',
  addList: 'Add a list',
  newList: 'New list',
  removeList: 'Remove {{name}}',
  save: 'Save check-in lists',
  saved: 'Check-in lists saved.',
  everyone: 'All tickets',
  pickerLabel: 'This station checks in to',
  listCount: '{{checkedIn, number}} of {{expected, number}} on this list',
  refusedTitle: 'This ticket is not for {{list}}',
  refusedBody: '{{name}} holds a “{{ticketType}}” ticket, which {{list}} does not admit.',
  refusedNoType: '{{name}} has no ticket type on record, and {{list}} admits only certain tickets.',
  override: 'Check in anyway (staff decision)',
  dismiss: 'Do not check in',
  kioskNotAdmitted: 'This ticket is not for this check-in. Please ask a member of staff.',
  dashboardTitle: 'By check-in list',
  dashboardRow: '{{checkedIn, number}} (of {{expected, number}} with a ticket for it)',
  copiesTitle: 'The purge also deletes these {{count, number}} backups on this station (they still hold names and e-mails):',
  copiesConfirm:
    'Really purge? Personal data on this station cannot be brought back. The {{count, number}} backups are deleted too. Exported files are not deleted.',
  copiesDeleted: '{{count, number}} backups were deleted too.',
};

export const lists = { ja, en };
